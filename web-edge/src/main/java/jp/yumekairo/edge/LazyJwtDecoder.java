package jp.yumekairo.edge;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Verifies the command service's RS256 bearer tokens: signature, expiry and issuer, and that the token has an
 * expiry no further from its issue than the configured lifetime (a correctly signed token without {@code exp}, or
 * one living until 2100, is refused). The public key (the file the command service publishes) is read on the first
 * token, not at start, so a query service may start before the command service has made its key; until a decoder
 * is built, each token asks the key again.
 */
public final class LazyJwtDecoder implements JwtDecoder {

    /** As Spring's own expiry check allows between the two services' clocks. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Supplier<RSAPublicKey> publicKey;
    private final String issuer;
    private final Duration lifetime;
    private volatile JwtDecoder decoder;

    /** {@code publicKey} may throw a {@link JwtException} while there is no key: the token is then refused. */
    public LazyJwtDecoder(Supplier<RSAPublicKey> publicKey, String issuer, Duration lifetime) {
        this.publicKey = publicKey;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    @Override
    public Jwt decode(String token) {
        JwtDecoder built = decoder;
        if (built == null) {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey.get())
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                    this::withinLifetime));
            decoder = built = nimbus;
        }
        return built.decode(token);
    }

    /**
     * An {@code exp}, no further from the {@code iat} than the lifetime the command service issues, and no further
     * from now (Spring fills a missing {@code iat} in from {@code exp}, so the second check is what holds then).
     */
    private OAuth2TokenValidatorResult withinLifetime(Jwt jwt) {
        Instant issued = jwt.getIssuedAt();
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token must expire", null));
        }
        if ((issued != null && Duration.between(issued, expires).compareTo(lifetime) > 0)
                || expires.isAfter(Instant.now().plus(lifetime).plus(CLOCK_SKEW))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "the token lives longer than " + lifetime, null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
