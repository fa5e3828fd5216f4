package jp.yumekairo.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.EventLogCounts;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import jp.yumekairo.query.support.Workload;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of writes from many threads while two query-service instances share the processors' segments:
 * every event ends up in the views exactly once, and the views show each figure's last write; a current view
 * either instance keeps is dropped as soon as either applies a change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrentWritersIT {

    private static final int COMMANDS = 2000;
    private static final int THREADS = 16;

    private static Services services;

    @BeforeAll
    static void start() {
        services = Services.start(ConcurrentWritersIT.class, Integer.getInteger("instances", 2));
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1) // counts every event in the log, so before the next test adds its own
    void everyEventIsAppliedExactlyOnce_andTheViewsShowTheLastWrites() throws Exception {
        Api api = services.api();
        Awaitility.await("both instances to hold segments").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> services.count("SELECT count(DISTINCT owner) FROM query.token_entry") == services.queries().size());
        Workload workload = new Workload(api, 3);
        workload.setUp();

        workload.run(COMMANDS, THREADS);

        try {
            Awaitility.await("the views to hold every event").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250)).until(() -> EventLogCounts.match(services));
        } catch (org.awaitility.core.ConditionTimeoutException late) {
            throw new AssertionError(EventLogCounts.describe(EventLogCounts.of(services)) + "\n"
                    + services.queries().stream().map(q -> api.readingFrom(q).read("auditor", "/actuator/health").body()
                    .path("components").path("eventProcessors").toString()).toList(), late);
        }
        Map<String, long[]> counts = EventLogCounts.of(services);
        assertThat(counts.get("kpi_actual")[1]).as(EventLogCounts.describe(counts)).isEqualTo(COMMANDS);
        assertThat(counts.get("event_origin")[0]).isEqualTo(COMMANDS + 7 * 3 * 5);
        assertThat(services.count("SELECT count(DISTINCT owner) FROM query.token_entry"))
                .as("both instances hold segments").isEqualTo(2);
        Api second = api.readingFrom(services.queries().get(1));
        for (Workload.Expected expected : workload.expected()) {
            Api reader = expected.projectId().hashCode() % 2 == 0 ? api : second;
            JsonNode project = reader.get("prefecture", "/api/projects/" + expected.projectId());
            assertThat(actualOf(project, expected.kpiId())).as(expected.toString())
                    .isEqualByComparingTo(expected.value());
        }
    }

    @Test
    @Order(2)
    void aCurrentViewEveryInstanceHasShown_showsTheNextWriteOnEveryInstance_withoutAskingForItsVersion() {
        Api api = services.api();
        Awaitility.await("both instances to hold segments").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> services.count("SELECT count(DISTINCT owner) FROM query.token_entry") == services.queries().size());
        String projectId = "mine-health-kept";
        long version = new Seeds(api).mineHealthProject(projectId);
        List<Api> readers = services.queries().stream().map(api::readingFrom).toList();
        for (Api reader : readers) {
            // read (and so kept) by every instance, the project's page and the member's list alike
            assertThat(reader.get("mine", "/api/projects/" + projectId + "?minVersion=" + version).get("version").asLong())
                    .isEqualTo(version);
            assertThat(checkupsIn(reader.get("mine", "/api/municipalities/35213/projects"), projectId))
                    .isEqualByComparingTo("38.3");
        }

        api.write("mine", "PUT", "/api/projects/" + projectId + "/kpis/checkups/actuals/2024", Api.object("value",
                new java.math.BigDecimal("41.2"), "status", "CONFIRMED", "source", "令和6年度効果検証", "note", "",
                "reason", "受診率の再集計"));

        // only one instance applied the event; every one hears that its views changed
        for (Api reader : readers) {
            Awaitility.await("every instance to show the new actual").atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                        assertThat(checkupsIn(reader.get("mine", "/api/municipalities/35213/projects"), projectId))
                                .isEqualByComparingTo("41.2");
                        assertThat(yearOf(reader.get("mine", "/api/projects/" + projectId), "checkups", 2024))
                                .isEqualByComparingTo("41.2");
                    });
        }
    }

    private static java.math.BigDecimal checkupsIn(JsonNode member, String projectId) {
        for (JsonNode project : member.get("projects")) {
            if (project.get("projectId").asText().equals(projectId)) {
                return yearOf(project, "checkups", 2024);
            }
        }
        throw new AssertionError("no project " + projectId + " in " + member);
    }

    private static java.math.BigDecimal yearOf(JsonNode project, String kpiId, int fiscalYear) {
        for (JsonNode kpi : project.get("kpis")) {
            if (kpi.get("kpiId").asText().equals(kpiId)) {
                for (JsonNode year : kpi.get("years")) {
                    if (year.get("fiscalYear").asInt() == fiscalYear) {
                        return year.get("actual").decimalValue();
                    }
                }
            }
        }
        throw new AssertionError("no " + kpiId + " in " + fiscalYear);
    }

    private static java.math.BigDecimal actualOf(JsonNode project, String kpiId) {
        for (JsonNode kpi : project.get("kpis")) {
            if (kpi.get("kpiId").asText().equals(kpiId)) {
                return kpi.get("years").get(0).get("actual").decimalValue();
            }
        }
        throw new AssertionError("no KPI " + kpiId);
    }
}
