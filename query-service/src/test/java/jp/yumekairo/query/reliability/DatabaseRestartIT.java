package jp.yumekairo.query.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.EventLogCounts;
import jp.yumekairo.query.support.PrivatePostgres;
import jp.yumekairo.query.support.Services;
import jp.yumekairo.query.support.WriteLoad;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped the hard way and started again while editors write: both services find it again by
 * themselves (neither is restarted), no acknowledged write is lost, writes succeed again, the query service
 * listens for new events and changed views again, and its views converge to the log. Runs on a PostgreSQL cluster of its own.
 */
class DatabaseRestartIT {

    private static PrivatePostgres postgres;
    private static Services services;

    @BeforeAll
    static void start() {
        postgres = PrivatePostgres.start(DatabaseRestartIT.class.getSimpleName());
        services = Services.start(DatabaseRestartIT.class, 1, postgres.url());
    }

    @AfterAll
    static void stop() {
        try {
            if (services != null) {
                services.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void postgresRestartedDuringWrites_bothServicesRecoverByThemselves_andNoAcknowledgedWriteIsLost() throws Exception {
        Api api = services.api();
        api.token("auditor");
        long commandPid = services.command().pid();
        long queryPid = services.query().pid();
        try (WriteLoad load = new WriteLoad(api, "restart", 1).setUp()) {
            // enough writes that many are still to come when PostgreSQL stops, however fast the writes are
            load.start(6, 2000);
            Awaitility.await("writes under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> load.acknowledgedCount() >= 80);

            // the member's list as it stood before, kept by the query service
            api.get("hagi", "/api/municipalities/35204/projects");
            postgres.restart();
            int acknowledgedAtRestart = load.acknowledgedCount();

            load.awaitDone();
            load.resendUnanswered();
            assertThat(load.acknowledgedCount()).as("writes taken after the restart")
                    .isGreaterThan(acknowledgedAtRestart + 100);
            load.assertLogHoldsEveryWriteOnce(services);
        }

        assertThat(services.command().isAlive()).isTrue();
        assertThat(services.query().isAlive()).isTrue();
        assertThat(services.command().pid()).as("the command service was not restarted").isEqualTo(commandPid);
        assertThat(services.query().pid()).as("the query service was not restarted").isEqualTo(queryPid);

        Awaitility.await("the query service to LISTEN for new events and changed views again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> services.count("SELECT count(*) FROM pg_stat_activity "
                        // the last of the listening connection's two statements
                        + "WHERE usename = 'yumekairo_query' AND query = 'LISTEN yumekairo_views'") == 1);
        Awaitility.await("the views to hold every event of the log").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> EventLogCounts.match(services));
        new WriteLoad(api, "restart", 1).assertViewsEqualLog(services, api);

        // a write after the restart is readable at once by the version it answered
        long version = api.write("hagi", "PUT", "/api/projects/load-35204-0/kpis/jobs/actuals/2024",
                object("value", 4242, "status", "CONFIRMED", "source", "確定値", "note", "", "reason", "再起動後の訂正"))
                .version();
        JsonNode project = api.get("prefecture", "/api/projects/load-35204-0?minVersion=" + version);
        assertThat(project.get("version").asLong()).isEqualTo(version);
        // and the member's list, kept before the restart, shows it too without asking for the version
        Awaitility.await("the member's list to show the write").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50)).until(() -> jobs2024(api.get("hagi",
                        "/api/municipalities/35204/projects"), "load-35204-0").equals("4242"));

        JsonNode health = api.get("auditor", "/actuator/health");
        assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    private static String jobs2024(JsonNode member, String projectId) {
        for (JsonNode project : member.get("projects")) {
            if (project.get("projectId").asText().equals(projectId)) {
                for (JsonNode kpi : project.get("kpis")) {
                    for (JsonNode year : kpi.get("years")) {
                        if (kpi.get("kpiId").asText().equals("jobs") && year.get("fiscalYear").asInt() == 2024) {
                            return year.get("actual").decimalValue().stripTrailingZeros().toPlainString();
                        }
                    }
                }
            }
        }
        return "";
    }
}
