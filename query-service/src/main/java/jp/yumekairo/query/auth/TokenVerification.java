package jp.yumekairo.query.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * Verifies the command service's RS256 tokens with the public half of its signing key, read from the
 * {@code token_verification_key} view once the command service has created the key (on its first sign-in).
 */
@Component
class TokenVerification {

    private static final String KEY_ID = "primary";

    private final JdbcTemplate jdbc;
    private final String issuer;
    private volatile JwtDecoder decoder;

    TokenVerification(JdbcTemplate jdbc, @Value("${yumekairo.security.issuer}") String issuer) {
        this.jdbc = jdbc;
        this.issuer = issuer;
    }

    JwtDecoder decoder() {
        return token -> {
            JwtDecoder built = decoder;
            if (built == null) {
                NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
                nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
                decoder = built = nimbus;
            }
            return built.decode(token);
        };
    }

    private RSAPublicKey publicKey() {
        List<byte[]> keys = jdbc.query("SELECT public_key FROM token_verification_key WHERE key_id = ?",
                (row, index) -> row.getBytes(1), KEY_ID);
        if (keys.isEmpty()) {
            throw new BadJwtException("no token has been issued yet");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(keys.get(0)));
        } catch (GeneralSecurityException corrupt) {
            throw new IllegalStateException("the stored token verification key cannot be read", corrupt);
        }
    }
}
