package jp.yumekairo.command.config;

import jp.yumekairo.command.CommandServiceApplication;
import jp.yumekairo.command.support.Api;
import jp.yumekairo.command.support.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A restarted service knows everything it knew: aggregates are rebuilt from PostgreSQL, tokens stay valid. */
class RestartIT {

    private String database;

    @BeforeEach
    void createDatabase() {
        database = FreshDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        FreshDatabase.drop(database);
    }

    @Test
    void aRestartedService_rebuildsItsAggregatesFromTheEventStore() {
        String token;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            api.post("sanyo-onoda", "/api/projects", """
                    {"projectId": "glass", "leadMunicipality": "35216", "participants": [],
                     "name": "小野田ガラスのブランド化推進事業", "summary": "", "scope": "SINGLE",
                     "grantProgram": "REGIONAL_REVITALIZATION_PROMOTION", "department": "商工労働課",
                     "firstFiscalYear": 2020, "lastFiscalYear": 2022}""");
            api.post("sanyo-onoda", "/api/projects/glass/kpis", """
                    {"kpiId": "glass-sales", "name": "ブランド化したガラス商品の販売額", "unit": "円",
                     "direction": "HIGHER_IS_BETTER", "measure": "ABSOLUTE", "baseline": {"value": 0, "fiscalYear": 2019}}""");
            assertThat(api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/actuals/2021",
                    "{\"value\": 134280, \"status\": \"PROVISIONAL\"}").status()).isEqualTo(200);
            token = api.token("sanyo-onoda");
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            // the service remembers the actual: recording another figure is a correction and needs a reason
            Api.Response noReason = api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/actuals/2021",
                    "{\"value\": 134281, \"status\": \"CONFIRMED\"}");
            assertThat(noReason.status()).isEqualTo(409);
            assertThat(noReason.json().get("code").asText()).isEqualTo("reason-required");

            Api.Response corrected = api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/actuals/2021",
                    "{\"value\": 134281, \"status\": \"CONFIRMED\", \"reason\": \"確定値\"}");
            assertThat(corrected.json().get("version").asLong()).isEqualTo(4);

            // the KPI and the project are still known, and the token signed before the restart still works
            Api.Response duplicate = api.post("sanyo-onoda", "/api/projects/glass/kpis", """
                    {"kpiId": "glass-sales", "name": "x", "unit": "円", "direction": "HIGHER_IS_BETTER",
                     "measure": "ABSOLUTE", "baseline": {"value": 0, "fiscalYear": 2019}}""");
            assertThat(duplicate.json().get("code").asText()).isEqualTo("duplicate-kpi-id");
            Api.Response withOldToken = api.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(api.base() + "/api/projects/glass/kpis/glass-sales/targets/2021"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"value\": 10000000}")));
            assertThat(withOldToken.status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=" + FreshDatabase.SERVER + database,
                        "--spring.flyway.user=" + FreshDatabase.USER,
                        "--spring.flyway.password=" + FreshDatabase.PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
