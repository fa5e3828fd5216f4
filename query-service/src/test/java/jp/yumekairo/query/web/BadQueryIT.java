package jp.yumekairo.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.RawHttp;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalogue of bad and hostile reads, one line each: garbage and out-of-range {@code asOf}, broken versions,
 * years and ids, negative and huge audit pages, path traversal, SQL and script fragments, invalid UTF-8, oversized headers and request lines,
 * wrong methods and tokens. Each gets a 4xx as {@code application/problem+json} with its status and a stable code,
 * never a stack trace; nothing is stored (the event log and the rebuild runs keep their row counts); afterwards the
 * service is healthy. (The command service's catalogue is its {@code BadInputIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadQueryIT {

    private static final String PROJECT = "/api/projects/bad-query-hofu";
    private static final String DASHBOARD = "/api/plans/no-such-plan/dashboard";
    private static final String REPORTS = "/api/municipalities/35206/reports/";
    private static final String LONG = "a".repeat(5_000);
    private static final String TOO_LONG = "a".repeat(10_000);

    /** One hostile read: who sends it (null: nobody signed in), the raw path and query, and the answer it must get. */
    private record Case(String name, String method, String user, String target, int status, String code,
                        String... headers) {
    }

    private static final List<Case> CASES = List.of(
            new Case("asOf that is no date at all", "GET", "prefecture", "/api/municipalities?asOf=yesterday", 400, "invalid-as-of"),
            new Case("asOf in month 13", "GET", "prefecture", "/api/municipalities?asOf=2024-13-01", 400, "invalid-as-of"),
            new Case("asOf on 31 February", "GET", "prefecture", PROJECT + "?asOf=2025-02-31", 400, "invalid-as-of"),
            new Case("asOf without an offset", "GET", "prefecture", PROJECT + "?asOf=2024-06-01T10:00:00", 400, "invalid-as-of"),
            new Case("asOf in the year +999,999,999", "GET", "prefecture", "/api/municipalities?asOf=%2B999999999-12-31T23:59:59Z", 400, "invalid-as-of"),
            new Case("asOf in the year -999,999,999", "GET", "prefecture", PROJECT + "?asOf=-999999999-01-01T00:00:00Z", 400, "invalid-as-of"),
            new Case("asOf as an epoch number", "GET", "prefecture", PROJECT + "?asOf=1717200000", 400, "invalid-as-of"),
            new Case("asOf with SQL", "GET", "prefecture", PROJECT + "?asOf=2024-06-01'%20OR%20'1'='1", 400, "invalid-as-of"),
            new Case("asOf with a script", "GET", "prefecture", "/api/municipalities?asOf=%3Cscript%3Ealert(1)%3C/script%3E", 400, "invalid-as-of"),
            new Case("asOf of 5,000 characters", "GET", "prefecture", "/api/municipalities?asOf=" + LONG, 400, "invalid-as-of"),
            new Case("asOf in percent-encoded bytes that are not UTF-8", "GET", "prefecture", "/api/municipalities?asOf=%FF%FE", 400, "invalid-as-of"),
            new Case("asOf on the dashboard in garbage", "GET", "prefecture", DASHBOARD + "?asOf=now", 400, "invalid-as-of"),
            new Case("asOf on a report export in garbage", "GET", "prefecture", REPORTS + "2024.csv?asOf=%00", 400, "invalid-as-of"),
            new Case("minVersion negative", "GET", "prefecture", PROJECT + "?minVersion=-1", 400, "invalid-min-version"),
            new Case("minVersion not a number", "GET", "prefecture", PROJECT + "?minVersion=abc", 400, "invalid-parameter"),
            new Case("minVersion beyond a long", "GET", "prefecture", PROJECT + "?minVersion=99999999999999999999", 400, "invalid-parameter"),
            new Case("minVersion as a float", "GET", "prefecture", PROJECT + "/history?minVersion=1e3", 400, "invalid-parameter"),
            new Case("dashboard year not a number", "GET", "prefecture", DASHBOARD + "?year=abc", 400, "invalid-parameter"),
            new Case("dashboard year negative", "GET", "prefecture", DASHBOARD + "?year=-1", 400, "year-out-of-range"),
            new Case("dashboard year beyond an int", "GET", "prefecture", DASHBOARD + "?year=99999999999", 400, "invalid-parameter"),
            new Case("dashboard year with SQL", "GET", "prefecture", DASHBOARD + "?year=2024%3BDROP%20TABLE%20query.plan", 400, "invalid-parameter"),
            new Case("dashboard workbook for the year 0", "GET", "prefecture", "/api/plans/no-such-plan/dashboard.xlsx?year=0", 400, "year-out-of-range"),
            new Case("report for a fiscal year that is not a number", "GET", "prefecture", REPORTS + "R6.xlsx", 400, "invalid-parameter"),
            new Case("report for the fiscal year 99999", "GET", "prefecture", REPORTS + "99999.csv", 400, "fiscal-year-out-of-range"),
            new Case("report for a municipality outside the partnership", "GET", "prefecture", "/api/municipalities/13101/reports/2024.csv", 404, "not-a-member"),
            new Case("report in a format that does not exist", "GET", "prefecture", REPORTS + "2024.docx", 404, "not-found"),
            new Case("report version that was never published", "GET", "prefecture", REPORTS + "2024.pdf?version=99", 404, "unknown-report-version"),
            new Case("report version that is not a number", "GET", "prefecture", REPORTS + "2024.pdf?version=first", 400, "invalid-parameter"),
            new Case("projects of an unknown municipality code", "GET", "prefecture", "/api/municipalities/99999/projects", 404, "not-a-member"),
            new Case("projects of a municipality code with SQL", "GET", "prefecture", "/api/municipalities/35203'%20OR%20'1'='1/projects", 404, "not-a-member"),
            new Case("a project id with SQL", "GET", "prefecture", "/api/projects/x'%20OR%20'1'='1", 404, "unknown-project"),
            new Case("a project id with SQL and a semicolon", "GET", "prefecture", "/api/projects/x'%3BDROP%20TABLE%20query.project%3B--", 400, "rejected-request"),
            new Case("a project id with a script", "GET", "prefecture", "/api/projects/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400, "rejected-request"),
            new Case("path traversal with encoded slashes", "GET", "prefecture", "/api/projects/..%2F..%2Fetc%2Fpasswd", 400, "rejected-request"),
            new Case("path traversal with encoded dots", "GET", "prefecture", "/api/projects/%2e%2e/%2e%2e/etc/passwd", 400, "rejected-request"),
            new Case("path traversal with backslashes", "GET", "prefecture", "/api/projects/a%5C..%5C..%5Cetc%5Cpasswd", 400, "bad-request"),
            new Case("a path parameter (;jsessionid)", "GET", "prefecture", "/api/projects/x;jsessionid=1", 400, "rejected-request"),
            new Case("a NUL byte in the path", "GET", "prefecture", "/api/projects/a%00b", 400, "bad-request"),
            new Case("invalid UTF-8 in the path", "GET", "prefecture", "/api/projects/%C3%28", 400, "bad-request"),
            new Case("a request line of 10,000 characters", "GET", "prefecture", "/api/municipalities?asOf=" + TOO_LONG, 400, "bad-request"),
            new Case("a header of 20 KB", "GET", "prefecture", "/api/municipalities", 400, "bad-request", "X-Padding", "a".repeat(20_000)),
            new Case("a rebuild run that is not a number", "GET", "auditor", "/api/audit/rebuild/abc", 400, "invalid-parameter"),
            new Case("a rebuild run that does not exist", "GET", "auditor", "/api/audit/rebuild/-1", 404, "unknown-rebuild"),
            new Case("a rebuild run beyond a long", "GET", "auditor", "/api/audit/rebuild/99999999999999999999", 400, "invalid-parameter"),
            new Case("an audit page of -1 events", "GET", "auditor", "/api/audit/events?limit=-1", 400, "invalid-parameter"),
            new Case("an audit page of 0 events", "GET", "auditor", "/api/audit/events?limit=0", 400, "invalid-parameter"),
            new Case("an audit page of 100,000 events", "GET", "auditor", "/api/audit/events?limit=100000", 400, "invalid-parameter"),
            new Case("an audit page beyond an int", "GET", "auditor", "/api/audit/events?limit=99999999999", 400, "invalid-parameter"),
            new Case("an audit page after no position", "GET", "auditor", "/api/audit/events?after=abc", 400, "invalid-parameter"),
            new Case("audit events from garbage", "GET", "auditor", "/api/audit/events?from=yesterday", 400, "invalid-parameter"),
            new Case("audit events from the year +999,999,999", "GET", "auditor", "/api/audit/events?from=%2B999999999-01-01T00:00:00Z", 400, "invalid-parameter"),
            new Case("audit events to a script", "GET", "auditor", "/api/audit/events?to=%3Cscript%3E", 400, "invalid-parameter"),
            new Case("an audit export from garbage", "GET", "auditor", "/api/audit/events/export?from=1'%20OR%201=1", 400, "invalid-parameter"),
            new Case("a trace of nothing", "GET", "auditor", "/api/audit/trace", 400, "invalid-trace"),
            new Case("a trace page of -1 events", "GET", "auditor", "/api/audit/trace?project=bad-query-hofu&kpi=movers&fiscalYear=2024&limit=-1", 400, "invalid-parameter"),
            new Case("DELETE on a project", "DELETE", "prefecture", PROJECT, 405, "method-not-allowed"),
            new Case("PUT on the members", "PUT", "prefecture", "/api/municipalities", 405, "method-not-allowed"),
            new Case("a path that does not exist", "GET", "prefecture", "/api/nothing-here", 404, "not-found"),
            new Case("no token", "GET", null, "/api/municipalities", 401, "invalid-token"),
            new Case("a token that is not a JWT", "GET", null, "/api/municipalities", 401, "invalid-token", "Authorization", "Bearer not-a-token"),
            new Case("an unsigned token (alg none)", "GET", null, "/api/municipalities", 401, "invalid-token", "Authorization",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJBRE1JTiJ9."),
            new Case("a password instead of a token", "GET", null, "/api/municipalities", 401, "invalid-token", "Authorization",
                    "Basic YWRtaW46eXVtZWthaXJv"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Services services;
    private Api api;

    @BeforeAll
    void setUp() {
        services = Services.shared();
        api = services.api();
        long version = new Seeds(api).hofuProject("bad-query-hofu");
        api.get("prefecture", PROJECT + "?minVersion=" + version);
    }

    @TestFactory
    List<DynamicTest> eachHostileRead_getsAProblem_andStoresNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case bad : CASES) {
            tests.add(DynamicTest.dynamicTest(bad.name(), () -> {
                long events = events();
                long runs = runs();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.queryUrl() + bad.target()))
                        .timeout(Duration.ofSeconds(30)).method(bad.method(), HttpRequest.BodyPublishers.noBody());
                if (bad.user() != null) {
                    request.header("Authorization", "Bearer " + api.token(bad.user()));
                }
                for (int i = 0; i < bad.headers().length; i += 2) {
                    request.setHeader(bad.headers()[i], bad.headers()[i + 1]);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertProblem(bad.name(), response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body(), bad.status(), bad.code());
                assertThat(events()).as("events stored by: " + bad.name()).isEqualTo(events);
                assertThat(runs()).as("rebuilds started by: " + bad.name()).isEqualTo(runs);
            }));
        }
        tests.add(DynamicTest.dynamicTest("asOf in raw bytes that are not UTF-8", () -> {
            byte[] target = "/api/municipalities?asOf=\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1);
            RawHttp.Answer answer = RawHttp.get(api.queryUrl(), target, api.token("prefecture"));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"status\":400").doesNotContain("Exception");
        }));
        tests.add(DynamicTest.dynamicTest("after all of it the service is healthy and still answers", () -> {
            JsonNode health = api.get("auditor", "/actuator/health");
            assertThat(health.get("status").asText()).isEqualTo("UP");
            JsonNode project = api.get("prefecture", PROJECT);
            assertThat(project.get("department").asText()).isEqualTo("地域振興課");
        }));
        return tests;
    }

    private static void assertProblem(String name, int status, String contentType, String body, int expected, String code)
            throws IOException {
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        assertThat(status).as(name + ": " + shown).isEqualTo(expected);
        assertThat(contentType).as(name + ": " + shown).startsWith("application/problem+json");
        JsonNode problem = Api.JSON.readTree(body);
        assertThat(problem.get("status").asInt()).as(name).isEqualTo(expected);
        assertThat(problem.get("title").asText()).as(name).isNotBlank();
        assertThat(problem.get("code").asText()).as(name).isEqualTo(code);
        assertThat(body).as(name).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private long events() {
        return services.count("SELECT count(*) FROM domain_event_entry");
    }

    private long runs() {
        return services.count("SELECT count(*) FROM query.rebuild_run");
    }
}
