package jp.yumekairo.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What one RecordActual costs the database at steady state (issue 17): {@link #WRITES} corrections, one after
 * another, of projects the write phases left in the command service's aggregate cache, counted two ways.
 * <ul>
 * <li>{@code sql_statements_per_write}: PostgreSQL's own count, {@code pg_stat_statements} (the calls of the command
 * service's role in this database), reset before the writes. It counts the BEGIN the driver sends but not the COMMIT
 * (sent as a prepared statement, which it leaves out; checked against statement logging), so each BEGIN is counted
 * twice, for the end of its transaction too. It needs the server to
 * preload the module ({@code shared_preload_libraries}), which only a restart sets: on a server without it the
 * figure is null and {@code sql_statements_method} says why.</li>
 * <li>{@code sql_round_trips_per_write}: counted inside the command service, on any server: a Java Flight Recorder
 * recording of its socket reads and writes to the database's port (threshold 0) during the writes. A round trip is
 * the driver waiting for the server's answer to what it sent: per thread (a request, or the snapshot thread, uses
 * one connection at a time), every run of reads after a write counts once. Counting writes or reads alone would
 * not do: the driver flushes BEGIN on its own and sends the first statement behind it without waiting, and the
 * server answers BEGIN at once, so a round trip is often two writes and two reads.</li>
 * </ul>
 * Both include what the service does meanwhile (the disabled accounts are read again every 5 s: one statement) and
 * the snapshots the writes cause, counted as {@code snapshots_written}; so they are averages, as a steady load sees.
 */
final class SqlPerWrite {

    static final int WRITES = 200;
    /** The command service's own role (bench/run leaves COMMAND_DB_USERNAME at its default). */
    private static final String WRITER_ROLE = "yumekairo_writer";
    private static final String RECORDING = "bench-sql-per-write";

    private final Database database;
    private final Http http;
    private final long commandPid;

    SqlPerWrite(Database database, Http http, long commandPid) {
        this.database = database;
        this.http = http;
        this.commandPid = commandPid;
    }

