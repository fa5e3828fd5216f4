package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The witness keeps the signed checkpoints outside the database, and catches what the database alone cannot
 * show: a tail cut off the log, and a chain dropped and recomputed over a log with an event taken out. The
 * command-line verifier given a witnessed checkpoint catches both too.
 */
class WitnessIT {

    private static final Path KEYS = Path.of(System.getProperty("user.home"), ".yumekairo", "keys");

    @Test
    void aTruncatedTail_passesTheDatabasesOwnCheck_butNotTheWitness(@TempDir Path keep) throws Exception {
        try (Services services = Services.start(WitnessIT.class, 1)) {
            Api api = services.api();
            new Seeds(api).mineHealthProject("mine-health-witnessed");
            long head = awaitChained(services, api);

            Run first = witness(services, keep);
            Run again = witness(services, keep);
            assertThat(first.exit()).as(first.output()).isZero();
            assertThat(first.output()).contains("INTACT").contains("up to position " + head);
            assertThat(again.output()).contains("0 new copied");
            JsonNode checkpoints = api.get("auditor", "/api/audit/checkpoints").get("checkpoints");
            JsonNode kept = checkpoints.get(checkpoints.size() - 1);
            assertThat(kept.get("position").asLong()).isEqualTo(head);
            assertThat(kept.get("kind").asText()).isEqualTo("SCHEDULED");
            assertThat(kept.get("signature").asText()).isNotBlank();
            try (var files = Files.list(keep)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .contains("checkpoint-%020d.json".formatted(head));
            }

            // the last three events go, with their links and checkpoints: inside the database it all adds up
            superuser(services, "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
                    "DELETE FROM query.audit_checkpoint WHERE global_index > " + (head - 3),
                    "DELETE FROM query.audit_chain WHERE global_index > " + (head - 3),
                    "DELETE FROM domain_event_entry WHERE global_index > " + (head - 3),
                    "ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");

            assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
            Run witnessed = witness(services, keep);
            assertThat(witnessed.exit()).as(witnessed.output()).isEqualTo(1);
            // the witness names the first kept checkpoint past the cut: any of the three deleted positions
            assertThat(witnessed.output()).contains("BROKEN").contains("truncated")
                    .containsAnyOf("position " + (head - 2) + ",", "position " + (head - 1) + ",", "position " + head + ",");
            Run verifier = verifier(services, head, kept.get("hash").asText());
            assertThat(verifier.exit()).as(verifier.output()).isEqualTo(1);
            assertThat(verifier.output()).contains("BROKEN").contains("position " + head);
        }
    }

    @Test
    void aChainDroppedAndRecomputed_overAnEventTakenOut_isCaughtAtTheKeptCheckpoint(@TempDir Path keep)
            throws Exception {
        try (Services services = Services.start(WitnessIT.class, 1)) {
            Api api = services.api();
            new Seeds(api).mineHealthProject("mine-health-recomputed");
            api.write("mine", "POST", "/api/reports/35213/2024/submission", object());
            api.write("mine", "POST", "/api/reports/35213/2024/publication", object("reason", "委員会の確認を経て公表"));
            long published = services.count("SELECT max(global_index) FROM domain_event_entry WHERE payload_type = "
                    + "'jp.yumekairo.events.report.ReportPublished'");
            awaitChained(services, api);
            assertThat(witness(services, keep).exit()).isZero();

            // the publication is the last event of its report: taking it out leaves every numbering unbroken,
            // and once the chain and its checkpoints are dropped the service chains the rest as if nothing happened
            superuser(services, "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
                    "DELETE FROM query.audit_checkpoint", "DELETE FROM query.audit_chain",
                    "DELETE FROM domain_event_entry WHERE global_index = " + published,
                    "ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            awaitChained(services, api);

            assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
            Run witnessed = witness(services, keep);
            assertThat(witnessed.exit()).as(witnessed.output()).isEqualTo(1);
            assertThat(witnessed.output()).contains("BROKEN").contains("position " + published);
        }
    }

    private record Run(int exit, String output) {
    }

    private static long awaitChained(Services services, Api api) {
        long head = services.count("SELECT max(global_index) FROM domain_event_entry");
        Awaitility.await("the chain and a checkpoint at " + head).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> services.count("SELECT count(*) FROM query.audit_checkpoint WHERE global_index = " + head) > 0
                        && api.get("auditor", "/api/audit/verify").get("checkedUpTo").asLong() >= head);
        return head;
    }

    private static Run witness(Services services, Path keep) throws Exception {
        return run(List.of("-jar", System.getProperty("queryServiceJar"), "witness",
                "--jdbc-url", services.jdbcUrl(), "--user", "yumekairo_query",
                "--event-keys", KEYS.resolve("event-signing.pub.pem").toString(),
                "--checkpoint-keys", KEYS.resolve("checkpoint-signing.pub.pem").toString(),
                "--keep", keep.toString()));
    }

    private static Run verifier(Services services, long position, String hash) throws Exception {
        return run(List.of("-jar", System.getProperty("queryServiceJar"), "verify",
                "--jdbc-url", services.jdbcUrl(), "--user", "yumekairo_query",
                "--public-keys", KEYS.resolve("event-signing.pub.pem").toString(),
                "--position", String.valueOf(position), "--hash", hash));
    }

    private static Run run(List<String> arguments) throws Exception {
        Path output = Files.createTempFile("witness", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void superuser(Services services, String... statements) throws Exception {
        try (Connection connection = services.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        }
    }
}
