package jp.yumekairo.command.auth;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in gives a short-lived signed token that names the person's role and municipality. */
class SignInIT extends CommandServiceIT {

    @Test
    void aDemoUserSignsIn_andGetsAShortLivedTokenWithTheirRole() {
        Response response = api.signIn("ube", "yumekairo");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asText()).isEqualTo("EDITOR");
        assertThat(response.json().get("municipality").asText()).isEqualTo("35202");
        Instant expiresAt = Instant.parse(response.json().get("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now(), Instant.now().plusSeconds(3600));
        String payload = new String(Base64.getUrlDecoder().decode(response.json().get("token").asText().split("\\.")[1]));
        assertThat(payload).contains("\"sub\":\"ube\"").contains("\"municipality\":\"35202\"");
    }

    @Test
    void aWrongPassword_gets401AsAProblem() {
        Response response = api.signIn("ube", "wrong");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("sign-in-failed");
        assertThat(response.body()).doesNotContain("password_hash").doesNotContain("$2a$");
    }

    @Test
    void aTokenSignedWithAnotherKey_isRefused() {
        String real = api.signIn("ube", "yumekairo").json().get("token").asText();
        String[] parts = real.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"ube\"", "\"yamaguchi\"")
                        .replace("35202", "35203").getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];

        Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/projects"))
                .header("Authorization", "Bearer " + forged)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SANYO_ONODA_GLASS.formatted("forged"))));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("invalid-token");
        assertThat(eventCount()).isZero();
    }

    @Test
    void theApiDescriptionAndItsBrowsablePage_areOpenWithoutSigningIn() {
        Response description = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/v3/api-docs")).GET());
        Response page = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/swagger-ui/index.html")).GET());

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().get("info").get("title").asText()).contains("command service");
        assertThat(description.json().get("paths").has("/api/projects/{projectId}/kpis/{kpiId}/actuals/{fiscalYear}"))
                .isTrue();
        assertThat(description.json().get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
