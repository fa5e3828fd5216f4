package jp.yumekairo.command.project;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Targets and actuals from the CSV a clerk saves from Excel: all or nothing, with a dry run. */
class FigureImportIT extends CommandServiceIT {

    private static final Charset CP932 = Charset.forName("windows-31j");

    @Test
    void aShiftJisSheet_withJapaneseHeadersFullWidthDigitsSeparatorsAndTriangles_isStored() {
        registerGlassProject("glass-sjis");
        String sheet = """
                事業ID,KPI ID,年度,目標値,実績値,状態,出典,備考,理由
                glass-sjis,glass-sales,令和2年度,"１０，０００，０００",134280,確定,実績報告書,,
                glass-sjis,glass-sales,R3,"15,000,000",▲1200,速報,実績報告書,返品を差し引いた額,
                glass-sjis,glass-sales,2022,"20,000,000",,,,,
                """;
        long before = eventCount();

        Response response = upload(sheet.getBytes(CP932), false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("charset").asText()).isEqualTo("Shift_JIS (CP932)");
        assertThat(response.json().get("stored").asBoolean()).isTrue();
        assertThat(eventCount() - before).isEqualTo(5);
        assertThat(figure("TargetRevised", 2020, "target")).isEqualTo("10000000");
        assertThat(figure("ActualRecorded", 2021, "actual")).isEqualTo("-1200");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'status' FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'glass-sjis' AND payload_type LIKE '%ActualRecorded' "
                + "AND convert_from(payload, 'UTF8')::jsonb ->> 'fiscalYear' = '2021'", String.class))
                .isEqualTo("PROVISIONAL");
    }

    @Test
    void aSheetWithBadRows_isRefusedWithEveryBadRowAndWhy_andStoresNothing() {
        registerGlassProject("glass-bad");
        String sheet = "\uFEFFprojectId,kpiId,fiscalYear,target,actual,status,source,note,reason\n"
                + "glass-bad,glass-sales,2020,10000000,134280,CONFIRMED,,,\n"
                + "glass-bad,no-such-kpi,2020,5,,,,,\n"
                + "glass-bad,glass-sales,昭和50年度,5,,,,,\n"
                + "glass-bad,glass-sales,2021,abc,,,,,\n"
                + "glass-bad,glass-sales,2030,5,,,,,\n";
        long before = eventCount();

        Response response = upload(sheet.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("import-refused");
        assertThat(lines(response.json().get("errors"))).containsExactly(4, 5);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSheetThatReadsButBreaksTheRules_isRefusedRowByRow_andStoresNothing() {
        registerGlassProject("glass-rules");
        String sheet = "projectId,kpiId,fiscalYear,target\n"
                + "glass-rules,glass-sales,2020,10000000\n"
                + "glass-rules,no-such-kpi,2020,5\n"
                + "glass-rules,glass-sales,2030,5\n"
                + "no-such-project,glass-sales,2020,5\n";
        long before = eventCount();

        Response response = upload(sheet.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(lines(response.json().get("errors"))).containsExactly(3, 4, 5);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anotherMembersProject_cannotBeWrittenThroughAnImport() {
        registerGlassProject("glass-other");
        long before = eventCount();

        Response response = api.send(request("ube", "projectId,kpiId,fiscalYear,target\nglass-other,glass-sales,2020,1\n"
                .getBytes(StandardCharsets.UTF_8), false));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("problem").asText()).contains("not");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aDryRun_showsWhatWouldChange_andStoresNothing() {
        registerGlassProject("glass-dry");
        upload("projectId,kpiId,fiscalYear,target\nglass-dry,glass-sales,2020,10000000\n".getBytes(StandardCharsets.UTF_8),
                false);
        String sheet = "projectId,kpiId,fiscalYear,target,actual,reason\n"
                + "glass-dry,glass-sales,2020,10000000,134280,\n"
                + "glass-dry,glass-sales,2021,15000000,,\n";
        long before = eventCount();

        Response response = upload(sheet.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode changes = response.json().get("changes");
        assertThat(response.json().get("stored").asBoolean()).isFalse();
        assertThat(changes.get(0).get("changed").toString()).isEqualTo("[\"actual\"]");
        assertThat(changes.get(1).get("changed").toString()).isEqualTo("[\"target\"]");
        assertThat(eventCount()).isEqualTo(before);
    }

    private Response upload(byte[] sheet, boolean dryRun) {
        return api.send(request("sanyo-onoda", sheet, dryRun));
    }

    private HttpRequest.Builder request(String user, byte[] sheet, boolean dryRun) {
        return HttpRequest.newBuilder(URI.create(api.base() + "/api/imports/kpi-figures?dryRun=" + dryRun))
                .header("Authorization", "Bearer " + api.token(user))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sheet));
    }

    private String figure(String type, int fiscalYear, String field) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb -> ? ->> 'value' FROM domain_event_entry "
                + "WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> 'fiscalYear' = ? "
                + "AND aggregate_identifier = 'glass-sjis'", String.class, field, "%" + type, String.valueOf(fiscalYear));
    }

    private static List<Integer> lines(JsonNode errors) {
        List<Integer> lines = new ArrayList<>();
        errors.forEach(error -> lines.add(error.get("line").asInt()));
        return lines;
    }
}
