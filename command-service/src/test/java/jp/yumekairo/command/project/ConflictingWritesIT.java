package jp.yumekairo.command.project;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Clerks correcting the same figure at the same moment, each from the version they saw: one wins per version. */
class ConflictingWritesIT extends CommandServiceIT {

    private static final int CLERKS = 12;
    private static final int ROUNDS = 5;

    @Test
    void concurrentWritesWithIfMatch_exactlyOneWinsPerVersion_theOthersGet412_andNothingIsLost() throws Exception {
        registerGlassProject("glass-race");
        long version = expectStatus(api.put("sanyo-onoda", "/api/projects/glass-race/kpis/glass-sales/targets/2021",
                "{\"value\": 10000000, \"reason\": \"\"}"), 200).json().get("version").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLERKS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long before = eventCount();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int clerk = 0; clerk < CLERKS; clerk++) {
                    String body = "{\"value\": " + (10_000_000 + round * 100 + clerk + 1) + ", \"reason\": \"修正 " + clerk + "\"}";
                    String ifMatch = "\"" + version + "\"";
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.put("sanyo-onoda", "/api/projects/glass-race/kpis/glass-sales/targets/2021", body,
                                "If-Match", ifMatch);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                long won = -1;
                long winningValue = -1;
                for (int clerk = 0; clerk < CLERKS; clerk++) {
                    Response response = answers.get(clerk).get();
                    statuses.add(response.status());
                    if (response.status() == 200) {
                        won = response.json().get("version").asLong();
                        winningValue = 10_000_000 + round * 100 + clerk + 1;
                    } else {
                        assertThat(response.json().get("code").asText()).isIn("stale-version", "concurrent-modification");
                    }
                }

                assertThat(statuses).as("round " + round).containsOnlyOnce(200);
                assertThat(statuses.stream().filter(status -> status == 412 || status == 409).count())
                        .isEqualTo(CLERKS - 1);
                assertThat(won).isEqualTo(version + 1);
                assertThat(eventCount()).isEqualTo(before + 1);
                // the winner's figure is the event at the version it was answered with: nothing lost, nothing mixed
                assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb -> 'target' ->> 'value' "
                        + "FROM domain_event_entry WHERE aggregate_identifier = 'glass-race' AND sequence_number = ?",
                        String.class, won - 1)).isEqualTo(String.valueOf(winningValue));
                version = won;
            }
        } finally {
            pool.shutdown();
        }
    }
}
