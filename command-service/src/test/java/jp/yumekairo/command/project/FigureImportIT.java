package jp.yumekairo.command.project;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets, actuals and costs from the sheet a clerk fills in Excel (the .xlsx input sheet, or a CSV saved from
 * Excel): all or nothing, every bad row reported at once in Japanese, with a dry run that shows old → new.
 */
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
        assertThat(response.json().get("format").asText()).isEqualTo("CSV (Shift_JIS (CP932))");
        assertThat(response.json().get("stored").asBoolean()).isTrue();
        assertThat(eventCount() - before).isEqualTo(5);
        assertThat(figure("glass-sjis", "TargetRevised", 2020, "target")).isEqualTo("10000000");
        assertThat(figure("glass-sjis", "ActualRecorded", 2021, "actual")).isEqualTo("-1200");
        assertThat(payload("glass-sjis", "ActualRecorded", 2021, "status")).isEqualTo("PROVISIONAL");
        assertThat(payload("glass-sjis", "ActualRecorded", 2021, "note")).isEqualTo("返品を差し引いた額");
    }

    @Test
    void fiveDifferentBadRows_areAllReportedAtOnce_inJapanese_withRowAndColumn_andNothingIsStored() {
        register("glass-five", "ガラス五行事業");
        String sheet = "\uFEFF事業の名称,KPI,年度,目標値,実績値,状態,出典,備考,修正理由\n"
                + "ガラス五行事業,ブランド化したガラス商品の販売額,2020,10000000,134280,確定,,,\n"
                + "ガラス五行事業,ブランド化したガラス商品の販売額,2021,約3,,,,,\n"
                + "ガラス五行事業,存在しない指標,2021,5,,,,,\n"
                + "ガラス五行事業,ブランド化したガラス商品の販売額,令和12年度,5,,,,,\n"
                + "ガラス五行事業,ブランド化したガラス商品の販売額,2022,,100,済み,,,\n"
                + "ガラス五行事業,ブランド化したガラス商品の販売額,2022,20000000,,,,目標だけの行の備考,\n";
        long before = eventCount();

        Response response = upload(sheet.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("import-refused");
        assertThat(response.json().get("rows").asInt()).isEqualTo(6);
        JsonNode errors = response.json().get("errors");
        assertThat(lines(errors)).containsExactly(3, 4, 5, 6, 7);
        assertThat(columns(errors)).containsExactly("目標値", "KPI", "年度", "状態", "備考");
        assertThat(errors.get(0).get("problem").asText()).isEqualTo("「約3」は数値ではありません (数字だけを書いてください。"
                + "マイナスは ▲ または -)");
        assertThat(errors.get(1).get("problem").asText()).contains("「存在しない指標」というKPIはありません");
        assertThat(errors.get(2).get("problem").asText()).isEqualTo("令和12年度は事業期間 (令和2年度〜令和4年度) の外です");
        assertThat(errors.get(3).get("problem").asText()).contains("「済み」は状態として読めません");
        assertThat(errors.get(4).get("problem").asText()).contains("出典・備考は実績値とともに記録します");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aNoteWithItsActual_isStored_andANoteOnATargetOnlyRow_isRefusedWithAReason_neverDropped() {
        register("glass-note", "ガラス備考事業");
        Response refused = upload(("事業の名称,KPI,年度,目標値,備考\n"
                + "ガラス備考事業,ブランド化したガラス商品の販売額,2021,15000000,目標は見直し予定\n")
                .getBytes(StandardCharsets.UTF_8), false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("column").asText()).isEqualTo("備考");

        Response stored = upload(("事業の名称,KPI,年度,目標値,状態,備考\n"
                + "ガラス備考事業,ブランド化したガラス商品の販売額,2021,15000000,確認中,目標は見直し予定\n")
                .getBytes(StandardCharsets.UTF_8), false);

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(payload("glass-note", "ActualRecorded", 2021, "status")).isEqualTo("PENDING");
        assertThat(payload("glass-note", "ActualRecorded", 2021, "note")).isEqualTo("目標は見直し予定");
    }

    @Test
    void aDash_withStatusDash_isNotApplicable_withoutAFigure() {
        register("glass-dash", "ガラス該当なし事業");
        String sheet = "事業の名称,KPI,年度,実績値,状態,出典\n"
                + "ガラス該当なし事業,ブランド化したガラス商品の販売額,2020,ー,ー,事業休止のため\n"
                + "ガラス該当なし事業,ブランド化したガラス商品の販売額,2021,－,,事業休止のため\n"
                + "ガラス該当なし事業,ブランド化したガラス商品の販売額,2022,-,ー,\n";

        Response response = upload(sheet.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (int year : List.of(2020, 2021, 2022)) {
            assertThat(payload("glass-dash", "ActualRecorded", year, "status")).isEqualTo("NOT_APPLICABLE");
            assertThat(payload("glass-dash", "ActualRecorded", year, "actual")).isNull();
        }
        Response contradiction = upload(("事業の名称,KPI,年度,実績値,状態\n"
                + "ガラス該当なし事業,ブランド化したガラス商品の販売額,2020,ー,確定\n").getBytes(StandardCharsets.UTF_8), false);
        assertThat(contradiction.status()).isEqualTo(422);
        assertThat(contradiction.json().get("errors").get(0).get("column").asText()).isEqualTo("状態");
    }

    @Test
    void costsInThousandYen_whereTheHeadingSaysSo_areStoredInYen_andKpiFiguresAreNeverConverted() {
        register("glass-cost", "ガラス事業費事業");
        String costs = "事業の名称,年度,総事業費（千円）,交付実績（千円）\n"
                + "ガラス事業費事業,令和4年度,\"92,710.418\",\"46,248.061\"\n";

        Response response = upload(costs.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(payload("glass-cost", "ProjectCostRecorded", 2022, "totalCost")).isEqualTo("92710418");
        assertThat(payload("glass-cost", "ProjectCostRecorded", 2022, "grantAmount")).isEqualTo("46248061");

        Response inYen = upload(("事業の名称,年度,総事業費(円),交付実績(円)\nガラス事業費事業,2021,1000.5,0\n")
                .getBytes(StandardCharsets.UTF_8), false);
        assertThat(inYen.status()).isEqualTo(422);
        assertThat(inYen.json().get("errors").get(0).get("problem").asText()).contains("円の金額に小数は書けません");

        Response otherUnit = upload(("事業の名称,KPI,単位,年度,実績値\n"
                + "ガラス事業費事業,ブランド化したガラス商品の販売額,千円,2021,134\n").getBytes(StandardCharsets.UTF_8), false);
        assertThat(otherUnit.status()).isEqualTo(422);
        assertThat(otherUnit.json().get("errors").get(0).get("problem").asText()).contains("KPIの値は換算しません");
    }

    @Test
    void theXlsxInputSheet_filledInExcel_isStored_byItsHiddenIds() throws IOException {
        register("glass-xlsx", "ガラスExcel事業");
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("説明").createRow(0).createCell(0).setCellValue("この入力シートの使い方");
            Sheet figures = book.createSheet("目標値・実績値");
            row(figures, 0, "事業ID", "KPI ID", "年度", "事業の名称", "KPI", "単位", "目標値", "実績値", "状態", "出典",
                    "備考", "修正理由");
            Row filled = row(figures, 1, "glass-xlsx", "glass-sales", "令和3年度", "ガラスExcel事業",
                    "ブランド化したガラス商品の販売額", "円");
            filled.createCell(6).setCellValue(15_000_000);
            filled.createCell(7).setCellValue(134_280.5);
            filled.createCell(8).setCellValue("速報");
            filled.createCell(9).setCellValue("実績報告書");
            row(figures, 2, "glass-xlsx", "glass-sales", "令和4年度", "ガラスExcel事業", "ブランド化したガラス商品の販売額", "円");
            Sheet costs = book.createSheet("事業費");
            row(costs, 0, "事業ID", "年度", "事業の名称", "総事業費(円)", "交付実績(円)", "修正理由");
            Row cost = row(costs, 1, "glass-xlsx", "令和3年度", "ガラスExcel事業");
            cost.createCell(3).setCellValue(92_710_418);
            cost.createCell(4).setCellValue(46_248_061);
            book.write(out);
            workbook = out.toByteArray();
        }

        Response dryRun = api.send(request("sanyo-onoda", workbook, true, "application/octet-stream"));

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("format").asText()).isEqualTo("Excel (.xlsx)");
        JsonNode changes = dryRun.json().get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("sheet").asText()).isEqualTo("目標値・実績値");
        assertThat(changes.get(0).get("projectName").asText()).isEqualTo("ガラスExcel事業");
        assertThat(changes.get(0).get("kpiName").asText()).isEqualTo("ブランド化したガラス商品の販売額");
        assertThat(changes.get(0).get("cells").get(0).toString())
                .isEqualTo("{\"column\":\"目標値\",\"before\":\"—\",\"after\":\"15,000,000円\"}");
        assertThat(changes.get(0).get("cells").get(1).get("after").asText()).isEqualTo("134,280.5円");
        assertThat(changes.get(1).get("cells").get(0).toString())
                .isEqualTo("{\"column\":\"総事業費\",\"before\":\"(なし)\",\"after\":\"92,710,418円\"}");
        assertThat(dryRun.json().get("stored").asBoolean()).isFalse();

        Response stored = api.send(request("sanyo-onoda", workbook, false, "application/octet-stream"));

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(figure("glass-xlsx", "ActualRecorded", 2021, "actual")).isEqualTo("134280.5");
        assertThat(payload("glass-xlsx", "ProjectCostRecorded", 2021, "grantAmount")).isEqualTo("46248061");
    }

    @Test
    void aDryRun_showsEachChangeAsOldAndNewPerCell_withNames_andStoresNothing() {
        register("glass-dry", "ガラス試し読み事業");
        upload("事業の名称,KPI,年度,目標値\nガラス試し読み事業,ブランド化したガラス商品の販売額,2020,10000000\n"
                .getBytes(StandardCharsets.UTF_8), false);
        String sheet = "事業の名称,KPI,年度,目標値,実績値,修正理由\n"
                + "ガラス試し読み事業,ブランド化したガラス商品の販売額,2020,12000000,134280,目標を上方修正\n"
                + "ガラス試し読み事業,ブランド化したガラス商品の販売額,2021,15000000,,\n";
        long before = eventCount();

        Response response = upload(sheet.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode changes = response.json().get("changes");
        assertThat(response.json().get("stored").asBoolean()).isFalse();
        assertThat(changes.get(0).get("fiscalYearJa").asText()).isEqualTo("令和2年度");
        assertThat(changes.get(0).get("cells").get(0).toString())
                .isEqualTo("{\"column\":\"目標値\",\"before\":\"10,000,000円\",\"after\":\"12,000,000円\"}");
        assertThat(changes.get(0).get("cells").get(1).get("column").asText()).isEqualTo("実績値");
        assertThat(changes.get(1).get("cells")).hasSize(1);
        assertThat(eventCount()).isEqualTo(before);

        Response withoutReason = upload(("事業の名称,KPI,年度,目標値\n"
                + "ガラス試し読み事業,ブランド化したガラス商品の販売額,2020,12000000\n").getBytes(StandardCharsets.UTF_8), true);
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.json().get("errors").get(0).get("column").asText()).isEqualTo("修正理由");
    }

    @Test
    void anotherMembersProject_cannotBeWrittenThroughAnImport() {
        registerGlassProject("glass-other");
        long before = eventCount();

        Response response = api.send(request("ube", "projectId,kpiId,fiscalYear,target\nglass-other,glass-sales,2020,1\n"
                .getBytes(StandardCharsets.UTF_8), false, "text/csv"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("problem").asText())
                .isEqualTo("事業ID「glass-other」は宇部市が実施主体の事業にありません");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anotherMembersProject_isRefusedAsSuch_beforeItsFiguresAreExamined() {
        registerGlassProject("glass-other-huge");

        Response response = api.send(request("ube", ("projectId,kpiId,fiscalYear,target,actual\n"
                + "glass-other-huge,glass-sales,2020,1e10000000,abc\n").getBytes(StandardCharsets.UTF_8), false, "text/csv"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).hasSize(1);
        assertThat(response.json().get("errors").get(0).get("problem").asText())
                .isEqualTo("事業ID「glass-other-huge」は宇部市が実施主体の事業にありません");
    }

    @Test
    void onlyAMembersEditor_mayImport_refusedBeforeTheFileIsRead() {
        Response admin = api.send(request("admin", "not even a sheet".getBytes(StandardCharsets.UTF_8), false, "text/csv"));

        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().get("code").asText()).isEqualTo("not-permitted");

        // 20,000 rows: refused at once for every role that may not import, never parsed
        StringBuilder big = new StringBuilder("事業ID,KPI ID,年度,目標値\n");
        for (int i = 0; i < 20_000; i++) {
            big.append("glass,glass-sales,2020,1e10000000\n");
        }
        long before = eventCount();
        for (String role : List.of("reviewer-academia", "prefecture", "auditor")) {
            Response refused = api.send(request(role, big.toString().getBytes(StandardCharsets.UTF_8), false, "text/csv"));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).as(role).isEqualTo("not-permitted");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aFileWithTooManyRows_isRefusedWithAClearError() {
        StringBuilder sheet = new StringBuilder("事業の名称,KPI,年度,目標値\n");
        for (int i = 0; i <= FigureSheet.MAX_ROWS; i++) {
            sheet.append("x,y,2020,1\n");
        }

        Response response = upload(sheet.toString().getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("problem").asText()).startsWith("行が多すぎます (1つのファイルに5,000行まで)");
    }

    private void register(String projectId, String name) {
        expectStatus(api.post("sanyo-onoda", "/api/projects", SANYO_ONODA_GLASS.formatted(projectId)
                .replace("小野田ガラスのブランド化推進事業", name)), 201);
        expectStatus(api.post("sanyo-onoda", "/api/projects/" + projectId + "/kpis", GLASS_SALES_KPI), 200);
    }

    private static Row row(Sheet sheet, int index, String... texts) {
        Row row = sheet.createRow(index);
        for (int column = 0; column < texts.length; column++) {
            row.createCell(column).setCellValue(texts[column]);
        }
        return row;
    }

    private Response upload(byte[] sheet, boolean dryRun) {
        return api.send(request("sanyo-onoda", sheet, dryRun, "text/csv"));
    }

    private HttpRequest.Builder request(String user, byte[] sheet, boolean dryRun, String type) {
        return HttpRequest.newBuilder(URI.create(api.base() + "/api/imports/kpi-figures?dryRun=" + dryRun))
                .header("Authorization", "Bearer " + api.token(user))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sheet));
    }

    private String figure(String projectId, String type, int fiscalYear, String field) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb -> ? ->> 'value' FROM domain_event_entry "
                + "WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> 'fiscalYear' = ? "
                + "AND aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class, field, "%" + type,
                String.valueOf(fiscalYear), projectId);
    }

    private String payload(String projectId, String type, int fiscalYear, String field) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> ? FROM domain_event_entry "
                + "WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> 'fiscalYear' = ? "
                + "AND aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class, field, "%" + type,
                String.valueOf(fiscalYear), projectId);
    }

    private static List<Integer> lines(JsonNode errors) {
        List<Integer> lines = new ArrayList<>();
        errors.forEach(error -> lines.add(error.get("line").asInt()));
        return lines;
    }

    private static List<String> columns(JsonNode errors) {
        List<String> columns = new ArrayList<>();
        errors.forEach(error -> columns.add(error.get("column").asText()));
        return columns;
    }
}
