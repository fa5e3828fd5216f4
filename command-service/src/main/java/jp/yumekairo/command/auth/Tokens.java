package jp.yumekairo.command.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import jp.yumekairo.edge.LazyJwtDecoder;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues and verifies the short-lived signed tokens (RS256 JWT) that every call after sign-in carries.
 * Verifying a token costs one signature check, never a password hash.
 */
@Component
class Tokens {

    static final String ROLE = "role";
    static final String MUNICIPALITY = "municipality";
    static final String SECTOR = "sector";

    record Issued(String token, Instant expiresAt) {
    }

    private final SigningKeys keys;
    private final SecurityProperties properties;
    private final Clock clock;
    private final JwtDecoder decoder;

    Tokens(SigningKeys keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.decoder = new LazyJwtDecoder(() -> keys.current().publicKey(), properties.issuer(),
                properties.tokenLifetime());
    }

    Issued issue(Actor actor) {
        SigningKeys.SigningKey key = keys.current();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .subject(actor.userId())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(ROLE, actor.role().name());
        if (actor.municipality() != null) {
            claims.claim(MUNICIPALITY, actor.municipality().code());
        }
        if (actor.sector() != null) {
            claims.claim(SECTOR, actor.sector().name());
        }
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.keyId()).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.keyId()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new Issued(token, expiresAt);
    }

    JwtDecoder decoder() {
        return decoder;
    }

    static Actor actorOf(Jwt jwt) {
        String municipality = jwt.getClaimAsString(MUNICIPALITY);
        String sector = jwt.getClaimAsString(SECTOR);
        return new Actor(jwt.getSubject(), Role.valueOf(jwt.getClaimAsString(ROLE)),
                municipality == null ? null : MunicipalityCode.of(municipality),
                sector == null ? null : Sector.valueOf(sector));
    }
}
