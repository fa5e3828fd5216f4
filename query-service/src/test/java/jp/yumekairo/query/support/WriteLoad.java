package jp.yumekairo.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members' editors correcting actuals from several threads while something breaks, as a careful client would:
 * every write carries an {@code Idempotency-Key} and an {@code X-Request-Id} of its own ({@code <prefix>-<n>}), a
 * write without an answer (connection lost, 5xx) is sent again later with the same key, and a 409 for a
 * concurrent write to the same project is retried at once. Afterwards the event log is checked against what the
 * service acknowledged, and the views against the log.
 */
public final class WriteLoad implements AutoCloseable {

    /** One correction: the n-th write of the load, to one KPI of one project for FY2024. */
    public record Write(int n, String editor, String projectId, String kpiId, BigDecimal value, String id) {

        String path() {
            return "/api/projects/" + projectId + "/kpis/" + kpiId + "/actuals/2024";
        }
    }

    /** A write the service answered 2xx, with the version it named. */
    public record Acknowledged(Write write, long version) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Api api;
    private final String prefix;
    private final int projectsPerMember;
    private final AtomicInteger next = new AtomicInteger();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Write> unanswered = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private ExecutorService pool;
    private final List<Future<?>> writers = new ArrayList<>();
    private volatile boolean stopped;
    private volatile int maxWrites;

    public WriteLoad(Api api, String prefix, int projectsPerMember) {
        this.api = api;
        this.prefix = prefix;
        this.projectsPerMember = projectsPerMember;
    }

    /** Registers the projects the load writes to (see {@link Workload#setUp()}). */
    public WriteLoad setUp() {
        new Workload(api, projectsPerMember).setUp();
        return this;
    }

