package jp.yumekairo.edge;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Verifies the command service's RS256 bearer tokens: signature, expiry and issuer, and that the token has an
 * expiry no further from its issue than the configured lifetime (a correctly signed token without {@code exp}, or
 * one living until 2100, is refused). The public key (the file the command service publishes) is read on the first
 * token, not at start, so a query service may start before the command service has made its key; until a decoder
 * is built, each token asks the key again.
 * <p>
 * A token that verified is remembered, so that a client's next requests cost a map lookup instead of a signature
 * check: until its {@code exp} and at most {@link #REMEMBERED_AT_MOST} after it verified, whichever is sooner. A
 * refused token is never remembered, so it is checked (and refused) again each time. At most {@link #CAPACITY}
 * tokens are remembered; when full, the expired ones are dropped, and if it is still full, all are. The command
 * service refuses a disabled person's token after decoding, so remembering the token does not delay that.
 */
public final class LazyJwtDecoder implements JwtDecoder {

    /** As Spring's own expiry check allows between the two services' clocks. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** How long one signature check vouches for a token: a client's requests skip it, yet it is soon done again. */
    static final Duration REMEMBERED_AT_MOST = Duration.ofMinutes(5);

    /** Far more tokens than are used within {@link #REMEMBERED_AT_MOST} (one per sign-in), yet a small heap. */
    static final int CAPACITY = 10_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** {@code publicKey} may throw a {@link JwtException} while there is no key: the token is then refused. */
    public LazyJwtDecoder(Supplier<RSAPublicKey> publicKey, String issuer, Duration lifetime) {
        this(verifier(publicKey, issuer, lifetime, Clock.systemUTC()), Clock.systemUTC(), CAPACITY);
    }

    /** {@code verifier} checks each token not remembered; {@code clock} tells when a remembered one expires. */
    LazyJwtDecoder(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Verified remembered = verified.get(token);
        if (remembered != null) {
            if (now.isBefore(remembered.until())) {
                return remembered.jwt();
            }
            verified.remove(token, remembered);
        }
        Jwt jwt = verifier.decode(token);
        remember(token, jwt, now);
        return jwt;
    }

    private void remember(String token, Jwt jwt, Instant now) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return;
        }
        Instant until = expires.isBefore(now.plus(REMEMBERED_AT_MOST)) ? expires : now.plus(REMEMBERED_AT_MOST);
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
    }

    /**
     * The checks themselves, each token's signature verified anew; the decoder is built on the first token that
     * finds a key. {@code clock} is what expiry and lifetime are judged against.
     */
    static JwtDecoder verifier(Supplier<RSAPublicKey> publicKey, String issuer, Duration lifetime, Clock clock) {
        return new JwtDecoder() {
            private volatile JwtDecoder decoder;

            @Override
            public Jwt decode(String token) {
                JwtDecoder built = decoder;
                if (built == null) {
                    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey.get())
                            .signatureAlgorithm(SignatureAlgorithm.RS256).build();
                    JwtTimestampValidator expiry = new JwtTimestampValidator(CLOCK_SKEW);
                    expiry.setClock(clock);
                    nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                            new JwtIssuerValidator(issuer), expiry, withinLifetime(lifetime, clock))));
                    decoder = built = nimbus;
                }
                return built.decode(token);
            }
        };
    }

    /**
     * An {@code exp}, no further from the {@code iat} than the lifetime the command service issues, and no further
     * from now (Spring fills a missing {@code iat} in from {@code exp}, so the second check is what holds then).
     */
    private static OAuth2TokenValidator<Jwt> withinLifetime(Duration lifetime, Clock clock) {
        return jwt -> {
            Instant issued = jwt.getIssuedAt();
            Instant expires = jwt.getExpiresAt();
            if (expires == null) {
                return OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "the token must expire", null));
            }
            if ((issued != null && Duration.between(issued, expires).compareTo(lifetime) > 0)
                    || expires.isAfter(clock.instant().plus(lifetime).plus(CLOCK_SKEW))) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token lives longer than " + lifetime, null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }
}
