package jp.yumekairo.command.auth;

import jp.yumekairo.command.support.Api;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the command service × every kind of caller → what happens, one row per endpoint. 山口市's
 * editor owns the project, the plan's 山口市 figure and 山口市's yearly report; 宇部市's editor is the editor of
 * another member. "ok" is a 2xx that stored exactly one event; 401 and 403 are problems that stored nothing; 422
 * is the CSV import refusing the whole file because of a row the caller may not write, which stores nothing either.
 * The secretariat's accounts are the secretariat's alone; their "ok" stores one recorded change of an account.
 * The table must name every request mapping of the service: a new endpoint fails {@link #everyMappingIsInTheTable}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends CommandServiceIT {

    /** The columns, in order: nobody signed in, then one demo user per kind of caller. */
    private static final String[] COLUMNS = {"anonymous", "own editor", "other editor", "reviewer", "prefecture",
            "auditor", "admin"};
    private static final String[] USERS = {null, "yamaguchi", "ube", "reviewer-industry", "prefecture", "auditor", "admin"};

    private static final String PROJECT = "/api/projects/matrix-project";
    private static final String PLAN = "/api/plans/matrix-plan";
    private static final String REPORT = "/api/reports/35203/2024";

    private final AtomicInteger unique = new AtomicInteger();
    private final AtomicReference<String> commentId = new AtomicReference<>("c1");

    private static final String EVENTS = "SELECT count(*) FROM domain_event_entry";
    private static final String ACCOUNT_CHANGES = "SELECT count(*) FROM account_change";
    private static final String ANYTHING = "SELECT (SELECT count(*) FROM domain_event_entry) "
            + "+ (SELECT count(*) FROM account_change)";

    /**
     * One row: the endpoint's mapping, a request to it, and per column "ok", "401" or "403"; {@code stored} counts
     * what an "ok" adds one to ({@link #EVENTS}, {@link #ACCOUNT_CHANGES}) or, for a read, {@link #ANYTHING}, which
     * it leaves as it is.
     */
    private record Row(String mapping, String contentType, IntFunction<String> path, IntFunction<String> body,
                       String expected, String stored) {
        Row(String mapping, String contentType, IntFunction<String> path, IntFunction<String> body, String expected) {
            this(mapping, contentType, path, body, expected, EVENTS);
        }

        String method() {
            return mapping.substring(0, mapping.indexOf(' '));
        }

        long storedByOk() {
            return stored.equals(ANYTHING) ? 0 : 1;
        }
    }

    /** A row of the secretariat's accounts: {@code matrix-person} is the account changed. */
    private static Row account(String mapping, IntFunction<String> body, String stored) {
        String path = mapping.substring(mapping.indexOf(' ') + 1).replace("{username}", "matrix-person");
        return new Row(mapping, "application/json", n -> path, body, "401 403 403 403 403 403 ok", stored);
    }

    private static Row row(String mapping, IntFunction<String> body, String expected) {
        String path = mapping.substring(mapping.indexOf(' ') + 1)
                .replace("{projectId}", "matrix-project").replace("{planId}", "matrix-plan")
                .replace("{kpiId}", "visitors").replace("{kgiId}", "settled-population");
        return new Row(mapping, "application/json", n -> path, body, expected);
    }

    private List<Row> table() {
        return List.of(
                //                                                                                      anon own other rev pref aud admin
                row("POST /api/projects", n -> """
                        {"projectId": "matrix-new-%d", "leadMunicipality": "35203", "participants": [], "name": "新規事業",
                         "summary": "", "scope": "SINGLE", "grantProgram": "SECOND_GENERATION", "department": "企画課",
                         "firstFiscalYear": 2024, "lastFiscalYear": 2026}""".formatted(n), "401 ok 403 403 403 403 403"),
                row("POST /api/projects/{projectId}/kpis", n -> """
                        {"kpiId": "kpi-%d", "name": "観光客数", "unit": "人", "direction": "HIGHER_IS_BETTER",
                         "measure": "ABSOLUTE", "baseline": {"value": 100, "fiscalYear": 2019}}""".formatted(n),
                        "401 ok 403 403 403 403 403"),
                new Row("PUT /api/projects/{projectId}/kpis/{kpiId}/targets/{fiscalYear}", "application/json",
                        n -> PROJECT + "/kpis/visitors/targets/2021",
                        n -> "{\"value\": %d, \"reason\": \"見直し\"}".formatted(1000 + n), "401 ok 403 403 403 403 403"),
                new Row("PUT /api/projects/{projectId}/kpis/{kpiId}/actuals/{fiscalYear}", "application/json",
                        n -> PROJECT + "/kpis/visitors/actuals/2021",
                        n -> "{\"value\": %d, \"status\": \"CONFIRMED\", \"reason\": \"訂正\"}".formatted(2000 + n),
                        "401 ok 403 403 403 403 403"),
                new Row("PUT /api/projects/{projectId}/costs/{fiscalYear}", "application/json", n -> PROJECT + "/costs/2021",
                        n -> "{\"totalCost\": %d, \"grantAmount\": 5000, \"reason\": \"訂正\"}".formatted(10000 + n),
                        "401 ok 403 403 403 403 403"),
                new Row("POST /api/projects/{projectId}/evaluations/{fiscalYear}", "application/json",
                        n -> PROJECT + "/evaluations/2023",
                        n -> "{\"effect\": \"EFFECTIVE\", \"policy\": \"CONTINUE\", \"rationale\": \"r%d\"}".formatted(n),
                        "401 ok 403 403 403 403 403"),
                new Row("PUT /api/projects/{projectId}/evaluations/{fiscalYear}", "application/json",
                        n -> PROJECT + "/evaluations/2022",
                        n -> "{\"effect\": \"EFFECTIVE\", \"policy\": \"IMPROVE\", \"reason\": \"委員会の指摘 %d\"}".formatted(n),
                        "401 ok 403 403 403 403 403"),
                new Row("PUT /api/projects/{projectId}/activities/{fiscalYear}", "application/json",
                        n -> PROJECT + "/activities/2021",
                        n -> "{\"activities\": \"観光ガイドを育成した %d\", \"reason\": \"訂正\"}".formatted(n),
                        "401 ok 403 403 403 403 403"),
                row("PUT /api/projects/{projectId}/details", n -> """
                        {"name": "山口市の観光振興事業 %d", "summary": "", "department": "観光交流課", "participants": [],
                         "reason": "名称の訂正"}""".formatted(n), "401 ok 403 403 403 403 403"),
                row("PUT /api/projects/{projectId}/kpis/{kpiId}/name", n -> """
                        {"name": "観光客数 %d", "reason": "表記の統一"}""".formatted(n), "401 ok 403 403 403 403 403"),
                new Row("POST /api/imports/kpi-figures", "text/csv", n -> "/api/imports/kpi-figures",
                        n -> "projectId,kpiId,fiscalYear,target,reason\nmatrix-project,visitors,2022,%d,見直し\n".formatted(3000 + n),
                        "401 ok 422 403 403 403 403"),
                row("POST /api/plans", n -> """
                        {"planId": "matrix-plan-%d", "name": "計画", "members": ["35203", "35202"],
                         "firstFiscalYear": 2022, "lastFiscalYear": 2026}""".formatted(n), "401 403 403 403 403 403 ok"),
                row("POST /api/plans/{planId}/kgis", n -> """
                        {"kgiId": "kgi-%d", "name": "交流人口", "unit": "人", "direction": "HIGHER_IS_BETTER",
                         "aggregation": "SUM", "baseline": {"value": 11840000, "year": 2020}}""".formatted(n),
                        "401 403 403 403 403 403 ok"),
                new Row("PUT /api/plans/{planId}/kgis/{kgiId}/targets/{year}", "application/json",
                        n -> PLAN + "/kgis/settled-population/targets/2026",
                        n -> "{\"value\": %d, \"reason\": \"見直し\"}".formatted(600000 + n), "401 403 403 403 403 403 ok"),
                new Row("PUT /api/plans/{planId}/kgis/{kgiId}/figures/partnership/{year}", "application/json",
                        n -> PLAN + "/kgis/settled-population/figures/partnership/2020",
                        n -> "{\"value\": %d, \"status\": \"CONFIRMED\", \"source\": \"国勢調査\", \"reason\": \"訂正\"}"
                                .formatted(600000 + n), "401 403 403 403 403 403 ok"),
                new Row("PUT /api/plans/{planId}/kgis/{kgiId}/figures/{municipalityCode}/{year}", "application/json",
                        n -> PLAN + "/kgis/settled-population/figures/35203/2020",
                        n -> "{\"value\": %d, \"status\": \"CONFIRMED\", \"source\": \"国勢調査\", \"reason\": \"訂正\"}"
                                .formatted(194000 + n), "401 ok 403 403 403 403 ok"),
                new Row("POST /api/reports/{municipalityCode}/{fiscalYear}/submission", "application/json",
                        n -> REPORT + "/submission", n -> "{}", "401 ok 403 403 403 403 403"),
                new Row("POST /api/reports/{municipalityCode}/{fiscalYear}/comments", "application/json",
                        n -> REPORT + "/comments", n -> "{\"text\": \"目標の根拠は? %d\"}".formatted(n),
                        "401 403 403 ok 403 403 403"),
                new Row("POST /api/reports/{municipalityCode}/{fiscalYear}/comments/{commentId}/answer", "application/json",
                        n -> REPORT + "/comments/" + commentId.get() + "/answer",
                        n -> "{\"text\": \"令和3年度の実績です。\"}", "401 ok 403 403 403 403 403"),
                new Row("POST /api/reports/{municipalityCode}/{fiscalYear}/publication", "application/json",
                        n -> REPORT + "/publication", n -> "{}", "401 ok 403 403 403 403 403"),
                account("GET /api/accounts", n -> null, ANYTHING),
                account("GET /api/accounts/changes", n -> null, ANYTHING),
                account("POST /api/accounts", n -> """
                        {"username": "matrix-new-%d", "displayName": "監査委員", "role": "AUDITOR",
                         "password": "a-long-enough-password", "reason": "委嘱"}""".formatted(n), ACCOUNT_CHANGES),
                account("POST /api/accounts/{username}/disable", n -> "{\"reason\": \"退職\"}", ACCOUNT_CHANGES),
                account("POST /api/accounts/{username}/enable", n -> "{\"reason\": \"再任用\"}", ACCOUNT_CHANGES),
                account("POST /api/accounts/{username}/password",
                        n -> "{\"password\": \"a-new-password-%d\", \"reason\": \"失念\"}".formatted(n), ACCOUNT_CHANGES));
    }

    /** Open to everyone, signed in or not; nothing here writes to the log. */
    private static final Set<String> OPEN = Set.of("POST /api/auth/token", "* /error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

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
        expectStatus(api.post("admin", "/api/accounts", """
                {"username": "matrix-person", "displayName": "監査委員", "role": "AUDITOR",
                 "password": "a-long-enough-password", "reason": "委嘱"}"""), 201);
    }

    @TestFactory
    List<DynamicTest> everyEndpoint_forEveryKindOfCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table()) {
            String[] expected = row.expected().split(" ");
            assertThat(expected).as(row.mapping()).hasSize(COLUMNS.length);
            for (int column = 0; column < COLUMNS.length; column++) {
                String user = USERS[column];
                String outcome = expected[column];
                tests.add(DynamicTest.dynamicTest(row.mapping() + " as " + COLUMNS[column] + " → " + outcome,
                        () -> check(row, user, outcome)));
            }
        }
        return tests;
    }

    private void check(Row row, String user, String outcome) {
        long before = stored(row);
        int n = unique.incrementAndGet();
        Response response = api.write(row.method(), user, row.path().apply(n), row.body().apply(n),
                "Content-Type", row.contentType());
        if (outcome.equals("ok")) {
            assertThat(response.status()).as(response.toString()).isIn(200, 201);
            assertThat(stored(row)).as(row.stored()).isEqualTo(before + row.storedByOk());
            if (response.json().has("commentId")) {
                commentId.set(response.json().get("commentId").asText());
            }
        } else if (outcome.equals("422")) {
            // the import is all or nothing: a row naming another member's project refuses the file, naming the row and
            // why; a person who is no member's editor is refused (403) before the file is read
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.json().get("code").asText()).isEqualTo("import-refused");
            assertThat(response.json().get("errors").get(0).get("problem").asText()).contains("実施主体の事業にありません");
            assertThat(stored(row)).as("events stored by a refused import").isEqualTo(before);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(Integer.parseInt(outcome));
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo(user == null ? "invalid-token" : "not-permitted");
            assertThat(stored(row)).as("stored by a refused request: " + row.stored()).isEqualTo(before);
        }
    }

    private long stored(Row row) {
        return jdbc.queryForObject(row.stored(), Long.class);
    }

    @Test
    void everyMappingIsInTheTable() {
        Set<String> ours = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("jp.yumekairo")) {
                continue; // springdoc's pages: open by design (ApiDocumentation), checked below
            }
            Set<String> methods = mapping.getKey().getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    ours.add("* " + pattern);
                }
                methods.forEach(method -> ours.add(method + " " + pattern));
            }
        }
        Set<String> listed = new TreeSet<>(OPEN);
        table().forEach(row -> listed.add(row.mapping()));

        assertThat(ours).as("request mappings of the command service; add a row to the table for each new one")
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void signInAndTheDocumentation_areOpen_andHealthShowsNoDetails() {
        assertThat(api.signIn("prefecture", Api.DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(api.signIn("prefecture", "wrong").status()).isEqualTo(401);
        for (String open : List.of("/v3/api-docs", "/swagger-ui.html", "/actuator/health")) {
            Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + open)));
            assertThat(response.status()).as(open).isIn(200, 302);
        }
        Response health = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health")));
        assertThat(health.json().has("components")).isFalse();
    }
}
