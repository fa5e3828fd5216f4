package jp.yumekairo.command.auth;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static jp.yumekairo.command.support.Api.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The secretariat keeps the accounts: it creates a person, who then signs in with the role given; it disables one,
 * whose still valid token is refused at once; it resets a password, which lets a locked-out person in at once. Each
 * change is recorded with who, why and the request; a refused change stores nothing.
 */
class AccountsIT extends CommandServiceIT {

    private static final String NEW_PASSWORD = "hagi-tourism-2024";

    @Value("${yumekairo.security.proxy-secret}")
    private String proxySecret;

    @Test
    void anAccountTheSecretariatCreates_signsInWithItsRole_andTheChangeIsRecordedWithWhoAndWhy() {
        Response created = api.post("admin", "/api/accounts", """
                {"username": "hagi-tanaka", "displayName": "萩市 観光課 田中", "role": "EDITOR",
                 "municipality": "35204", "password": "%s", "reason": "観光課の担当者の異動"}""".formatted(NEW_PASSWORD),
                "X-Request-Id", "req-create-tanaka");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response signedIn = api.signIn("hagi-tanaka", NEW_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().get("role").asText()).isEqualTo("EDITOR");
        assertThat(signedIn.json().get("municipality").asText()).isEqualTo("35204");

        JsonNode change = api.write("GET", "admin", "/api/accounts/changes", null).json().get(0);
        assertThat(change.get("username").asText()).isEqualTo("hagi-tanaka");
        assertThat(change.get("change").asText()).isEqualTo("CREATED");
        assertThat(change.get("changedBy").asText()).isEqualTo("admin");
        assertThat(change.get("reason").asText()).isEqualTo("観光課の担当者の異動");
        assertThat(change.get("requestId").asText()).isEqualTo("req-create-tanaka");

        Response listed = api.write("GET", "admin", "/api/accounts", null);
        assertThat(listed.body()).contains("\"hagi-tanaka\"", "萩市 観光課 田中").doesNotContain("$2a$", "password");
    }

