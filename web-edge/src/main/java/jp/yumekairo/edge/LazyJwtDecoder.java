package jp.yumekairo.edge;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.interfaces.RSAPublicKey;
import java.util.function.Supplier;

/**
 * Verifies the command service's RS256 bearer tokens: signature, expiry and issuer. The public key (the file the
 * command service publishes) is read on the first token, not at start, so a query service may start before the
 * command service has made its key; until a decoder is built, each token asks the key again.
 */
public final class LazyJwtDecoder implements JwtDecoder {

    private final Supplier<RSAPublicKey> publicKey;
    private final String issuer;
    private volatile JwtDecoder decoder;

    /** {@code publicKey} may throw a {@link JwtException} while there is no key: the token is then refused. */
    public LazyJwtDecoder(Supplier<RSAPublicKey> publicKey, String issuer) {
        this.publicKey = publicKey;
        this.issuer = issuer;
    }

    @Override
    public Jwt decode(String token) {
        JwtDecoder built = decoder;
        if (built == null) {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey.get())
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
            decoder = built = nimbus;
        }
        return built.decode(token);
    }
}
