package jp.yumekairo.command.auth;

import jp.yumekairo.command.support.Api;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint × every role × own and other municipality. 山口市's editor owns the project; 宇部市's
 * editor is the other member. A refused request answers 403 (401 without a token) and stores no event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends CommandServiceIT {

    private static final String PROJECT = "/api/projects/matrix-project";
    private static final String PLAN = "/api/plans/matrix-plan";
    private static final List<String> USERS = List.of("admin", "yamaguchi", "ube", "prefecture", "auditor",
            "reviewer-industry", "reviewer-academia", "reviewer-finance");

    private final AtomicInteger unique = new AtomicInteger();

    private record Endpoint(String name, String method, String path, IntFunction<String> body, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("register project", "POST", "/api/projects", n -> """
                    {"projectId": "matrix-new-%d", "leadMunicipality": "35203", "participants": [], "name": "新規事業",
                     "summary": "", "scope": "SINGLE", "grantProgram": "SECOND_GENERATION", "department": "企画課",
                     "firstFiscalYear": 2024, "lastFiscalYear": 2026}""".formatted(n), Set.of("yamaguchi")),
            new Endpoint("define KPI", "POST", PROJECT + "/kpis", n -> """
                    {"kpiId": "kpi-%d", "name": "観光客数", "unit": "人", "direction": "HIGHER_IS_BETTER",
                     "measure": "ABSOLUTE", "baseline": {"value": 100, "fiscalYear": 2019}}""".formatted(n),
                    Set.of("yamaguchi")),
            new Endpoint("revise target", "PUT", PROJECT + "/kpis/visitors/targets/2021",
                    n -> "{\"value\": %d, \"reason\": \"見直し\"}".formatted(1000 + n), Set.of("yamaguchi")),
            new Endpoint("record actual", "PUT", PROJECT + "/kpis/visitors/actuals/2021",
                    n -> "{\"value\": %d, \"status\": \"CONFIRMED\", \"reason\": \"訂正\"}".formatted(2000 + n),
                    Set.of("yamaguchi")),
            new Endpoint("record cost", "PUT", PROJECT + "/costs/2021",
                    n -> "{\"totalCost\": %d, \"grantAmount\": 5000, \"reason\": \"訂正\"}".formatted(10000 + n),
                    Set.of("yamaguchi")),
            new Endpoint("submit evaluation", "POST", PROJECT + "/evaluations/2023",
                    n -> "{\"effect\": \"EFFECTIVE\", \"policy\": \"CONTINUE\", \"rationale\": \"r%d\"}".formatted(n),
                    Set.of("yamaguchi")),
            new Endpoint("revise evaluation", "PUT", PROJECT + "/evaluations/2022",
                    n -> "{\"effect\": \"EFFECTIVE\", \"policy\": \"IMPROVE\", \"reason\": \"委員会の指摘 %d\"}".formatted(n),
                    Set.of("yamaguchi")),
            new Endpoint("define plan", "POST", "/api/plans", n -> """
                    {"planId": "matrix-plan-%d", "name": "計画", "members": ["35203", "35202"],
                     "firstFiscalYear": 2022, "lastFiscalYear": 2026}""".formatted(n), Set.of("admin")),
            new Endpoint("define KGI", "POST", PLAN + "/kgis", n -> """
                    {"kgiId": "kgi-%d", "name": "交流人口", "unit": "人", "direction": "HIGHER_IS_BETTER",
                     "aggregation": "SUM", "baseline": {"value": 11840000, "year": 2020}}""".formatted(n),
                    Set.of("admin")),
            new Endpoint("revise plan target", "PUT", PLAN + "/kgis/settled-population/targets/2026",
                    n -> "{\"value\": %d, \"reason\": \"見直し\"}".formatted(600000 + n), Set.of("admin")),
            new Endpoint("report 山口市's figure", "PUT", PLAN + "/kgis/settled-population/figures/35203/2020",
                    n -> "{\"value\": %d, \"status\": \"CONFIRMED\", \"source\": \"国勢調査\", \"reason\": \"訂正\"}"
                            .formatted(194000 + n), Set.of("yamaguchi", "admin")),
            new Endpoint("report 宇部市's figure", "PUT", PLAN + "/kgis/settled-population/figures/35202/2020",
                    n -> "{\"value\": %d, \"status\": \"CONFIRMED\", \"source\": \"国勢調査\", \"reason\": \"訂正\"}"
                            .formatted(162000 + n), Set.of("ube", "admin")));

    @BeforeAll
    void setUp() {
        api = new Api(port);
        definePlan("matrix-plan");
        expectStatus(api.post("yamaguchi", "/api/projects", """
                {"projectId": "matrix-project", "leadMunicipality": "35203", "participants": [],
                 "name": "山口市の観光振興事業", "summary": "", "scope": "SINGLE",
                 "grantProgram": "DIGITAL_GARDEN_CITY_PROMOTION", "department": "観光交流課",
                 "firstFiscalYear": 2020, "lastFiscalYear": 2030}"""), 201);
        expectStatus(api.post("yamaguchi", PROJECT + "/kpis", """
                {"kpiId": "visitors", "name": "観光客数", "unit": "人", "direction": "HIGHER_IS_BETTER",
                 "measure": "ABSOLUTE", "baseline": {"value": 100, "fiscalYear": 2019}}"""), 200);
        expectStatus(api.post("yamaguchi", PROJECT + "/evaluations/2022",
                "{\"effect\": \"EFFECTIVE\", \"policy\": \"CONTINUE\"}"), 200);
    }

    @TestFactory
    List<DynamicTest> everyWriteEndpoint_forEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String user : USERS) {
                boolean allowed = endpoint.allowed().contains(user);
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + user + (allowed ? " is stored" : " is refused"),
                        () -> check(endpoint, user, allowed)));
            }
            tests.add(DynamicTest.dynamicTest(endpoint.name() + " without a token is refused",
                    () -> check(endpoint, null, false)));
        }
        return tests;
    }

    private void check(Endpoint endpoint, String user, boolean allowed) {
        long before = eventCount();
        Response response = api.write(endpoint.method(), user, endpoint.path(),
                endpoint.body().apply(unique.incrementAndGet()));
        if (allowed) {
            assertThat(response.status()).as(response.toString()).isIn(200, 201);
            assertThat(eventCount()).isEqualTo(before + 1);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(user == null ? 401 : 403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo(user == null ? "invalid-token" : "not-permitted");
            assertThat(eventCount()).as("events stored by a refused request").isEqualTo(before);
        }
    }
}