    @Test
    void aPersonLockedOutByTenWrongPasswords_isLetInAtOnceByTheSecretariatsReset() {
        createEditor("ube-sato", "35202", "ube-initial-password");
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("ube-sato", "wrong-" + i, "198.51.100." + i).status()).isEqualTo(401);
        }
        Response locked = signIn("ube-sato", "ube-initial-password", "198.51.100.30");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();

        Response reset = api.post("admin", "/api/accounts/ube-sato/password",
                "{\"password\": \"ube-new-password-2024\", \"reason\": \"本人から電話で依頼 (パスワード失念)\"}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(signIn("ube-sato", "ube-new-password-2024", "198.51.100.31").status()).isEqualTo(200);
        assertThat(signIn("ube-sato", "ube-initial-password", "198.51.100.32").status()).isEqualTo(401);
        assertThat(changeKinds("ube-sato")).containsExactly("PASSWORD_RESET", "CREATED");
    }

    @Test
    void aDisabledPersonsValidToken_isRefusedAtOnce_andStoresNothing_untilTheAccountIsEnabledAgain() {
        String token = api.token("tsuwano");
        String report = "/api/reports/32501/2024/submission";

        Response disabled = api.post("admin", "/api/accounts/tsuwano/disable", "{\"reason\": \"退職\"}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        long before = eventCount();
        Response refused = withToken(token, "POST", report, "{}");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("account-disabled");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.signIn("tsuwano", DEMO_PASSWORD).status()).isEqualTo(401);

        assertThat(api.post("admin", "/api/accounts/tsuwano/enable", "{\"reason\": \"再任用\"}").status()).isEqualTo(200);
        assertThat(api.signIn("tsuwano", DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(withToken(token, "GET", "/api/accounts", null).status()).as("still not the secretariat").isEqualTo(403);
        assertThat(changeKinds("tsuwano")).containsExactly("ENABLED", "DISABLED");
    }

    @Test
    void aRefusedChange_saysWhy_andStoresNothing() {
        createEditor("hofu-ito", "35206", "hofu-initial-password");
        String[][] refusals = {
                {"/api/accounts", account("new-person", "EDITOR", null, null, "long-enough-password", "異動"), "400", "invalid-account"},
                {"/api/accounts", account("new-person", "REVIEWER", null, null, "long-enough-password", "委嘱"), "400", "invalid-account"},
                {"/api/accounts", account("new-person", "AUDITOR", "35203", null, "long-enough-password", "委嘱"), "400", "invalid-account"},
                {"/api/accounts", account("new-person", "MAYOR", null, null, "long-enough-password", "委嘱"), "400", "invalid-account"},
                {"/api/accounts", account("New Person", "AUDITOR", null, null, "long-enough-password", "委嘱"), "400", "invalid-account"},
                {"/api/accounts", account("new-person", "AUDITOR", null, null, "short", "委嘱"), "400", "weak-password"},
                {"/api/accounts", account("new-person", "AUDITOR", null, null, "long-enough-password", " "), "400", "reason-required"},
                {"/api/accounts", account("hofu-ito", "AUDITOR", null, null, "long-enough-password", "重複"), "409", "account-exists"},
                {"/api/accounts/nobody/password", "{\"password\": \"long-enough-password\", \"reason\": \"依頼\"}", "404", "unknown-account"},
                {"/api/accounts/hofu-ito/password", "{\"password\": \"long-enough-password\"}", "400", "reason-required"},
                {"/api/accounts/admin/disable", "{\"reason\": \"誤操作\"}", "409", "cannot-disable-self"},
                {"/api/accounts/hofu-ito/enable", "{\"reason\": \"念のため\"}", "409", "account-already-enabled"},
                {"/api/accounts/nobody/disable", "{\"reason\": \"退職\"}", "404", "unknown-account"}};
        long users = count("SELECT count(*) FROM app_user");
        long changes = count("SELECT count(*) FROM account_change");

        for (String[] refusal : refusals) {
            Response response = api.post("admin", refusal[0], refusal[1]);
            assertThat(response.status()).as(refusal[1] + " → " + response).isEqualTo(Integer.parseInt(refusal[2]));
            assertThat(response.json().get("code").asText()).as(refusal[1]).isEqualTo(refusal[3]);
        }

        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);
        assertThat(count("SELECT count(*) FROM account_change")).isEqualTo(changes);
        assertThat(api.signIn("hofu-ito", "hofu-initial-password").status()).isEqualTo(200);
    }

    @Test
    void theServicesOwnRole_cannotPromoteAnybody_norRewriteTheRecordOfChanges() {
        createEditor("mine-kato", "35213", "mine-initial-password");
        JdbcTemplate writer = jdbc;

        assertThatThrownBy(() -> writer.update("UPDATE app_user SET role = 'ADMIN', municipality_code = NULL "
                + "WHERE username = 'mine-kato'")).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> writer.update("UPDATE account_change SET reason = '書き換え'"))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> writer.update("DELETE FROM account_change")).hasStackTraceContaining("permission denied");
        assertThat(changeKinds("mine-kato")).containsExactly("CREATED");
    }

    private void createEditor(String username, String municipality, String password) {
        expectStatus(api.post("admin", "/api/accounts", account(username, "EDITOR", municipality, null, password,
                "新任の担当者")), 201);
    }

    private static String account(String username, String role, String municipality, String sector, String password,
                                  String reason) {
        return """
                {"username": "%s", "displayName": "担当者", "role": "%s", "municipality": %s, "sector": %s,
                 "password": "%s", "reason": "%s"}""".formatted(username, role,
                municipality == null ? "null" : "\"" + municipality + "\"", sector == null ? "null" : "\"" + sector + "\"",
                password, reason);
    }

    private List<String> changeKinds(String username) {
        return jdbc.queryForList("SELECT change FROM account_change WHERE username = ? ORDER BY id DESC", String.class,
                username);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** A sign-in from the browser address the query service names (so only the user name's failures count here). */
    private Response signIn(String user, String password, String address) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/token"))
                .header("Authorization", "Basic " + basic)
                .header(SignInGate.CLIENT_ADDRESS, address)
                .header(SignInGate.PROXY_SECRET, proxySecret)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Response withToken(String token, String method, String path, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
