package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with the database superuser's power edits the stored log behind the services' backs (bypassing the
 * append-only trigger): a changed payload byte, a deleted event, two events swapped, a changed metadata value,
 * an event slipped in below the chain's head.
 * The service's verify names the first position each time, the auditor's command-line verifier run from the jar
 * says broken against a checkpoint, and once the log is restored both say intact again. The report's
 * publication is a checkpoint, printed in its export.
 */
class TamperEvidenceIT {

    private static final String PROJECT = "mine-health-audited";

    private static Services services;
    private static Api api;

    @BeforeAll
    static void start() {
        services = Services.start(TamperEvidenceIT.class, 1);
        api = services.api();
        new Seeds(api).mineHealthProject(PROJECT);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void anUntouchedLog_verifiesIntact_upToTheHead() {
        long head = awaitChainedToHead();

        JsonNode verdict = api.get("auditor", "/api/audit/verify");

        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("checkedUpTo").asLong()).isEqualTo(head);
        assertThat(verdict.get("firstBrokenPosition").isNull()).isTrue();
        assertThat(api.get("admin", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void oneByteOfOnePayloadChanged_verifyNamesThatEventsPosition() throws Exception {
        awaitChainedToHead();
        long position = positionOf("ActualRecorded", "checkups");
        byte[] original = column(position, "payload");
        byte[] altered = original.clone();
        int digit = new String(original, StandardCharsets.ISO_8859_1).indexOf("38.3") + 1;
        altered[digit] = '9'; // 実績値 38.3% becomes 39.3%

        JsonNode verdict;
        try {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", altered, position);
            verdict = api.get("auditor", "/api/audit/verify");
            JsonNode logged = api.get("auditor", "/api/audit/events?after=" + (position - 1) + "&limit=1")
                    .get("events").get(0);
            assertThat(logged.get("payload").get("actual").get("value").decimalValue()).isEqualByComparingTo("39.3");
        } finally {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, position);
        }

        assertBroken(verdict, position, "payload");
        assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEvent_isNamedAtItsPosition() throws Exception {
        awaitChainedToHead();
        long position = positionOf("TargetRevised", "walk");
        Object[] row = row(position);

        JsonNode verdict;
        try {
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", position);
            verdict = api.get("auditor", "/api/audit/verify");
        } finally {
            tamper("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, "
                    + "signature, signing_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row);
        }

        assertBroken(verdict, position, "no longer in the log");
        assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void twoEventsSwapped_areNamedAtTheFirstOfThem() throws Exception {
        awaitChainedToHead();
        long first = positionOf("TargetRevised", "mileage");
        long second = positionOf("ActualRecorded", "mileage");
        assertThat(first).isLessThan(second);

        JsonNode verdict;
        try {
            swap(first, second);
            verdict = api.get("auditor", "/api/audit/verify");
        } finally {
            swap(first, second);
        }

        assertBroken(verdict, first, "reordered");
        assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void oneMetadataValueChanged_isNamedAtItsPosition() throws Exception {
        awaitChainedToHead();
        long position = positionOf("ProjectCostRecorded", null);
        byte[] original = column(position, "meta_data");
        String metadata = new String(original, StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"userId\":\"mine\"");
        byte[] altered = metadata.replace("\"userId\":\"mine\"", "\"userId\":\"hagi\"").getBytes(StandardCharsets.UTF_8);

        JsonNode verdict;
        try {
            tamper("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", altered, position);
            verdict = api.get("auditor", "/api/audit/verify");
        } finally {
            tamper("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", original, position);
        }

        assertBroken(verdict, position, "metadata");
        assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventInsertedBelowTheChainsHead_isNamedAsInserted() throws Exception {
        awaitChainedToHead();
        long position = 0; // the global index starts at 1: a forged event placed before everything chained
        Object[] forged = row(positionOf("ProjectRegistered", null));
        forged[0] = position;
        forged[1] = "forged-" + forged[1];
        forged[2] = "forged-project";

        JsonNode verdict;
        tamper("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, "
                + "signature, signing_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", forged);
        try {
            verdict = api.get("auditor", "/api/audit/verify");
        } finally {
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", position);
        }

        assertBroken(verdict, position, "inserted");
        assertThat(api.get("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }

    @Test
    void theCommandLineVerifier_fromTheJar_saysIntact_thenBrokenAfterATamper_againstACheckpoint() throws Exception {
        awaitChainedToHead();
        JsonNode head = api.get("auditor", "/api/audit/checkpoints").get("head");
        long position = head.get("position").asLong();
        String hash = head.get("hash").asText();
        long tampered = positionOf("KpiDefined", "analysts");
        assertThat(tampered).isLessThan(position);

        Verifier before = verifier(services, position, hash);
        Verifier after;
        byte[] original = column(tampered, "payload");
        try {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    new String(original, StandardCharsets.UTF_8).replace("高度人材", "高度な人材")
                            .getBytes(StandardCharsets.UTF_8), tampered);
            after = verifier(services, position, hash);
        } finally {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, tampered);
        }
        Verifier wrongCheckpoint = verifier(services, position, "0".repeat(64));

        assertThat(before.exit()).as(before.output()).isZero();
        assertThat(before.output()).contains("INTACT").contains(String.valueOf(position));
        assertThat(after.exit()).as(after.output()).isEqualTo(1);
        assertThat(after.output()).contains("BROKEN");
        assertThat(wrongCheckpoint.exit()).isEqualTo(1);
        assertThat(verifier(services, position, "not-a-hash").exit()).isEqualTo(2);
    }

    @Test
    void aPublishedReport_isACheckpoint_listed_printedInItsExport_andVerifiableWithTheCommandLine() throws Exception {
        String report = "/api/reports/35213/2024";
        assertThat(csvOf(2024)).contains("改ざん検知").contains("未公表");

        api.write("mine", "POST", report + "/submission", object());
        api.write("mine", "POST", report + "/publication", object("reason", "委員会の確認を経て公表"));
        long published = services.count("SELECT max(global_index) FROM domain_event_entry WHERE payload_type = "
                + "'jp.yumekairo.events.report.ReportPublished'");
        awaitChainedToHead();

        JsonNode checkpoint = null;
        for (JsonNode candidate : api.get("auditor", "/api/audit/checkpoints").get("checkpoints")) {
            if (candidate.get("position").asLong() == published) {
                checkpoint = candidate;
            }
        }
        assertThat(checkpoint).as("a checkpoint at the publication, position " + published).isNotNull();
        assertThat(checkpoint.get("kind").asText()).isEqualTo("REPORT_PUBLISHED");
        assertThat(checkpoint.get("reportId").asText()).isEqualTo("report-35213-2024");
        assertThat(checkpoint.get("municipality").asText()).isEqualTo("35213");
        assertThat(checkpoint.get("fiscalYear").asInt()).isEqualTo(2024);
        assertThat(checkpoint.get("reportVersion").asInt()).isEqualTo(1);
        String hash = checkpoint.get("hash").asText();
        assertThat(hash).hasSize(64);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("prefecture", "/api/municipalities/35213/reports/2024.xlsx").body()))) {
            Sheet sheet = workbook.getSheet("令和6年度");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("第1版").contains("改ざん検知")
                    .contains("位置 " + published).contains(hash);
        }
        assertThat(csvOf(2024)).contains("位置 " + published).contains(hash);
        assertThat(csvOf(2023)).contains("未公表");
        Verifier fromTheExport = verifier(services, published, hash);
        assertThat(fromTheExport.exit()).as(fromTheExport.output()).isZero();
    }

    @Test
    void onlyAuditorsAndAdmins_mayVerifyOrListCheckpoints() {
        for (String path : List.of("/api/audit/verify", "/api/audit/checkpoints")) {
            assertThat(api.read(null, path).status()).isEqualTo(401);
            for (String user : List.of("mine", "prefecture", "reviewer-academia")) {
                Api.Response refused = api.read(user, path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body().get("code").asText()).isEqualTo("not-permitted");
            }
            assertThat(api.read("admin", path).status()).isEqualTo(200);
        }
    }

    private static void assertBroken(JsonNode verdict, long position, String why) {
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).as(verdict.toString()).isEqualTo(position);
        assertThat(verdict.get("checkedUpTo").asLong()).isEqualTo(position);
        assertThat(verdict.get("reason").asText()).contains(String.valueOf(position)).contains(why);
    }

    /** Waits until the chain covers every event; returns the head's position. */
    private static long awaitChainedToHead() {
        long head = services.count("SELECT max(global_index) FROM domain_event_entry");
        Awaitility.await("the chain to reach position " + head).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("auditor", "/api/audit/verify").get("checkedUpTo").asLong() >= head);
        return head;
    }

    private static long positionOf(String type, String kpiId) {
        return services.count("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = '"
                + PROJECT + "' AND payload_type LIKE '%." + type + "'"
                + (kpiId == null ? "" : " AND convert_from(payload, 'UTF8')::jsonb->>'kpiId' = '" + kpiId + "'"));
    }

    private static byte[] column(long position, String column) throws SQLException {
        try (Connection connection = services.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT " + column + " FROM domain_event_entry WHERE global_index = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    private static Object[] row(long position) throws SQLException {
        try (Connection connection = services.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data, signature, signing_key_id "
                        + "FROM domain_event_entry WHERE global_index = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Object[] values = new Object[12];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getObject(i + 1);
                }
                return values;
            }
        }
    }

    private static void swap(long first, long second) throws SQLException {
        tamper("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
        tamper("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        tamper("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
    }

    /** As the superuser, with the append-only trigger off for this one statement. */
    private static void tamper(String sql, Object... arguments) throws SQLException {
        try (Connection connection = services.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            }
            try (PreparedStatement change = connection.prepareStatement(sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    change.setObject(i + 1, arguments[i]);
                }
                assertThat(change.executeUpdate()).as(sql).isEqualTo(1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
            connection.commit();
        }
    }

    private static String csvOf(int fiscalYear) {
        return new String(api.download("prefecture", "/api/municipalities/35213/reports/" + fiscalYear + ".csv").body(),
                StandardCharsets.UTF_8);
    }

    record Verifier(int exit, String output) {
    }

    /** The auditor's verifier, run from the packaged jar as a process of its own, as docs/audit.md says. */
    static Verifier verifier(Services services, long position, String hash) throws Exception {
        Path output = Files.createTempFile("log-verifier", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("queryServiceJar"),
                    "-Dloader.main=jp.yumekairo.query.audit.LogVerifier",
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--jdbc-url", services.jdbcUrl(), "--user", "yumekairo_query",
                    "--public-keys", Path.of(System.getProperty("user.home"), ".yumekairo", "keys", "event-signing.pub.pem")
                            .toString(),
                    "--position", String.valueOf(position), "--hash", hash));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the verifier finished").isTrue();
            return new Verifier(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