    /** Starts {@code threads} writers that send at most {@code maxWrites} writes in all, until {@link #stop()}. */
    public void start(int threads, int maxWrites) {
        this.maxWrites = maxWrites;
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(this::writeUntilStopped));
        }
    }

    /** Waits until the writers have sent all their writes. */
    public void awaitDone() throws Exception {
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    /** Stops the writers after the write each is sending, and waits for them. */
    public void stop() throws Exception {
        stopped = true;
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    @Override
    public void close() {
        stopped = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public int unansweredCount() {
        return unanswered.size();
    }

    public int sent() {
        return Math.min(next.get(), maxWrites);
    }

    /** Sends every unanswered write again with its key until the service answers it; returns how many there were. */
    public int resendUnanswered() {
        List<Write> again = new ArrayList<>(unanswered);
        unanswered.clear();
        for (Write write : again) {
            Awaitility.await("write " + write.id() + " to be answered").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> send(write));
        }
        return again.size();
    }

    private void writeUntilStopped() {
        int n;
        while (!stopped && (n = next.getAndIncrement()) < maxWrites) {
            Write write = write(n);
            if (!send(write)) {
                unanswered.add(write);
                // the service or its database is down: wait for it as a client would, instead of spinning
                Awaitility.await("the command service to answer again").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200)).until(() -> stopped || reachable());
            }
        }
    }

    /** True once the service answered the write (2xx) or refused it for good; false when it must be sent again. */
    private boolean send(Write write) {
        Object body = object("value", write.value(), "status", "PROVISIONAL", "source", "負荷試験", "note", "",
                "reason", "集計の更新 " + write.id());
        for (int conflicts = 0; conflicts < 50; conflicts++) {
            Api.Response response;
            try {
                response = api.command(write.editor(), "PUT", write.path(), body,
                        "Idempotency-Key", write.id(), "X-Request-Id", write.id());
            } catch (UncheckedIOException lost) {
                return false;
            }
            if (response.status() / 100 == 2) {
                acknowledged.add(new Acknowledged(write, response.version()));
                return true;
            }
            if (response.status() == 409 && "concurrent-modification".equals(response.body().path("code").asText())) {
                continue; // another thread wrote the same project at the same moment: nothing was stored
            }
            if (response.status() >= 500) {
                serverErrors.add(response.status() + " " + response.body().path("code").asText() + " Retry-After: "
                        + response.headers().firstValue("Retry-After").orElse("none"));
                return false;
            }
            unexpected.add(write.id() + " answered " + response.status() + ": " + response.body());
            return true;
        }
        unexpected.add(write.id() + " kept conflicting");
        return true;
    }

    private boolean reachable() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(api.commandUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception down) {
            return false;
        }
    }

    private Write write(int n) {
        String member = Workload.MEMBERS.get(n % Workload.MEMBERS.size());
        String projectId = Workload.projectId(member, (n / Workload.MEMBERS.size()) % projectsPerMember);
        String kpi = Workload.KPIS.get((n / (Workload.MEMBERS.size() * projectsPerMember)) % Workload.KPIS.size());
        return new Write(n, Seeds.EDITORS.get(member), projectId, kpi, BigDecimal.valueOf(n + 1), prefix + "-" + n);
    }

    /** One ActualRecorded event of the log, as stored. */
    private record Logged(String projectId, long sequence, String kpiId, BigDecimal value) {
    }

    /**
     * Every write sent is in the log exactly once (by its request id); every acknowledged write is the event at the
     * version it was answered with, with its KPI and value; every aggregate's sequence has no gap.
     */
    public void assertLogHoldsEveryWriteOnce(Services services) throws SQLException {
        assertThat(unexpected).as("writes refused for a reason other than the fault").isEmpty();
        assertThat(unanswered).as("writes never answered").isEmpty();
        assertThat(serverErrors).as("a failure while the database is away tells the client to retry")
                .allMatch(error -> error.equals("503 database-unavailable Retry-After: 2"));
        Map<String, List<Logged>> byRequest = new HashMap<>();
        try (Connection connection = services.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, sequence_number, "
                     + "convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId', "
                     + "convert_from(payload, 'UTF8')::jsonb ->> 'kpiId', "
                     + "convert_from(payload, 'UTF8')::jsonb -> 'actual' ->> 'value' "
                     + "FROM domain_event_entry WHERE payload_type LIKE '%.ActualRecorded' "
                     + "AND convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' LIKE '" + prefix + "-%'")) {
            while (rows.next()) {
                byRequest.computeIfAbsent(rows.getString(3), id -> new ArrayList<>()).add(new Logged(rows.getString(1),
                        rows.getLong(2), rows.getString(4), new BigDecimal(rows.getString(5))));
            }
        }
        int sent = sent();
        assertThat(byRequest).as("one event per write sent").hasSize(sent);
        for (int n = 0; n < sent; n++) {
            Write write = write(n);
            List<Logged> events = byRequest.get(write.id());
            assertThat(events).as("events of " + write.id()).hasSize(1);
            assertThat(events.get(0).projectId()).isEqualTo(write.projectId());
            assertThat(events.get(0).kpiId()).isEqualTo(write.kpiId());
            assertThat(events.get(0).value()).isEqualByComparingTo(write.value());
        }
        for (Acknowledged ack : acknowledged) {
            Logged logged = byRequest.get(ack.write().id()).get(0);
            assertThat(logged.sequence()).as("the version " + ack.write().id() + " was answered with")
                    .isEqualTo(ack.version() - 1);
        }
        assertThat(services.count("SELECT count(*) FROM (SELECT aggregate_identifier FROM domain_event_entry "
                + "GROUP BY aggregate_identifier HAVING max(sequence_number) + 1 <> count(*) OR min(sequence_number) <> 0) g"))
                .as("aggregates whose sequence has a gap").isZero();
        assertThat(services.count("SELECT count(*) FROM idempotent_request WHERE response_status IS NULL"))
                .as("idempotent requests claimed but never answered").isZero();
    }

    /** Each load project's view (read from {@code api}'s query service) shows what the log says: version and last actual. */
    public void assertViewsEqualLog(Services services, Api reader) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        Map<String, BigDecimal> lastActual = new HashMap<>();
        try (Connection connection = services.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, count(*) FROM domain_event_entry "
                     + "WHERE aggregate_identifier LIKE 'load-%' GROUP BY aggregate_identifier")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        }
        try (Connection connection = services.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT ON (aggregate_identifier, kpi) "
                     + "aggregate_identifier, kpi, value FROM (SELECT aggregate_identifier, sequence_number, "
                     + "convert_from(payload, 'UTF8')::jsonb ->> 'kpiId' AS kpi, "
                     + "convert_from(payload, 'UTF8')::jsonb -> 'actual' ->> 'value' AS value FROM domain_event_entry "
                     + "WHERE aggregate_identifier LIKE 'load-%' AND payload_type LIKE '%.ActualRecorded') a "
                     + "ORDER BY aggregate_identifier, kpi, sequence_number DESC")) {
            while (rows.next()) {
                lastActual.put(rows.getString(1) + "/" + rows.getString(2), new BigDecimal(rows.getString(3)));
            }
        }
        assertThat(versions).isNotEmpty();
        for (Map.Entry<String, Long> project : versions.entrySet()) {
            JsonNode view = reader.get("prefecture", "/api/projects/" + project.getKey());
            assertThat(view.get("version").asLong()).as("version of " + project.getKey()).isEqualTo(project.getValue());
            for (JsonNode kpi : view.get("kpis")) {
                BigDecimal logged = lastActual.get(project.getKey() + "/" + kpi.get("kpiId").asText());
                JsonNode shown = kpi.get("years").get(0).get("actual");
                if (logged == null) {
                    assertThat(shown.isNull()).as(project.getKey() + " " + kpi.get("kpiId")).isTrue();
                } else {
                    assertThat(shown.decimalValue()).as(project.getKey() + " " + kpi.get("kpiId"))
                            .isEqualByComparingTo(logged);
                }
            }
        }
    }
}
