package jp.yumekairo.edge;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Correctly signed tokens that must still be refused (no expiry, or an expiry beyond the configured lifetime), and
 * how long a verified token is remembered without a second signature check.
 */
class LazyJwtDecoderTest {

    private static final String ISSUER = "yumekairo-ledger";
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private final KeyPair keys = keyPair();
    private final LazyJwtDecoder decoder = new LazyJwtDecoder(() -> (RSAPublicKey) keys.getPublic(), ISSUER,
            LIFETIME);

    private final MovableClock clock = new MovableClock(Instant.now());
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = LazyJwtDecoder.verifier(() -> (RSAPublicKey) keys.getPublic(), ISSUER,
            LIFETIME, clock);
    private final LazyJwtDecoder remembering = new LazyJwtDecoder(token -> {
        verifications.incrementAndGet();
        return verifier.decode(token);
    }, clock, LazyJwtDecoder.CAPACITY);

    @Test
    void aTokenOfTheConfiguredLifetime_isAccepted() throws Exception {
        Instant now = Instant.now();
        assertThat(decoder.decode(token(now, now.plus(Duration.ofMinutes(30)))).getSubject()).isEqualTo("ube");
    }

    @Test
    void aTokenWithoutExp_isRefused() throws Exception {
        assertThatThrownBy(() -> decoder.decode(token(Instant.now(), null))).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenUntil2100_isRefused() throws Exception {
        String until2100 = token(Instant.now(), Instant.parse("2100-01-01T00:00:00Z"));
        assertThatThrownBy(() -> decoder.decode(until2100)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("lives longer");
    }

    @Test
    void aTokenWithoutIat_until2100_isRefused() throws Exception {
        assertThatThrownBy(() -> decoder.decode(token(null, Instant.parse("2100-01-01T00:00:00Z"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("lives longer");
    }

    @Test
    void aVerifiedToken_isNotVerifiedAgain_onItsNextRequest() throws Exception {
        String token = token(clock.instant(), clock.instant().plus(LIFETIME));
        remembering.decode(token);
        clock.advance(Duration.ofMinutes(1));

        assertThat(remembering.decode(token).getSubject()).isEqualTo("ube");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedToken_isVerifiedAgain_fiveMinutesAfterItVerified() throws Exception {
        String token = token(clock.instant(), clock.instant().plus(LIFETIME));
        remembering.decode(token);
        clock.advance(LazyJwtDecoder.REMEMBERED_AT_MOST);

        assertThat(remembering.decode(token).getSubject()).isEqualTo("ube");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedToken_pastItsExp_isRefused() throws Exception {
        String token = token(clock.instant(), clock.instant().plus(Duration.ofMinutes(2)));
        remembering.decode(token);
        clock.advance(Duration.ofMinutes(4));

        assertThatThrownBy(() -> remembering.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedToken_isRefusedAgain_andCheckedEachTime() throws Exception {
        String foreign = token(clock.instant(), clock.instant().plus(LIFETIME), keyPair());
        assertThatThrownBy(() -> remembering.decode(foreign)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> remembering.decode(foreign)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void whenFull_theRememberedTokensAreForgotten_andStillAccepted() throws Exception {
        LazyJwtDecoder small = new LazyJwtDecoder(token -> {
            verifications.incrementAndGet();
            return verifier.decode(token);
        }, clock, 1);
        String first = token(clock.instant(), clock.instant().plus(LIFETIME));
        String second = token(clock.instant(), clock.instant().plus(LIFETIME).minusSeconds(1));
        small.decode(first);
        small.decode(second);

        assertThat(small.decode(first).getTokenValue()).isEqualTo(first);
        assertThat(verifications).hasValue(3);
    }

    private String token(Instant issuedAt, Instant expiresAt) throws Exception {
        return token(issuedAt, expiresAt, keys);
    }

    private static String token(Instant issuedAt, Instant expiresAt, KeyPair keys) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("ube").claim("role", "EDITOR");
        if (issuedAt != null) {
            claims.issueTime(Date.from(issuedAt));
        }
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    /** Time the test moves on, so that expiry is judged without waiting. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
