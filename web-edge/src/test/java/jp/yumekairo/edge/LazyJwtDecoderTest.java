package jp.yumekairo.edge;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Correctly signed tokens that must still be refused: no expiry, or an expiry beyond the configured lifetime. */
class LazyJwtDecoderTest {

    private static final String ISSUER = "yumekairo-ledger";
    private final KeyPair keys = keyPair();
    private final LazyJwtDecoder decoder = new LazyJwtDecoder(() -> (RSAPublicKey) keys.getPublic(), ISSUER,
            Duration.ofMinutes(30));

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

    private String token(Instant issuedAt, Instant expiresAt) throws Exception {
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
