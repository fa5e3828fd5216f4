package jp.yumekairo.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.EventLogCounts;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.ServiceProcess;
import jp.yumekairo.query.support.Services;
import jp.yumekairo.query.support.Workload;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query service killed (SIGKILL) in the middle of catching up with the log, then started again, ends with
 * the same views as a run that was never interrupted: the auditor's rebuild replays the whole log into fresh
 * tables and finds them equal row for row.
 */
class CatchUpIT {

    private static Services services;

    @BeforeAll
    static void start() {
        services = Services.start(CatchUpIT.class, 1);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void killedMidCatchUp_andRestarted_theViewsEqualAnUninterruptedReplay() throws Exception {
        Api api = services.api();
        api.token("auditor");
        services.query().kill();
        Workload workload = new Workload(api, 2);
        workload.setUp();
        workload.run(1200, 8);
        long events = services.count("SELECT count(*) FROM domain_event_entry");

        // one event per transaction, so that the catch-up takes long enough to be interrupted
        ServiceProcess slow = services.addQueryInstance(true,
                "--axon.eventhandling.processors.project-views.batch-size=1",
                "--axon.eventhandling.processors.plan-views.batch-size=1");
        Awaitility.await("the catch-up to be under way").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> services.count("SELECT count(*) FROM query.event_origin") > events / 10);
        slow.kill();
        long appliedBeforeKill = services.count("SELECT count(*) FROM query.event_origin");
        assertThat(appliedBeforeKill).as("killed before the views were complete").isLessThan(events);

        ServiceProcess restarted = services.addQueryInstance(true);
        Awaitility.await("the restarted instance to catch up").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> EventLogCounts.match(services));

        Api reader = api.readingFrom(restarted);
        for (Workload.Expected expected : workload.expected()) {
            JsonNode project = reader.get("prefecture", "/api/projects/" + expected.projectId()
                    + "?minVersion=" + expected.version());
            assertThat(actualOf(project, expected.kpiId())).as(expected.toString()).isEqualByComparingTo(expected.value());
        }

        Api.Response started = reader.post("auditor", "/api/audit/rebuild");
        assertThat(started.status()).isEqualTo(202);
        String run = started.headers().firstValue("Location").orElseThrow();
        Awaitility.await("the rebuild to finish").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !reader.get("auditor", run).get("state").asText().equals("RUNNING"));
        JsonNode rebuild = reader.get("auditor", run);

        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SUCCEEDED");
        assertThat(rebuild.get("replayedEvents").asLong()).isEqualTo(events);
        assertThat(rebuild.get("result").get("equal").asBoolean()).as(rebuild.toString()).isTrue();
        assertThat(rebuild.get("result").get("tables")).hasSize(ProjectionTableCount.TABLES);
        for (JsonNode table : rebuild.get("result").get("tables")) {
            assertThat(table.get("liveRows").asLong()).isEqualTo(table.get("rebuiltRows").asLong());
            assertThat(table.get("liveChecksum").asText()).isEqualTo(table.get("rebuiltChecksum").asText());
        }
        assertThat(rebuild.get("result").get("durationMillis").asLong()).isPositive();
        assertThat(reader.get("auditor", "/api/audit/rebuild").get("runId").asLong())
                .isEqualTo(rebuild.get("runId").asLong());
        assertThat(reader.read("ube", "/api/audit/rebuild").status()).isEqualTo(403);
    }

    @Test
    void aRebuildThatFindsADifference_saysWhichTable() throws Exception {
        Api api = services.api();
        Api reader = api.readingFrom(services.queries().get(services.queries().size() - 1));
        new Seeds(api).mineHealthProject("mine-health-tampered");
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> EventLogCounts.match(services));
        // an auditor's nightmare: someone edits a live view behind the log's back
        String tampered = "project_id = 'mine-health-tampered' AND kpi_id = 'checkups'";
        JsonNode result;
        try (var connection = services.connect(); var statement = connection.createStatement()) {
            statement.execute("UPDATE query.kpi_actual SET actual = actual + 1 WHERE " + tampered);
            try {
                String run = reader.post("auditor", "/api/audit/rebuild").headers().firstValue("Location").orElseThrow();
                Awaitility.await("the rebuild to finish").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> !reader.get("auditor", run).get("state").asText().equals("RUNNING"));
                result = reader.get("auditor", run).get("result");
            } finally {
                statement.execute("UPDATE query.kpi_actual SET actual = actual - 1 WHERE " + tampered);
            }
        }

        assertThat(result.get("equal").asBoolean()).isFalse();
        for (JsonNode table : result.get("tables")) {
            assertThat(table.get("equal").asBoolean()).as(table.toString())
                    .isEqualTo(!table.get("table").asText().equals("kpi_actual"));
        }
    }

    @Test
    void aRebuildLeftRunningByAnInstanceThatDied_doesNotBlockTheNextOne() throws Exception {
        Api reader = services.api().readingFrom(services.queries().get(services.queries().size() - 1));
        long abandoned;
        try (var connection = services.connect(); var statement = connection.createStatement();
             var inserted = statement.executeQuery("INSERT INTO query.rebuild_run (requested_by, started_at, state, "
                     + "head_index, total_events, heartbeat_at) VALUES ('auditor', now() - interval '10 minutes', "
                     + "'RUNNING', 0, 0, now() - interval '9 minutes') RETURNING run_id")) {
            inserted.next();
            abandoned = inserted.getLong(1);
        }

        Api.Response started = reader.post("auditor", "/api/audit/rebuild");
        String run = started.headers().firstValue("Location").orElseThrow();
        Awaitility.await("the rebuild to finish").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !reader.get("auditor", run).get("state").asText().equals("RUNNING"));

        assertThat(started.status()).isEqualTo(202);
        JsonNode old = reader.get("auditor", "/api/audit/rebuild/" + abandoned);
        assertThat(old.get("state").asText()).isEqualTo("FAILED");
        assertThat(old.get("result").get("error").asText()).isEqualTo("the instance running it stopped");
    }

    private static BigDecimal actualOf(JsonNode project, String kpiId) {
        for (JsonNode kpi : project.get("kpis")) {
            if (kpi.get("kpiId").asText().equals(kpiId)) {
                return kpi.get("years").get(0).get("actual").decimalValue();
            }
        }
        throw new AssertionError("no KPI " + kpiId);
    }

    private static final class ProjectionTableCount {
        static final int TABLES = jp.yumekairo.query.projection.ProjectionTable.values().length;
    }
}
