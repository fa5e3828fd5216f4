package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.ServiceProcess;
import jp.yumekairo.query.support.Services;
import jp.yumekairo.query.support.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log of 13,200 events, each correction carrying a note of 2,000 characters (more than 64 MB of payload in all),
 * exported by a query service whose heap is 64 MB: every event arrives once, in order, which it could not if the
 * export held the log in memory. The members' editors write 600 events through the API; the log is then copied
 * 21 times under new project ids in SQL, as the command service would have written them, because 13,200 commands
 * with long notes would take minutes and prove nothing more about the export.
 */
class AuditExportIT {

    private static final int EVENTS = 13_200;
    private static final int PROJECTS_PER_MEMBER = 2;
    private static final int WRITTEN = 600;
    private static final int COPIES = EVENTS / WRITTEN - 1;
    private static final long HEAP = 64L * 1024 * 1024;
    private static final String NOTE = "監査用の長い備考。".repeat(222) + "以上";

    private static Services services;
    private static ServiceProcess smallHeap;

    @BeforeAll
    static void start() {
        services = Services.start(AuditExportIT.class, 0);
        smallHeap = services.addQueryInstance(List.of("-Xmx64m"), false);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void tenThousandEvents_streamFromA64MegabyteQueryService_eachOnceAndInOrder() throws Exception {
        Api api = services.api();
        Workload workload = new Workload(api, PROJECTS_PER_MEMBER, NOTE);
        workload.setUp();
        int setUp = 7 * PROJECTS_PER_MEMBER * 5;
        workload.run(WRITTEN - setUp, 8);
        copyTheLog();
        List<Long> stored = positions();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(EVENTS);
        long payloadBytes = services.count("SELECT sum(octet_length(payload)) FROM domain_event_entry");
        assertThat(payloadBytes).as("more than the exporting heap").isGreaterThan(HEAP);

        smallHeap.start();
        HttpResponse<InputStream> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(smallHeap.baseUrl() + "/api/audit/events/export"))
                .header("Authorization", "Bearer " + api.token("auditor")).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");

        List<Long> exported = new ArrayList<>(stored.size());
        long withNote = 0;
        long bytes = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                JsonNode event = Api.JSON.readTree(line);
                exported.add(event.get("position").asLong());
                if (NOTE.equals(event.get("payload").path("note").asText())) {
                    withNote++;
                }
            }
        }

        assertThat(exported).isEqualTo(stored);
        assertThat(bytes).as("streamed more than the service's whole heap").isGreaterThan(HEAP);
        assertThat(withNote).isEqualTo((long) (WRITTEN - setUp) * (COPIES + 1));
        assertThat(api.readingFrom(smallHeap).get("auditor", "/api/audit/events?limit=1").get("events")).hasSize(1);
    }

    /** The log so far, {@code COPIES} times more under new project ids, in the order it was written each time. */
    private static void copyTheLog() throws Exception {
        try (Connection connection = services.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, e.aggregate_identifier || '-copy-' || c, e.sequence_number, e.type,
                           e.time_stamp, e.payload_type, e.payload_revision,
                           convert_to(replace(convert_from(e.payload, 'UTF8'), '"' || e.aggregate_identifier || '"',
                                              '"' || e.aggregate_identifier || '-copy-' || c || '"'), 'UTF8'),
                           e.meta_data
                    FROM domain_event_entry e CROSS JOIN generate_series(1, %d) c
                    ORDER BY c, e.global_index""".formatted(COPIES));
        }
    }

    private static List<Long> positions() throws Exception {
        List<Long> positions = new ArrayList<>();
        try (Connection connection = services.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT global_index FROM domain_event_entry ORDER BY global_index")) {
            while (rows.next()) {
                positions.add(rows.getLong(1));
            }
        }
        return positions;
    }
}
