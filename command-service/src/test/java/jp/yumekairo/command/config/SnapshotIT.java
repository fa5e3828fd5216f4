package jp.yumekairo.command.config;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import jp.yumekairo.command.support.FreshDatabase;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots, with a threshold of five events: after more events than that, each aggregate has a snapshot; evicted
 * from the cache, it loads from the snapshot (a snapshot changed in SQL changes what the service decides) and goes
 * on from the right state and version; a snapshot of another revision than the aggregate's is skipped, and the
 * aggregate is replayed from its events.
 */
@TestPropertySource(properties = "yumekairo.aggregates.snapshot-after-events=5")
class SnapshotIT extends CommandServiceIT {

    private static final String PROJECT = "/api/projects/glass-snapshots";
    private static final String ACTUAL = """
            {"value": %d, "status": "CONFIRMED", "source": "販売実績", "note": "", "reason": "%s"}""";

    @Autowired
    private Environment environment;
    @Autowired
    @Qualifier("projectCache")
    private Cache projects;
    @Autowired
    @Qualifier("planCache")
    private Cache plans;
    @Autowired
    @Qualifier("reportCache")
    private Cache reports;
    @Autowired
    private ThreadPoolTaskExecutor snapshotExecutor;

    @Test
    void aProjectEvictedFromTheCache_loadsFromItsSnapshot_andGoesOnFromTheRightState() throws SQLException {
        registerGlassProject("glass-snapshots");
        for (int year = 2020; year <= 2022; year++) {
            expectStatus(api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/targets/" + year,
                    "{\"value\": " + year * 10 + ", \"reason\": \"\"}"), 200);
            expectStatus(api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/actuals/" + year,
                    ACTUAL.formatted(year, "")), 200);
        }
        expectStatus(api.put("sanyo-onoda", PROJECT + "/activities/2021", "{\"activities\": \"工房の運営\"}"), 200);
        // 9 events: the fifth was followed by a snapshot; the version is 9
        Map<String, Object> snapshot = snapshotOf("glass-snapshots");
        assertThat(snapshot).containsEntry("type", "Project").containsEntry("payload_revision", "1");
        assertThat((Long) snapshot.get("sequence_number")).isGreaterThanOrEqualTo(4L);

        projects.removeAll();
        // the state behind these answers is in the snapshot's record-keyed and year-keyed maps
        Response again = api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/actuals/2021", ACTUAL.formatted(1, ""));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("reason-required");
        Response activitiesAgain = api.put("sanyo-onoda", PROJECT + "/activities/2021", "{\"activities\": \"別の内容\"}");
        assertThat(activitiesAgain.status()).as(activitiesAgain.body()).isEqualTo(409);
        Response same = expectStatus(api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/actuals/2022",
                ACTUAL.formatted(2022, "")), 200);
        assertThat(same.json().get("version").asLong()).as("recording the same actual again changes nothing")
                .isEqualTo(9);
        Response corrected = expectStatus(api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/actuals/2021",
                ACTUAL.formatted(1, "確定値に訂正")), 200);
        assertThat(corrected.json().get("version").asLong()).isEqualTo(10);

        // what the service decides comes from the snapshot: one naming another lead refuses the lead's editor
        snapshotOf("glass-snapshots");
        projects.removeAll();
        assertThat(updateSnapshot("glass-snapshots", """
                payload = convert_to(replace(convert_from(payload, 'UTF8'), '"leadMunicipality":"35216"',
                          '"leadMunicipality":"35203"'), 'UTF8')""")).isEqualTo(1);
        Response refused = api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/actuals/2020", ACTUAL.formatted(2, "訂正"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);

        // the same snapshot under another revision is skipped: the project is replayed from its events
        projects.removeAll();
        assertThat(updateSnapshot("glass-snapshots", "payload_revision = '0'")).isEqualTo(1);
        Response replayed = expectStatus(api.put("sanyo-onoda", PROJECT + "/kpis/glass-sales/actuals/2020",
                ACTUAL.formatted(2, "訂正")), 200);
        assertThat(replayed.json().get("version").asLong()).isEqualTo(11);
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, "glass-snapshots"))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        // the replay took a new snapshot of the right revision and state in place of the skipped one
        Map<String, Object> renewed = snapshotOf("glass-snapshots");
        assertThat(renewed).containsEntry("payload_revision", "1");
        assertThat((String) renewed.get("payload")).contains("\"leadMunicipality\":\"35216\"");
    }

    @Test
    void aStreamLongerThanOneQuerysBatch_replaysWhole_whenItsSnapshotIsSkipped() throws SQLException {
        registerGlassProject("glass-long");
        String path = "/api/projects/glass-long/kpis/glass-sales/actuals/2020";
        for (int n = 1; n <= 110; n++) {
            expectStatus(api.put("sanyo-onoda", path, ACTUAL.formatted(n, "訂正 " + n)), 200);
        }
        // 112 events; the snapshot set aside, a cold load reads them in two queries' batches (100, 12)
        snapshotOf("glass-long");
        projects.removeAll();
        assertThat(updateSnapshot("glass-long", "payload_revision = '0'")).isEqualTo(1);
        Response same = expectStatus(api.put("sanyo-onoda", path, ACTUAL.formatted(110, "")), 200);
        assertThat(same.json().get("version").asLong()).as("the last actual, recorded again: nothing new")
                .isEqualTo(112);
        Response next = expectStatus(api.put("sanyo-onoda", path, ACTUAL.formatted(111, "訂正 111")), 200);
        assertThat(next.json().get("version").asLong()).isEqualTo(113);
    }

    @Test
    void thePlanAndAReport_loadFromTheirSnapshots() {
        definePlan("yume-kairo-snapshots");
        String figures = "/api/plans/yume-kairo-snapshots/kgis/settled-population/figures/";
        for (int year = 2020; year <= 2024; year++) {
            expectStatus(api.put("yamaguchi", figures + "35203/" + year,
                    "{\"value\": " + (190000 + year) + ", \"status\": \"CONFIRMED\", \"source\": \"推計\"}"), 200);
        }
        assertThat(snapshotOf("yume-kairo-snapshots")).containsEntry("type", "WideAreaPlan");

        plans.removeAll();
        Response noReason = api.put("yamaguchi", figures + "35203/2021",
                "{\"value\": 1, \"status\": \"CONFIRMED\", \"source\": \"推計\"}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(409);
        Response next = expectStatus(api.put("yamaguchi", figures + "35203/2021",
                "{\"value\": 1, \"status\": \"CONFIRMED\", \"source\": \"推計\", \"reason\": \"訂正\"}"), 200);
        assertThat(next.json().get("version").asLong()).isEqualTo(8);

        registerGlassProject("glass-report");
        String report = "/api/reports/35216/2021";
        expectStatus(api.post("sanyo-onoda", report + "/submission", null), 200);
        for (int c = 1; c <= 5; c++) {
            expectStatus(api.post("reviewer-academia", report + "/comments", "{\"text\": \"意見" + c + "\"}"), 200);
        }
        assertThat(snapshotOf("report-35216-2021")).containsEntry("type", "Report");

        reports.removeAll();
        expectStatus(api.post("sanyo-onoda", report + "/comments/c3/answer", "{\"text\": \"回答\"}"), 200);
        Response sixth = expectStatus(api.post("reviewer-academia", report + "/comments", "{\"text\": \"意見6\"}"), 200);
        assertThat(sixth.json().get("commentId").asText()).isEqualTo("c6");
        assertThat(sixth.json().get("version").asLong()).isEqualTo(8);
    }

    /**
     * The aggregate's one snapshot (older ones are replaced), once the snapshots the writes so far asked for are
     * taken: they are asked for before a write answers, and taken on a thread of their own.
     */
    private Map<String, Object> snapshotOf(String aggregateId) {
        ThreadPoolExecutor pool = snapshotExecutor.getThreadPoolExecutor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pool.getCompletedTaskCount() < pool.getTaskCount() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT type, sequence_number, payload_revision, "
                + "convert_from(payload, 'UTF8') AS payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                aggregateId);
        assertThat(rows).as("the snapshots of " + aggregateId).hasSize(1);
        return rows.get(0);
    }

    /** As the owner: the service's own role may not change a snapshot, only add and remove them. */
    private int updateSnapshot(String aggregateId, String set) throws SQLException {
        try (Connection owner = FreshDatabase.owner(environment.getProperty("spring.datasource.url"));
             PreparedStatement update = owner.prepareStatement("UPDATE snapshot_event_entry SET " + set
                     + " WHERE aggregate_identifier = ?")) {
            update.setString(1, aggregateId);
            return update.executeUpdate();
        }
    }
}
