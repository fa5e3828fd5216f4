package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.EventLogCounts;
import jp.yumekairo.query.support.Services;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a check run with the others: the rebuild's speed on a log of the demo's projects cloned in
 * SQL (as the benchmark clones its templates) to about {@code -Drebuild.speed.events} events, beside a plain
 * sequential read of the event table (the benchmark's {@code raw_scan}, second of two passes). It prints both
 * rates, their ratio and the CPU time per event of the query service and of PostgreSQL's backends (on Linux,
 * from {@code /proc}: steadier than the rates on a busy machine) and writes them to
 * {@code target/rebuild-speed.txt}; the views must come out equal. With {@code -Drebuild.speed.profile} it records the query service with Java Flight Recorder meanwhile
 * ({@code target/rebuild-speed.jfr}).
 * <pre>
 * ./mvnw -B -ntp -q -o -pl query-service verify -Dtest=NoSuchTest -Dit.test=RebuildSpeedIT \
 *     -Drebuild.speed.events=60000 -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "rebuild.speed.events", matches = "\\d+")
class RebuildSpeedIT {

    private static final String CLONE = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            SELECT gen_random_uuid()::text, c.id, e.sequence_number, e.type,
                   to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   e.payload_type, e.payload_revision,
                   convert_to(replace(convert_from(e.payload, 'UTF8'), c.template, c.id), 'UTF8'),
                   convert_to(replace(convert_from(e.meta_data, 'UTF8'), c.template, c.id), 'UTF8')
            FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS c(id, template, n)
            JOIN domain_event_entry e ON e.aggregate_identifier = c.template
            ORDER BY e.sequence_number, c.n
            """;

    private static Services services;

    @BeforeAll
    static void start() {
        services = Services.demo(RebuildSpeedIT.class);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void rebuildBesideARawScan() throws Exception {
        long wanted = Long.getLong("rebuild.speed.events");
        cloneProjects(wanted);
        Awaitility.await("the live views to catch up").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1)).until(() -> EventLogCounts.match(services));
        long events = services.count("SELECT count(*) FROM domain_event_entry");

        rawScan();
        double scanPerSecond = events / rawScan();

        Api api = services.api();
        jfr("JFR.start", "name=rebuild", "settings=profile", "filename=target/rebuild-speed.jfr");
        long queryCpuBefore = cpuMillis(services.query().pid());
        Map<Long, Long> postgresCpuBefore = postgresCpu();
        Api.Response started = api.post("auditor", "/api/audit/rebuild");
        assertThat(started.status()).isEqualTo(202);
        String run = started.headers().firstValue("Location").orElseThrow();
        Awaitility.await("the rebuild to finish").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> !api.get("auditor", run).get("state").asText().equals("RUNNING"));
        long queryCpu = cpuMillis(services.query().pid()) - queryCpuBefore;
        long postgresCpu = 0;
        for (Map.Entry<Long, Long> backend : postgresCpu().entrySet()) {
            postgresCpu += backend.getValue() - postgresCpuBefore.getOrDefault(backend.getKey(), 0L);
        }
        jfr("JFR.stop", "name=rebuild");
        JsonNode rebuild = api.get("auditor", run);
        assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SUCCEEDED");
        assertThat(rebuild.get("result").get("equal").asBoolean()).as(rebuild.toString()).isTrue();

        long replayed = rebuild.get("result").get("replayedEvents").asLong();
        long millis = rebuild.get("result").get("durationMillis").asLong();
        double rebuildPerSecond = replayed / (millis / 1000.0);
        String line = String.format("rebuild: %d events in %d ms = %.0f events/s; raw scan %.0f events/s; ratio %.3f; "
                        + "CPU per event %.3f ms query service, %.3f ms PostgreSQL%n", replayed, millis, rebuildPerSecond,
                scanPerSecond, rebuildPerSecond / scanPerSecond, queryCpu / (double) replayed,
                postgresCpu / (double) replayed);
        System.out.print(line);
        Files.writeString(Path.of("target", "rebuild-speed.txt"), line);
    }

    /** The CPU time a process has used so far (Linux: user and system time from {@code /proc}, 100 ticks a second). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (Exception gone) {
            return 0;
        }
    }

    /** The CPU time of each PostgreSQL backend connected to the test's database, by process id. */
    private static Map<Long, Long> postgresCpu() throws Exception {
        Map<Long, Long> cpu = new HashMap<>();
        try (Connection connection = services.connect(); Statement statement = connection.createStatement();
             ResultSet backends = statement.executeQuery("SELECT pid FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (backends.next()) {
                cpu.put(backends.getLong(1), cpuMillis(backends.getLong(1)));
            }
        }
        return cpu;
    }

    /** With {@code -Drebuild.speed.profile}: the query service's flight recording of the rebuild. */
    private static void jfr(String command, String... arguments) throws Exception {
        if (System.getProperty("rebuild.speed.profile") != null) {
            List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(services.query().pid()), command));
            line.addAll(List.of(arguments));
            new ProcessBuilder(line).inheritIO().start().waitFor();
        }
    }

    /** Clones every project of the demo data until the log holds about {@code wanted} events. */
    private static void cloneProjects(long wanted) throws Exception {
        try (Connection connection = services.connect()) {
            List<String> templates = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                         + "WHERE type = 'Project' ORDER BY 1")) {
                while (rows.next()) {
                    templates.add(rows.getString(1));
                }
            }
            int round = 0;
            while (services.count("SELECT count(*) FROM domain_event_entry") < wanted) {
                List<String> ids = new ArrayList<>();
                List<String> from = new ArrayList<>();
                for (int copy = 0; copy < 20; copy++, round++) {
                    for (String template : templates) {
                        ids.add(template + "-c" + round);
                        from.add(template);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(CLONE)) {
                    insert.setArray(1, connection.createArrayOf("text", ids.toArray()));
                    insert.setArray(2, connection.createArrayOf("text", from.toArray()));
                    insert.executeUpdate();
                }
            }
        }
    }

    /** A plain sequential read of the whole event table, every column, as the benchmark's raw scan; in seconds. */
    private static double rawScan() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = services.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery("SELECT global_index, event_identifier, "
                        + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                        + "payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                    while (row.next()) {
                        row.getLong(1);
                        row.getString(2);
                        row.getString(3);
                        row.getLong(4);
                        row.getString(5);
                        row.getString(6);
                        row.getString(7);
                        row.getString(8);
                        row.getBytes(9);
                        row.getBytes(10);
                    }
                }
            }
            connection.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
