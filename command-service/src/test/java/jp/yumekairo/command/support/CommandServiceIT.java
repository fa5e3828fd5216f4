package jp.yumekairo.command.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command service on a random port against a fresh PostgreSQL database of its own (dropped after the
 * class), with the demo users. Tests drive it over HTTP and look at the event table directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class CommandServiceIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    protected static final String SANYO_ONODA_GLASS = """
            {"projectId": "%s", "leadMunicipality": "35216", "participants": [],
             "name": "小野田ガラスのブランド化推進事業",
             "summary": "市内のガラス作家の作品をブランド化し、ガラス作家の所得向上と本市への定着を図る。",
             "scope": "SINGLE", "grantProgram": "REGIONAL_REVITALIZATION_PROMOTION", "department": "商工労働課",
             "firstFiscalYear": 2020, "lastFiscalYear": 2022}""";

    protected static final String GLASS_SALES_KPI = """
            {"kpiId": "glass-sales", "name": "ブランド化したガラス商品の販売額", "unit": "円",
             "direction": "HIGHER_IS_BETTER", "measure": "ABSOLUTE", "baseline": {"value": 0, "fiscalYear": 2019}}""";

    protected static final String YUME_KAIRO_PLAN = """
            {"planId": "%s", "name": "第2期山口県央連携都市圏域ビジョン",
             "members": ["35203", "35202", "35204", "35206", "35213", "35216", "32501"],
             "firstFiscalYear": 2022, "lastFiscalYear": 2026}""";

    protected static final String SETTLED_POPULATION_KGI = """
            {"kgiId": "settled-population", "name": "定住人口", "unit": "人", "direction": "HIGHER_IS_BETTER",
             "aggregation": "SUM", "baseline": {"value": 642361, "year": 2010}}""";

    /** 小野田ガラス with its first KPI, as 山陽小野田市's editor registers it. */
    protected void registerGlassProject(String projectId) {
        expectStatus(api.post("sanyo-onoda", "/api/projects", SANYO_ONODA_GLASS.formatted(projectId)), 201);
        expectStatus(api.post("sanyo-onoda", "/api/projects/" + projectId + "/kpis", GLASS_SALES_KPI), 200);
    }

    protected void definePlan(String planId) {
        expectStatus(api.post("admin", "/api/plans", YUME_KAIRO_PLAN.formatted(planId)), 201);
        expectStatus(api.post("admin", "/api/plans/" + planId + "/kgis", SETTLED_POPULATION_KGI), 200);
    }

    protected static Api.Response expectStatus(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }
}
