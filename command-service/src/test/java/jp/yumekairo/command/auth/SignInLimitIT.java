package jp.yumekairo.command.auth;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static jp.yumekairo.command.support.Api.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten failed sign-ins within five minutes for one user name, or from one address, and the next attempt is refused
 * unchecked; nobody else is affected. Each test signs in from addresses of its own, named as the query service does.
 */
class SignInLimitIT extends CommandServiceIT {

    @Value("${yumekairo.security.proxy-secret}")
    private String proxySecret;

    @Test
    void theEleventhWrongPassword_is429WithRetryAfter_evenWithTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("hagi", "wrong-" + i, "198.51.100." + i, proxySecret).status()).isEqualTo(401);
        }

        Response limited = signIn("hagi", DEMO_PASSWORD, "198.51.100.20", proxySecret);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("code").asText()).isEqualTo("sign-in-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(limited.json().has("token")).isFalse();
    }

    @Test
    void anotherUser_signsInUnaffected_andTheirSuccessRestoresNothing() {
        for (int i = 0; i < 10; i++) {
            signIn("hofu", "wrong", "203.0.113." + i, proxySecret);
        }

        Response other = signIn("mine", DEMO_PASSWORD, "203.0.113.50", proxySecret);
        Response still = signIn("hofu", DEMO_PASSWORD, "203.0.113.51", proxySecret);

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("username").asText()).isEqualTo("mine");
        assertThat(still.status()).isEqualTo(429);
    }

    @Test
    void tenFailuresFromOneAddress_limitThatAddress_forEveryName() {
        String[] names = {"yamaguchi", "tsuwano", "sanyo-onoda", "prefecture", "auditor"};
        for (int i = 0; i < 10; i++) {
            signIn(names[i % names.length], "wrong", "192.0.2.7", proxySecret);
        }

        Response sameAddress = signIn("reviewer-finance", DEMO_PASSWORD, "192.0.2.7", proxySecret);
        Response elsewhere = signIn("reviewer-finance", DEMO_PASSWORD, "192.0.2.8", proxySecret);

        assertThat(sameAddress.status()).isEqualTo(429);
        assertThat(sameAddress.json().get("code").asText()).isEqualTo("sign-in-limited");
        assertThat(elsewhere.status()).isEqualTo(200);
    }

    @Test
    void anAddressNamedWithoutTheSecret_isNotBelieved() {
        // without the secret every attempt counts against the connection's own address, whatever the header names
        for (int i = 0; i < 10; i++) {
            signIn("reviewer-industry", "wrong", "198.18.0." + i, "not-the-secret");
        }

        Response fromAnotherNamedAddress = signIn("reviewer-academia", DEMO_PASSWORD, "198.18.0.99", "not-the-secret");
        Response believed = signIn("reviewer-academia", DEMO_PASSWORD, "198.18.0.99", proxySecret);

        assertThat(fromAnotherNamedAddress.status()).isEqualTo(429);
        assertThat(believed.status()).isEqualTo(200);
    }

    private Response signIn(String user, String password, String address, String secret) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/token"))
                .header("Authorization", "Basic " + basic)
                .header(SignInGate.CLIENT_ADDRESS, address)
                .header(SignInGate.PROXY_SECRET, secret)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
