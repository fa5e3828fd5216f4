package jp.yumekairo.command.web;

import jp.yumekairo.command.support.Api;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A catalogue of bad and hostile requests to the command service, one line each: malformed and oversized JSON,
 * text that is not text, CSV formula injection, oversized uploads, wrong content types, broken paths and headers.
 * Each gets the right 4xx as {@code application/problem+json} with a stable code, and stores nothing; afterwards the
 * service is healthy. (The query service's catalogue is {@code BadQueryIT} in query-service.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends CommandServiceIT {

    private static final String GLASS = "/api/projects/bad-input-glass";
    private static final String TARGET_2021 = GLASS + "/kpis/glass-sales/targets/2021";
    private static final String ACTUAL_2021 = GLASS + "/kpis/glass-sales/actuals/2021";
    private static final String FIGURES = "/api/plans/bad-input-plan/kgis/settled-population/figures/";

    private record Case(String name, String method, String user, String path, String body, int status, String code,
                        String... headers) {
    }

    /** A request whose body is bytes, not necessarily valid text, sent with the given content type. */
    private record Raw(String name, String method, String path, String contentType, byte[] body, int status,
                       String code, String... headers) {
    }

    private static final String IMPORT = "/api/imports/kpi-figures";
    private static final String HUGE_BASELINE = """
            {"kpiId": "huge", "name": "販売額", "unit": "円", "direction": "HIGHER_IS_BETTER", "measure": "ABSOLUTE",
             "baseline": {"value": 1e10000000, "fiscalYear": 2019}}""";
    private static final String CSV_HEADER = "projectId,kpiId,fiscalYear,target,actual,status,source,note,reason\n";

    @BeforeAll
    void setUp() {
        api = new Api(port);
        registerGlassProject("bad-input-glass");
        expectStatus(api.put("sanyo-onoda", TARGET_2021, "{\"value\": 10000000}"), 200);
        expectStatus(api.put("sanyo-onoda", ACTUAL_2021, "{\"value\": 134280, \"status\": \"PROVISIONAL\"}"), 200);
        expectStatus(api.post("sanyo-onoda", GLASS + "/evaluations/2021",
                "{\"effect\": \"EFFECTIVE\", \"policy\": \"CONTINUE\"}"), 200);
        definePlan("bad-input-plan");
        expectStatus(api.put("yamaguchi", FIGURES + "35203/2020", "{\"value\": 194110, \"status\": \"PROVISIONAL\"}"), 200);
    }

    private static List<Case> cases() {
        String hugeText = "あ".repeat(5000);
        String project = SANYO_ONODA_GLASS.formatted("bad-new");
        return List.of(
                new Case("malformed JSON", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1", 400, "malformed-request"),
                new Case("not JSON at all", "PUT", "sanyo-onoda", TARGET_2021, "value=1", 400, "malformed-request"),
                new Case("empty body", "PUT", "sanyo-onoda", TARGET_2021, "", 400, "malformed-request"),
                new Case("a JSON array instead of an object", "PUT", "sanyo-onoda", TARGET_2021, "[1,2]", 400, "malformed-request"),
                new Case("number as a string", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": \"10000000\"}", 400, "malformed-request"),
                new Case("boolean as a number", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": true}", 400, "malformed-request"),
                new Case("NaN", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": NaN}", 400, "malformed-request"),
                new Case("Infinity", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": Infinity}", 400, "malformed-request"),
                new Case("1e400", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1e400, \"reason\": \"x\"}", 400, "figure-out-of-range"),
                new Case("sixteen integer digits", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1234567890123456, \"reason\": \"x\"}", 400, "figure-out-of-range"),
                new Case("too many decimals", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 0.0000001, \"reason\": \"x\"}", 400, "figure-out-of-range"),
                new Case("a missing value", "PUT", "sanyo-onoda", TARGET_2021, "{\"reason\": \"x\"}", 400, "invalid-request"),
                new Case("an unknown field", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1, \"reasn\": \"typo\"}", 400, "malformed-request"),
                new Case("a cost with decimals", "PUT", "sanyo-onoda", GLASS + "/costs/2021", "{\"totalCost\": 100.5, \"grantAmount\": 50}", 400, "malformed-request"),
                new Case("a negative cost", "PUT", "sanyo-onoda", GLASS + "/costs/2021", "{\"totalCost\": -1, \"grantAmount\": 0}", 400, "invalid-request"),
                new Case("a grant above the cost", "PUT", "sanyo-onoda", GLASS + "/costs/2021", "{\"totalCost\": 100, \"grantAmount\": 101}", 400, "invalid-cost"),
                new Case("an unknown status", "PUT", "sanyo-onoda", ACTUAL_2021, "{\"value\": 1, \"status\": \"FINAL\", \"reason\": \"x\"}", 400, "malformed-request"),
                new Case("an enum as a number", "PUT", "sanyo-onoda", ACTUAL_2021, "{\"value\": 1, \"status\": 1, \"reason\": \"x\"}", 400, "malformed-request"),
                new Case("a confirmed actual without value", "PUT", "sanyo-onoda", ACTUAL_2021, "{\"status\": \"CONFIRMED\", \"reason\": \"x\"}", 400, "value-does-not-match-status"),
                new Case("a correction without reason", "PUT", "sanyo-onoda", ACTUAL_2021, "{\"value\": 134281, \"status\": \"CONFIRMED\"}", 409, "reason-required"),
                new Case("a target revision without reason", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 12000000, \"reason\": \"  \"}", 409, "reason-required"),
                new Case("a figure correction without reason", "PUT", "yamaguchi", FIGURES + "35203/2020", "{\"value\": 193966, \"status\": \"CONFIRMED\"}", 409, "reason-required"),
                new Case("an evaluation revised without reason", "PUT", "sanyo-onoda", GLASS + "/evaluations/2021", "{\"effect\": \"NOT_EFFECTIVE\", \"policy\": \"REDUCE\"}", 409, "reason-required"),
                new Case("an evaluation submitted twice", "POST", "sanyo-onoda", GLASS + "/evaluations/2021", "{\"effect\": \"NOT_EFFECTIVE\", \"policy\": \"REDUCE\"}", 409, "evaluation-already-submitted"),
                new Case("a fiscal year after the project", "PUT", "sanyo-onoda", GLASS + "/kpis/glass-sales/targets/2023", "{\"value\": 1}", 409, "fiscal-year-outside-project-period"),
                new Case("a fiscal year before the project", "PUT", "sanyo-onoda", GLASS + "/kpis/glass-sales/actuals/2019", "{\"value\": 1, \"status\": \"CONFIRMED\"}", 409, "fiscal-year-outside-project-period"),
                new Case("a fiscal year of five digits", "PUT", "sanyo-onoda", GLASS + "/kpis/glass-sales/targets/20210", "{\"value\": 1}", 400, "fiscal-year-out-of-range"),
                new Case("a fiscal year that is not a number", "PUT", "sanyo-onoda", GLASS + "/kpis/glass-sales/targets/R3", "{\"value\": 1}", 400, "invalid-path"),
                new Case("an unknown KPI", "PUT", "sanyo-onoda", GLASS + "/kpis/no-such-kpi/targets/2021", "{\"value\": 1}", 404, "unknown-kpi"),
                new Case("an unknown project", "PUT", "sanyo-onoda", "/api/projects/no-such-project/kpis/glass-sales/targets/2021", "{\"value\": 1}", 404, "unknown-project"),
                new Case("an unknown plan", "PUT", "yamaguchi", "/api/plans/no-such-plan/kgis/settled-population/figures/35203/2020", "{\"value\": 1, \"status\": \"CONFIRMED\"}", 404, "unknown-plan"),
                new Case("an unknown KGI", "PUT", "yamaguchi", "/api/plans/bad-input-plan/kgis/no-such-kgi/figures/35203/2020", "{\"value\": 1, \"status\": \"CONFIRMED\"}", 404, "unknown-kgi"),
                new Case("a shortfall reason for an unknown KPI", "POST", "sanyo-onoda", GLASS + "/evaluations/2022", "{\"effect\": \"EFFECTIVE\", \"policy\": \"CONTINUE\", \"shortfallReasons\": {\"no-such-kpi\": \"x\"}}", 404, "unknown-kpi"),
                new Case("a duplicate project id", "POST", "sanyo-onoda", "/api/projects", SANYO_ONODA_GLASS.formatted("bad-input-glass"), 409, "duplicate-project-id"),
                new Case("a duplicate KPI id", "POST", "sanyo-onoda", GLASS + "/kpis", GLASS_SALES_KPI, 409, "duplicate-kpi-id"),
                new Case("a duplicate plan id", "POST", "admin", "/api/plans", YUME_KAIRO_PLAN.formatted("bad-input-plan"), 409, "duplicate-plan-id"),
                new Case("a duplicate KGI id", "POST", "admin", "/api/plans/bad-input-plan/kgis", SETTLED_POPULATION_KGI, 409, "duplicate-kgi-id"),
                new Case("a municipality that is not a member", "PUT", "admin", FIGURES + "35201/2020", "{\"value\": 1, \"status\": \"CONFIRMED\"}", 400, "not-a-member"),
                new Case("a lead municipality that is not a member", "POST", "sanyo-onoda", "/api/projects", project.replace("\"35216\"", "\"13101\""), 400, "not-a-member"),
                new Case("a municipality code with a path traversal", "PUT", "admin", FIGURES + "..%2F..%2Fetc/2020", "{\"value\": 1, \"status\": \"CONFIRMED\"}", 400, null),
                new Case("a plan member that is not in the partnership", "POST", "admin", "/api/plans", "{\"planId\": \"p2\", \"name\": \"x\", \"members\": [\"35203\", \"99999\"], \"firstFiscalYear\": 2022, \"lastFiscalYear\": 2026}", 400, "not-a-member"),
                new Case("a project id with capitals and spaces", "POST", "sanyo-onoda", "/api/projects", project.replace("bad-new", "Bad New"), 400, "invalid-request"),
                new Case("a project id with SQL", "POST", "sanyo-onoda", "/api/projects", project.replace("bad-new", "x'; DROP TABLE domain_event_entry;--"), 400, "invalid-request"),
                new Case("a name of 5,000 characters", "POST", "sanyo-onoda", "/api/projects", project.replace("小野田ガラスのブランド化推進事業", hugeText), 400, "invalid-request"),
                new Case("an empty name", "POST", "sanyo-onoda", "/api/projects", project.replace("小野田ガラスのブランド化推進事業", " "), 400, "invalid-request"),
                new Case("a project period backwards", "POST", "sanyo-onoda", "/api/projects", project.replace("\"lastFiscalYear\": 2022", "\"lastFiscalYear\": 2019"), 400, "invalid-project-period"),
                new Case("a single project with participants", "POST", "sanyo-onoda", "/api/projects", project.replace("\"participants\": []", "\"participants\": [\"35213\"]"), 400, "participants-do-not-match-scope"),
                new Case("a rationale of 5,000 characters", "POST", "sanyo-onoda", GLASS + "/evaluations/2022", "{\"effect\": \"EFFECTIVE\", \"policy\": \"CONTINUE\", \"rationale\": \"" + hugeText + "\"}", 400, "invalid-request"),
                new Case("a body over 1 MB", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1, \"reason\": \"" + "x".repeat(1_100_000) + "\"}", 413, "request-too-large"),
                new Case("a wrong content type", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1}", 415, "unsupported-media-type", "Content-Type", "text/plain"),
                new Case("a malformed If-Match", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 12000000, \"reason\": \"x\"}", 400, "invalid-if-match", "If-Match", "\"abc\""),
                new Case("an Idempotency-Key of control characters", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 12000000, \"reason\": \"x\"}", 400, "invalid-idempotency-key", "Idempotency-Key", " "),
                new Case("a method the resource does not have", "DELETE", "sanyo-onoda", TARGET_2021, null, 405, "method-not-allowed"),
                new Case("a path that does not exist", "POST", "sanyo-onoda", "/api/nothing-here", "{}", 404, "not-found"),
                new Case("a NUL character in a project name", "POST", "sanyo-onoda", "/api/projects", project.replace("小野田ガラスのブランド化推進事業", "ガラス\\u0000事業"), 400, "invalid-text"),
                new Case("a bell character in a department", "POST", "sanyo-onoda", "/api/projects", project.replace("商工労働課", "商工\\u0007労働課"), 400, "invalid-text"),
                new Case("an unpaired surrogate in a reason", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 12000000, \"reason\": \"\\ud800\"}", 400, "invalid-text"),
                new Case("a field given twice", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 12000000, \"value\": 1, \"reason\": \"x\"}", 400, "malformed-request"),
                new Case("JSON nested 5,000 deep", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": " + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "malformed-request"),
                new Case("a number of 200,000 digits", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1" + "0".repeat(200_000) + ", \"reason\": \"x\"}", 400, "malformed-request"),
                new Case("50,000 fields", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1, " + manyFields(50_000) + "}", 400, "malformed-request"),
                new Case("a header of 20 KB", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1}", 400, "bad-request", "X-Padding", "a".repeat(20_000)),
                new Case("a NUL byte in the path", "PUT", "sanyo-onoda", GLASS + "%00/kpis/glass-sales/targets/2021", "{\"value\": 1}", 400, null),
                new Case("invalid UTF-8 in the path", "PUT", "sanyo-onoda", GLASS + "%C3%28/kpis/glass-sales/targets/2021", "{\"value\": 1}", 400, null),
                new Case("a backslash traversal in the path", "PUT", "sanyo-onoda", "/api/projects/a%5C..%5C..%5Cetc/kpis/x/targets/2021", "{\"value\": 1}", 400, null),
                new Case("a charset that does not exist", "PUT", "sanyo-onoda", TARGET_2021, "{\"value\": 1}", 415, "unsupported-media-type", "Content-Type", "application/json; charset=bogus-9"),
                new Case("a reviewer's baseline of 1e10000000", "POST", "reviewer-industry", GLASS + "/kpis", HUGE_BASELINE, 403, "not-permitted"),
                new Case("the prefecture's baseline of 1e10000000", "POST", "prefecture", GLASS + "/kpis", HUGE_BASELINE, 403, "not-permitted"),
                new Case("another member's editor's baseline of 1e10000000", "POST", "yamaguchi", GLASS + "/kpis", HUGE_BASELINE, 403, "not-permitted"),
                new Case("the editor's own baseline of 1e10000000", "POST", "sanyo-onoda", GLASS + "/kpis", HUGE_BASELINE, 400, "figure-out-of-range"),
                new Case("a reviewer's malformed KPI", "POST", "reviewer-industry", GLASS + "/kpis", "{\"kpiId\": ", 403, "not-permitted"),
                new Case("XML instead of JSON", "PUT", "sanyo-onoda", TARGET_2021, "<value>1</value>", 415, "unsupported-media-type", "Content-Type", "application/xml"));
    }

    private static String manyFields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": 1");
        }
        return fields.toString();
    }

    private static byte[] csv(String rows) {
        return (CSV_HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Raw> rawCases() {
        byte[] oversize = new byte[1_100_000];
        Arrays.fill(oversize, (byte) 'a');
        String boundary = "----yumekairo-bad-input";
        byte[] oversizeForm = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"figures.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                oversize, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] noFilePart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Raw("invalid UTF-8 bytes in a JSON body", "PUT", TARGET_2021, "application/json",
                        concat("{\"value\": 1, \"reason\": \"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF},
                                "\"}".getBytes(StandardCharsets.UTF_8)), 400, "malformed-request"),
                new Raw("CSV: a formula as the target", "POST", IMPORT, "text/csv",
                        csv("bad-input-glass,glass-sales,2021,=1+1,,,,,見直し\n"), 422, "import-refused"),
                new Raw("CSV: a formula as the project id", "POST", IMPORT, "text/csv",
                        csv("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",glass-sales,2021,1,,,,,x\n"), 422, "import-refused"),
                new Raw("CSV: a formula as the fiscal year", "POST", IMPORT, "text/csv",
                        csv("bad-input-glass,glass-sales,@SUM(A1),1,,,,,x\n"), 422, "import-refused"),
                new Raw("CSV: a command as the actual", "POST", IMPORT, "text/csv",
                        csv("bad-input-glass,glass-sales,2021,,+cmd|' /C calc'!A0,CONFIRMED,,,x\n"), 422, "import-refused"),
                new Raw("CSV: a NUL byte in a note", "POST", IMPORT, "text/csv",
                        csv("bad-input-glass,glass-sales,2021,12000000,,,,a\u0000b,見直し\n"), 422, "import-refused"),
                new Raw("CSV: bytes that are neither UTF-8 nor Shift_JIS text", "POST", IMPORT, "text/csv",
                        new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0, (byte) 0xC3, 0x28, '\n', (byte) 0x80, (byte) 0x81, ',', (byte) 0x82, '\n'},
                        422, "import-refused"),
                new Raw("CSV: a file over 1 MB", "POST", IMPORT, "text/csv", oversize, 413, "request-too-large"),
                new Raw("CSV: a form upload over 1 MB", "POST", IMPORT, "multipart/form-data; boundary=" + boundary,
                        oversizeForm, 413, "request-too-large"),
                new Raw("CSV: a form without the file part", "POST", IMPORT, "multipart/form-data; boundary=" + boundary,
                        noFilePart, 400, null),
                new Raw("CSV: sent as JSON", "POST", IMPORT, "application/json",
                        csv("bad-input-glass,glass-sales,2021,1,,,,,x\n"), 415, "unsupported-media-type"),
                new Raw("CSV: a dry run that is neither true nor false", "POST", IMPORT + "?dryRun=maybe", "text/csv",
                        csv("bad-input-glass,glass-sales,2021,1,,,,,x\n"), 400, null),
                new Raw("CSV: an empty file", "POST", IMPORT, "text/csv", new byte[0], 400, null));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @TestFactory
    List<DynamicTest> eachBadRequest_getsAProblem_andStoresNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case bad : cases()) {
            tests.add(DynamicTest.dynamicTest(bad.name(), () -> {
                long before = eventCount();
                Response response = api.write(bad.method(), bad.user(), bad.path(), bad.body(), bad.headers());
                assertThat(response.status()).as(bad.name() + ": " + abbreviate(response)).isEqualTo(bad.status());
                assertThat(response.contentType()).as(bad.name()).startsWith("application/problem+json");
                assertThat(response.json().get("status").asInt()).isEqualTo(bad.status());
                if (bad.code() != null) {
                    assertThat(response.json().get("code").asText()).as(bad.name()).isEqualTo(bad.code());
                }
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(eventCount()).as("events stored by: " + bad.name()).isEqualTo(before);
            }));
        }
        for (Raw bad : rawCases()) {
            tests.add(DynamicTest.dynamicTest(bad.name(), () -> {
                long before = eventCount();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + bad.path()))
                        .header("Authorization", "Bearer " + api.token("sanyo-onoda"))
                        .header("Content-Type", bad.contentType())
                        .method(bad.method(), HttpRequest.BodyPublishers.ofByteArray(bad.body()));
                Response response = api.send(request);
                assertThat(response.status()).as(bad.name() + ": " + abbreviate(response)).isEqualTo(bad.status());
                assertThat(response.contentType()).as(bad.name()).startsWith("application/problem+json");
                assertThat(response.json().get("status").asInt()).isEqualTo(bad.status());
                if (bad.code() != null) {
                    assertThat(response.json().get("code").asText()).as(bad.name()).isEqualTo(bad.code());
                }
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(eventCount()).as("events stored by: " + bad.name()).isEqualTo(before);
            }));
        }
        tests.add(DynamicTest.dynamicTest("a reviewer's CSV of 20,000 rows is refused before it is read", () -> {
            long before = eventCount();
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                rows.append("p,k,2021,").append(i).append(",,,,,x\n");
            }
            Response response = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> api.send(HttpRequest.newBuilder(
                            URI.create(api.base() + IMPORT))
                    .header("Authorization", "Bearer " + api.token("reviewer-industry"))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv(rows.toString())))));
            assertThat(response.status()).as(abbreviate(response)).isEqualTo(403);
            assertThat(response.json().get("code").asText()).isEqualTo("not-permitted");
            assertThat(eventCount()).isEqualTo(before);
        }));
        tests.add(DynamicTest.dynamicTest("the editor's 1e10000000 is answered at once", () -> assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> expectStatus(api.post("sanyo-onoda", GLASS + "/kpis", HUGE_BASELINE), 400))));
        tests.add(DynamicTest.dynamicTest("a missing token", () -> {
            long before = eventCount();
            Response response = api.put(null, TARGET_2021, "{\"value\": 12000000, \"reason\": \"x\"}");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("code").asText()).isEqualTo("invalid-token");
            assertThat(eventCount()).isEqualTo(before);
        }));
        tests.add(DynamicTest.dynamicTest("a token that is not a JWT", () -> {
            Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + TARGET_2021))
                    .header("Authorization", "Bearer not-a-token")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 1, \"reason\": \"x\"}")));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }));
        tests.add(DynamicTest.dynamicTest("after all of it the service is healthy and still takes a good write", () -> {
            Response health = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")));
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            long before = eventCount();
            expectStatus(api.put("sanyo-onoda", TARGET_2021, "{\"value\": 12500000, \"reason\": \"委員会の指摘\"}"), 200);
            assertThat(eventCount()).isEqualTo(before + 1);
        }));
        return tests;
    }

    private static String abbreviate(Response response) {
        String text = response.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
