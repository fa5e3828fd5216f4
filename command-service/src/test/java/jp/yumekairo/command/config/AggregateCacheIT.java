package jp.yumekairo.command.config;

import jp.yumekairo.command.CommandServiceApplication;
import jp.yumekairo.command.support.Api;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import jp.yumekairo.command.support.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the aggregates cached, two instances of the service on one log write the same project in turn, each
 * through its own cache, which is behind the log whenever the other wrote last: no write is lost, none is applied
 * on a stale state, and the project's sequence numbers stay unbroken. A dry run's changes, made inside a
 * transaction that always rolls back, never reach the cache.
 */
class AggregateCacheIT extends CommandServiceIT {

    private static final String TARGETS = "/api/projects/%s/kpis/glass-sales/targets/%d";

    @Autowired
    private Environment environment;

    @Test
    void twoInstancesWritingTheSameProjectInTurn_loseNothing_andNeverWriteOnAStaleState() {
        registerGlassProject("glass-two-instances");
        // arguments, not default properties: those lose to application.yml's environment placeholders
        try (var second = new SpringApplicationBuilder(CommandServiceApplication.class).profiles("demo")
                .run("--server.port=0", "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.flyway.user=" + FreshDatabase.USER, "--spring.flyway.password=" + FreshDatabase.PASSWORD)) {
            Api other = new Api(((ServletWebServerApplicationContext) second).getWebServer().getPort());
            String path = TARGETS.formatted("glass-two-instances", 2020);

            // each instance now holds the project in its cache; every turn below finds the writer's copy behind
            Response first = api.put("sanyo-onoda", path, "{\"value\": 100, \"reason\": \"\"}");
            Response second2 = other.put("sanyo-onoda", path, "{\"value\": 200, \"reason\": \"第2の見直し\"}");
            Response third = api.put("sanyo-onoda", path, "{\"value\": 300, \"reason\": \"第3の見直し\"}");
            Response fourth = other.put("sanyo-onoda", path, "{\"value\": 400, \"reason\": \"第4の見直し\"}");
            List<Response> turns = List.of(first, second2, third, fourth);
            assertThat(turns).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
            assertThat(turns.stream().map(r -> r.json().get("version").asLong()))
                    .containsExactly(3L, 4L, 5L, 6L);

            // a version the other instance already passed is stale on either instance
            Response stale = api.put("sanyo-onoda", path, "{\"value\": 500, \"reason\": \"古い画面から\"}",
                    "If-Match", "\"5\"");
            assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        }
        assertThat(sequenceNumbers("glass-two-instances")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(latestTarget("glass-two-instances")).isEqualTo("400");
    }

    @Test
    void aDryRunsChanges_neverReachTheCache() {
        registerGlassProject("glass-dry-run");
        String path = TARGETS.formatted("glass-dry-run", 2020);
        assertThat(api.put("sanyo-onoda", path, "{\"value\": 100, \"reason\": \"\"}").status()).isEqualTo(200);

        Response dryRun = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/imports/kpi-figures?dryRun=true"))
                .header("Authorization", "Bearer " + api.token("sanyo-onoda"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray("""
                        事業ID,KPI ID,年度,目標値,実績値,状態,出典,備考,理由
                        glass-dry-run,glass-sales,2020,999,,,,,試しに入れる
                        glass-dry-run,glass-sales,2021,888,,,,,
                        """.getBytes(StandardCharsets.UTF_8))));
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("stored").asBoolean()).isFalse();

        Response next = api.put("sanyo-onoda", TARGETS.formatted("glass-dry-run", 2022), "{\"value\": 300, \"reason\": \"\"}");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("version").asLong()).isEqualTo(4);
        assertThat(sequenceNumbers("glass-dry-run")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(latestTarget("glass-dry-run")).isEqualTo("300");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND convert_from(payload, 'UTF8') LIKE '%999%'", Long.class, "glass-dry-run")).isZero();
    }

    private List<Long> sequenceNumbers(String projectId) {
        return jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, projectId);
    }

    private String latestTarget(String projectId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb -> 'target' ->> 'value' "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%TargetRevised' "
                + "ORDER BY sequence_number DESC LIMIT 1", String.class, projectId);
    }
}
