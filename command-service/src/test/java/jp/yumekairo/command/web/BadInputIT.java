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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalogue of bad requests. Each gets the right 4xx as {@code application/problem+json} with a stable code,
 * and stores nothing.
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
                new Case("a path that does not exist", "POST", "sanyo-onoda", "/api/nothing-here", "{}", 404, "not-found"));
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
                if (bad.code() != null) {
                    assertThat(response.json().get("code").asText()).as(bad.name()).isEqualTo(bad.code());
                }
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(eventCount()).as("events stored by: " + bad.name()).isEqualTo(before);
            }));
        }
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
        return tests;
    }

    private static String abbreviate(Response response) {
        String text = response.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
