package jp.yumekairo.query.auth;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the query service × every kind of caller → what happens, one row per endpoint: every view is
 * open to everyone signed in (whichever member, and the prefecture, reviewers, auditors), the member's input sheet
 * to that member's editor only, the auditor's rebuild to AUDITOR and ADMIN only. A refused rebuild starts nothing. The table must name every request mapping the running
 * service reports ({@code /actuator/mappings}): a new endpoint fails {@link #everyMappingIsInTheTable}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** The columns, in order: nobody signed in, then one demo user per kind of caller (防府市 owns the data read). */
    private static final String[] COLUMNS = {"anonymous", "own editor", "other editor", "reviewer", "prefecture",
            "auditor", "admin"};
    private static final String[] USERS = {null, "hofu", "ube", "reviewer-industry", "prefecture", "auditor", "admin"};
    private static final String EVERYONE = "401 200 200 200 200 200 200";
    private static final String AUDITORS = "401 403 403 403 403 200 200";

    /** One row: the endpoint's mapping, the request made of it, and per column the status it answers. */
    private record Row(String mapping, String method, String target, String expected) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("GET /api/municipalities", "GET", "/api/municipalities", EVERYONE),
            new Row("GET /api/municipalities/{code}/projects", "GET", "/api/municipalities/35206/projects", EVERYONE),
            new Row("GET /api/projects/{projectId}", "GET", "/api/projects/authz-hofu", EVERYONE),
            new Row("GET /api/projects/{projectId}/history", "GET", "/api/projects/authz-hofu/history", EVERYONE),
            new Row("GET /api/municipalities/{code}/reports/{fiscalYear}.xlsx", "GET", "/api/municipalities/35206/reports/2024.xlsx", EVERYONE),
            new Row("GET /api/municipalities/{code}/reports/{fiscalYear}.pdf", "GET", "/api/municipalities/35206/reports/2024.pdf", EVERYONE),
            new Row("GET /api/municipalities/{code}/input-sheets/{fiscalYear}.xlsx", "GET",
                    "/api/municipalities/35206/input-sheets/2024.xlsx", "401 200 403 403 403 403 403"),
            new Row("GET /api/municipalities/{code}/reports/{fiscalYear}.csv", "GET", "/api/municipalities/35206/reports/2024.csv", EVERYONE),
            new Row("GET /api/plans/{planId}/dashboard", "GET", "/api/plans/authz-plan/dashboard", EVERYONE),
            new Row("GET /api/plans/{planId}/dashboard.xlsx", "GET", "/api/plans/authz-plan/dashboard.xlsx", EVERYONE),
            new Row("GET /api/reports/{code}/{fiscalYear}", "GET", "/api/reports/35206/2022", EVERYONE),
            new Row("GET /api/reports/{code}/{fiscalYear}/versions", "GET", "/api/reports/35206/2022/versions", EVERYONE),
            new Row("GET /api/reports/{code}/{fiscalYear}/versions/{version}", "GET", "/api/reports/35206/2022/versions/1", EVERYONE),
            new Row("GET /api/reports/{code}/{fiscalYear}/diff", "GET", "/api/reports/35206/2022/diff?from=1", EVERYONE),
            new Row("POST /api/audit/rebuild", "POST", "/api/audit/rebuild", "401 403 403 403 403 202 202"),
            new Row("GET /api/audit/rebuild", "GET", "/api/audit/rebuild", AUDITORS),
            new Row("GET /api/audit/rebuild/{runId}", "GET", "/api/audit/rebuild/1", AUDITORS),
            new Row("GET /api/audit/events", "GET", "/api/audit/events?limit=5", AUDITORS),
            new Row("GET /api/audit/events/export", "GET", "/api/audit/events/export?project=authz-hofu", AUDITORS),
            new Row("GET /api/audit/trace", "GET", "/api/audit/trace?project=authz-hofu&kpi=movers&fiscalYear=2024", AUDITORS),
            new Row("GET /api/audit/verify", "GET", "/api/audit/verify", AUDITORS),
            new Row("GET /api/audit/checkpoints", "GET", "/api/audit/checkpoints", AUDITORS),
            new Row("* /error", "GET", "/error", "404 404 404 404 404 404 404"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Services services;
    private Api api;

    @BeforeAll
    void setUp() {
        services = Services.shared();
        api = services.api();
        long project = new Seeds(api).hofuProject("authz-hofu");
        api.write("admin", "POST", "/api/plans", object("planId", "authz-plan", "name", "第2期山口県央連携都市圏域ビジョン",
                "members", new String[]{"35203", "35202", "35204", "35206", "35213", "35216", "32501"},
                "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        long plan = api.write("admin", "POST", "/api/plans/authz-plan/kgis", object("kgiId", "settled-population",
                "name", "定住人口", "unit", "人", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM",
                "baseline", object("value", 642_361, "year", 2010))).version();
        api.write("hofu", "POST", "/api/reports/35206/2022/submission", object());
        long report = api.write("hofu", "POST", "/api/reports/35206/2022/publication", object()).version();
        api.get("prefecture", "/api/projects/authz-hofu?minVersion=" + project);
        api.get("prefecture", "/api/plans/authz-plan/dashboard?minVersion=" + plan);
        api.get("prefecture", "/api/reports/35206/2022?minVersion=" + report);
    }

    @TestFactory
    List<DynamicTest> everyEndpoint_forEveryKindOfCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : TABLE) {
            String[] expected = row.expected().split(" ");
            assertThat(expected).as(row.mapping()).hasSize(COLUMNS.length);
            for (int column = 0; column < COLUMNS.length; column++) {
                String user = USERS[column];
                int status = Integer.parseInt(expected[column]);
                tests.add(DynamicTest.dynamicTest(row.mapping() + " as " + COLUMNS[column] + " → " + status,
                        () -> check(row, user, status)));
            }
        }
        return tests;
    }

    private void check(Row row, String user, int status) throws Exception {
        long events = services.count("SELECT count(*) FROM domain_event_entry");
        long runs = services.count("SELECT count(*) FROM query.rebuild_run");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.queryUrl() + row.target()))
                .timeout(Duration.ofSeconds(30)).method(row.method(), HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Bearer " + api.token(user));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String contentType = response.headers().firstValue("Content-Type").orElse("");

        assertThat(response.statusCode()).as(row.mapping() + " as " + user + ": " + new String(response.body()))
                .isEqualTo(status);
        if (status == 401 || status == 403) {
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(Api.JSON.readTree(response.body()).get("code").asText())
                    .isEqualTo(status == 401 ? "invalid-token" : "not-permitted");
            assertThat(services.count("SELECT count(*) FROM query.rebuild_run")).as("rebuilds started").isEqualTo(runs);
        } else if (status == 202) {
            String run = response.headers().firstValue("Location").orElseThrow();
            Awaitility.await("the rebuild to finish").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !api.get("auditor", run).get("state").asText().equals("RUNNING"));
            assertThat(services.count("SELECT count(*) FROM query.rebuild_run")).isEqualTo(runs + 1);
        } else if (status == 200) {
            assertThat(response.body()).isNotEmpty();
        }
        assertThat(services.count("SELECT count(*) FROM domain_event_entry")).as("events stored by a read").isEqualTo(events);
    }

    @Test
    void everyMappingIsInTheTable() {
        JsonNode contexts = api.get("admin", "/actuator/mappings").get("contexts");
        Set<String> ours = new TreeSet<>();
        contexts.forEach(context -> context.path("mappings").path("dispatcherServlets").forEach(servlet ->
                servlet.forEach(mapping -> {
                    JsonNode details = mapping.path("details");
                    if (!details.path("handlerMethod").path("className").asText().startsWith("jp.yumekairo")) {
                        return; // springdoc's pages and actuator: checked below
                    }
                    JsonNode conditions = details.path("requestMappingConditions");
                    for (JsonNode pattern : conditions.path("patterns")) {
                        if (!pattern.asText().startsWith("/api/") && !pattern.asText().equals("/error")) {
                            continue; // the web UI's pages, with their session chain: PageAuthorizationIT
                        }
                        if (conditions.path("methods").isEmpty()) {
                            ours.add("* " + pattern.asText());
                        }
                        conditions.path("methods").forEach(method -> ours.add(method.asText() + " " + pattern.asText()));
                    }
                })));
        Set<String> listed = new TreeSet<>();
        TABLE.forEach(row -> listed.add(row.mapping()));

        assertThat(ours).as("request mappings of the query service; add a row to the table for each new one")
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void theDocumentationAndHealthAreOpen_butProcessorDetailsOnlyForAuditors() throws Exception {
        for (String open : List.of("/v3/api-docs", "/swagger-ui.html", "/actuator/health")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.queryUrl() + open)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(open).isIn(200, 302);
        }
        assertThat(api.get("auditor", "/actuator/health").path("components").has("eventProcessors")).isTrue();
        assertThat(api.get("hofu", "/actuator/health").has("components")).isFalse();
    }
}
