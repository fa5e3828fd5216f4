package jp.yumekairo.query.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service believes only tokens signed with the key the command service publishes as a file: a token with
 * exactly the claims of a real one, signed by any other key, is refused; nothing about tokens is in the database.
 */
class TokenKeyIT {

    @Test
    void aTokenSignedByAKeyNotPublished_isRefused_whileTheCommandServicesOwnIsAccepted() throws Exception {
        Services services = Services.shared();
        Api api = services.api();
        String real = api.token("auditor");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair unpublished = generator.generateKeyPair();
        Instant now = Instant.now();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(SignedJWT.parse(real).getHeader().getKeyID()).build(),
                new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).issuer("yumekairo-ledger")
                        .subject("auditor").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                        .claim("role", "AUDITOR").build());
        forged.sign(new RSASSASigner(unpublished.getPrivate()));

        HttpResponse<String> accepted = get(api, real);
        HttpResponse<String> refused = get(api, forged.serialize());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("35202");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid-token").doesNotContain("35202");
        assertThat(services.count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'token_%key'"))
                .isZero();
    }

    private static HttpResponse<String> get(Api api, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.queryUrl() + "/api/municipalities"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
