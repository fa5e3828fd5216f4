package jp.yumekairo.query.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.EventLogCounts;
import jp.yumekairo.query.support.Services;
import jp.yumekairo.query.support.WriteLoad;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Either service killed with SIGKILL while it works, then started again on the same database: the command service
 * in the middle of a write load, the query service in the middle of the auditor's rebuild. (Killed in the middle
 * of catching up with the log: {@code CatchUpIT}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final int WRITERS = 6;
    private static final int WRITES = 600;

    private static Services services;

    @BeforeAll
    static void start() {
        services = Services.start(CrashIT.class, 1);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void commandServiceKilledDuringWrites_keepsEveryAcknowledgedWrite_andTheViewsConvergeToTheLog() throws Exception {
        Api api = services.api();
        try (WriteLoad load = new WriteLoad(api, "crash", 2).setUp()) {
            load.start(WRITERS, WRITES);
            Awaitility.await("writes under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> load.acknowledgedCount() >= 100);
            long crashed = services.command().pid();

            services.command().kill();
            int acknowledgedBeforeRestart = load.acknowledgedCount();
            services.command().start();

            assertThat(services.command().pid()).isNotEqualTo(crashed);
            load.awaitDone();
            int resent = load.resendUnanswered();

            assertThat(load.acknowledgedCount()).as("writes the restarted service took")
                    .isGreaterThan(acknowledgedBeforeRestart + 300);
            assertThat(resent).as("writes the crash left without an answer").isGreaterThanOrEqualTo(1);
            load.assertLogHoldsEveryWriteOnce(services);
        }

        awaitViewsHoldEveryEvent();
        new WriteLoad(api, "crash", 2).assertViewsEqualLog(services, api);
    }

    @Test
    @Order(2)
    void queryServiceKilledMidRebuild_marksTheRunFailed_andTheNextRebuildEqualsTheLiveViews() throws Exception {
        Api auditor = services.api();
        awaitViewsHoldEveryEvent();
        long events = services.count("SELECT count(*) FROM domain_event_entry");
        assertThat(events).as("a log of more than one replay chunk (500 events)").isGreaterThan(500);

        long runId;
        try (Connection connection = services.connect()) {
            Api.Response started = auditor.post("auditor", "/api/audit/rebuild");
            assertThat(started.status()).isEqualTo(202);
            runId = started.body().get("runId").asLong();
            // Holding the run's row makes the rebuild stop at its next progress report, after its first chunk of
            // events is in the rebuild tables: the kill then lands mid-rebuild however fast the machine is.
            connection.setAutoCommit(false);
            try (PreparedStatement hold = connection.prepareStatement(
                    "SELECT state FROM query.rebuild_run WHERE run_id = ? FOR UPDATE")) {
                hold.setLong(1, runId);
                hold.executeQuery();
            }
            Awaitility.await("the rebuild to be replaying").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).until(() -> services.count("SELECT count(*) FROM pg_stat_activity "
                            + "WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE query.rebuild_run%'") == 1);
            long replayed = services.count("SELECT count(*) FROM query_rebuild.event_origin");
            assertThat(replayed).as("events replayed when killed").isPositive().isLessThan(events);

            services.query().kill();
            connection.rollback();
        }
        assertThat(services.count("SELECT count(*) FROM query.rebuild_run WHERE run_id = " + runId
                + " AND state = 'RUNNING'")).as("the killed run, as it was left").isEqualTo(1);

        services.query().start();

        JsonNode killed = auditor.get("auditor", "/api/audit/rebuild/" + runId);
        assertThat(killed.get("state").asText()).as(killed.toString()).isEqualTo("FAILED");
        assertThat(killed.get("result").get("error").asText()).isEqualTo("the instance running it stopped");
        Api.Response again = auditor.post("auditor", "/api/audit/rebuild");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(202);
        String next = again.headers().firstValue("Location").orElseThrow();
        Awaitility.await("the new rebuild to finish").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !auditor.get("auditor", next).get("state").asText().equals("RUNNING"));
        JsonNode rebuild = auditor.get("auditor", next);
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SUCCEEDED");
        assertThat(rebuild.get("replayedEvents").asLong()).isEqualTo(events);
        assertThat(rebuild.get("result").get("equal").asBoolean()).as(rebuild.toString()).isTrue();
        for (JsonNode table : rebuild.get("result").get("tables")) {
            assertThat(table.get("rebuiltRows").asLong()).as(table.toString()).isEqualTo(table.get("liveRows").asLong());
        }
        assertThat(services.count("SELECT count(*) FROM query.event_origin")).isEqualTo(events);
    }

    private static void awaitViewsHoldEveryEvent() {
        Awaitility.await("the views to hold every event of the log").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> EventLogCounts.match(services));
    }
}
