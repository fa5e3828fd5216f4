package jp.yumekairo.query.auth;

import jp.yumekairo.edge.LazyJwtDecoder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.List;

/**
 * Verifies the command service's RS256 tokens with the public half of its signing key, read from the
 * {@code token_verification_key} view once the command service has created the key (on its first sign-in).
 */
@Component
class TokenVerification {

    private static final String KEY_ID = "primary";

    private final JdbcTemplate jdbc;
    private final JwtDecoder decoder;

    /** {@code lifetime}: the command service's token lifetime; a token claiming to live longer is refused. */
    TokenVerification(JdbcTemplate jdbc, @Value("${yumekairo.security.issuer}") String issuer,
                      @Value("${yumekairo.security.token-lifetime}") Duration lifetime) {
        this.jdbc = jdbc;
        this.decoder = new LazyJwtDecoder(this::publicKey, issuer, lifetime);
    }

    JwtDecoder decoder() {
        return decoder;
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