    /** {@code projects} are already in the cache: each has been written by a write phase. */
    Map<String, Object> run(List<String> projects) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("writes", WRITES);
        out.put("projects", projects.size());
        String statementsUnavailable = preparePgStatStatements();
        Map<String, Long> snapshotsBefore = snapshots(projects);
        Path settings = Files.createTempFile("bench-sql", ".jfc");
        Path recording = Files.createTempFile("bench-sql", ".jfr");
        try {
            Files.writeString(settings, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <configuration version="2.0" label="bench: socket reads and writes">
                      <event name="jdk.SocketRead">
                        <setting name="enabled">true</setting>
                        <setting name="stackTrace">false</setting>
                        <setting name="threshold">0 ms</setting>
                      </event>
                      <event name="jdk.SocketWrite">
                        <setting name="enabled">true</setting>
                        <setting name="stackTrace">false</setting>
                        <setting name="threshold">0 ms</setting>
                      </event>
                    </configuration>
                    """);
            if (statementsUnavailable == null) {
                resetPgStatStatements();
            }
            // without the JDK's jcmd and jfr (or access to the service's JVM) the round trips go uncounted, the run goes on
            String roundTripsUnavailable = null;
            try {
                jcmd("JFR.start", "name=" + RECORDING, "settings=" + settings);
            } catch (IOException | IllegalStateException e) {
                roundTripsUnavailable = e.getMessage();
            }
            for (int n = 0; n < WRITES; n++) {
                String project = projects.get(n % projects.size());
                // each value new, with a reason: every call appends one event
                http.write(Writes.EDITOR, "PUT", Writes.actualPath(project, 100_000 + n / projects.size()),
                        ProjectTemplate.object("value", BigDecimal.valueOf(5_000_000L + n), "status", "CONFIRMED",
                                "source", "性能試験", "note", "", "reason", "SQL 計数"), null);
            }
            Map<String, Object> statements = statementsUnavailable == null ? pgStatStatements() : null;
            Long roundTrips = null;
            if (roundTripsUnavailable == null) {
                try {
                    jcmd("JFR.stop", "name=" + RECORDING, "filename=" + recording);
                    roundTrips = roundTrips(recording, database.port());
                } catch (IOException | IllegalStateException e) {
                    roundTripsUnavailable = e.getMessage();
                }
            }
            out.put("sql_round_trips_per_write", roundTrips == null ? null
                    : Results.round((double) roundTrips / WRITES, 2));
            out.put("sql_round_trips", roundTrips);
            out.put("sql_round_trips_method", roundTrips == null ? "unavailable: " + roundTripsUnavailable
                    : "JFR jdk.SocketWrite/SocketRead of the command service, port " + database.port());
            if (statements != null) {
                long calls = (Long) statements.get("calls");
                out.put("sql_statements_per_write", Results.round((double) calls / WRITES, 2));
                out.put("sql_statements_method", "pg_stat_statements, role " + WRITER_ROLE);
                out.put("sql_statements_top", statements.get("top"));
            } else {
                out.put("sql_statements_per_write", null);
                out.put("sql_statements_method", "unavailable: " + statementsUnavailable);
            }
            out.put("snapshots_written", changed(snapshotsBefore, snapshots(projects)));
        } finally {
            Files.deleteIfExists(settings);
            Files.deleteIfExists(recording);
        }
        return out;
    }

    /** Null when pg_stat_statements counts in this database; otherwise why it cannot. */
    private String preparePgStatStatements() {
        try {
            String preloaded = database.text("SELECT current_setting('shared_preload_libraries')");
            if (preloaded == null || !preloaded.contains("pg_stat_statements")) {
                return "pg_stat_statements is not in the server's shared_preload_libraries ('"
                        + Objects.requireNonNullElse(preloaded, "") + "')";
            }
            database.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            return null;
        } catch (SQLException e) {
            return "pg_stat_statements: " + e.getMessage();
        }
    }

    private void resetPgStatStatements() throws SQLException {
        database.execute("SELECT pg_stat_statements_reset((SELECT oid FROM pg_roles WHERE rolname = '" + WRITER_ROLE
                + "'), (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
    }

    /** The writer's statements since the reset (a COMMIT for each BEGIN), and the most frequent ones. */
    private Map<String, Object> pgStatStatements() throws SQLException {
        String mine = " FROM pg_stat_statements WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = '"
                + WRITER_ROLE + "') AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls", database.count("SELECT coalesce(sum(calls), 0) + coalesce(sum(calls) FILTER (WHERE "
                + "upper(btrim(query)) IN ('BEGIN', 'START TRANSACTION')), 0)" + mine));
        List<String> top = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 100)"
                     + mine + " ORDER BY calls DESC LIMIT 8")) {
            while (rows.next()) {
                top.add(rows.getLong(1) + " × " + rows.getString(2));
            }
        }
        out.put("top", top);
        return out;
    }

    private Map<String, Long> snapshots(List<String> projects) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT aggregate_identifier, max(sequence_number) FROM snapshot_event_entry "
                        + "WHERE aggregate_identifier = ANY (?) GROUP BY aggregate_identifier")) {
            select.setArray(1, connection.createArrayOf("varchar", projects.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return out;
    }

    /** The projects with a newer snapshot than before (the threshold is far above the writes per project). */
    private static long changed(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
    }

    /** Per thread, in time order, the reads of an answer after something was sent: one per run of reads. */
    private static long roundTrips(Path recording, int port) throws IOException, InterruptedException {
        Process jfr = new ProcessBuilder("jfr", "print", "--json", "--events", "jdk.SocketRead,jdk.SocketWrite",
                recording.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode printed = Http.JSON.readTree(jfr.getInputStream());
        if (!jfr.waitFor(2, TimeUnit.MINUTES) || jfr.exitValue() != 0) {
            throw new IllegalStateException("jfr print of " + recording + " did not succeed");
        }
        record Io(long thread, Instant startTime, boolean write) {
        }
        List<Io> ios = new ArrayList<>();
        for (JsonNode event : printed.path("recording").path("events")) {
            JsonNode values = event.path("values");
            boolean write = event.path("type").asText().equals("jdk.SocketWrite");
            if (values.path("port").asInt() == port && values.path(write ? "bytesWritten" : "bytesRead").asLong() > 0) {
                ios.add(new Io(values.path("eventThread").path("javaThreadId").asLong(),
                        Instant.parse(values.path("startTime").asText()), write));
            }
        }
        ios.sort(Comparator.comparingLong(Io::thread).thenComparing(Io::startTime));
        long count = 0;
        for (int i = 1; i < ios.size(); i++) {
            Io previous = ios.get(i - 1);
            Io io = ios.get(i);
            if (!io.write() && previous.write() && previous.thread() == io.thread()) {
                count++;
            }
        }
        return count;
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(commandPid)));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // jcmd answers 0 even when the diagnostic command failed: its output tells
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0
                || !(output.contains("Started recording") || output.contains("Stopped recording")
                || output.contains("written to"))) {
            throw new IllegalStateException(String.join(" ", command) + " did not succeed: "
                    + output.strip().lines().limit(2).reduce((a, b) -> a + " " + b).orElse(""));
        }
    }
}
