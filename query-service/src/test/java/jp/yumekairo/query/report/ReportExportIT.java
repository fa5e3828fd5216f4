package jp.yumekairo.query.report;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed 効果検証, read back as a clerk and an auditor would: the PDF's text (PDFBox) holds every project name
 * whole, 美祢市's published R6 totals, every KPI figure and the checkpoint of the publication; the workbook (POI)
 * keeps figures as numbers and prints on A4 landscape, one page wide, its heading repeated; {@code ?version=1} stays
 * as it was published when a figure is corrected later, and an unknown version is a 404.
 */
class ReportExportIT {

    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.com\",\"開く\")";
    private static final String YAMAGUCHI = "yamaguchi-print-flow";

    private static Api demo;
    private static Api api;

    @BeforeAll
    static void start() {
        demo = Services.demo().api();
        api = Services.shared().api();
        api.write("tsuwano", "POST", "/api/projects", object("projectId", "tsuwano-formula", "leadMunicipality", "32501",
                "participants", new String[0], "name", FORMULA_NAME, "summary", "", "scope", "SINGLE",
                "grantProgram", "SECOND_GENERATION", "department", "企画課", "firstFiscalYear", 2024, "lastFiscalYear", 2026));
        long version = api.write("tsuwano", "PUT", "/api/projects/tsuwano-formula/costs/2024",
                object("totalCost", 1_000_000L, "grantAmount", 500_000L, "reason", "")).version();
        api.get("tsuwano", "/api/projects/tsuwano-formula?minVersion=" + version);
    }

    @Test
    void publishedVersionOne_asPdf_holdsEveryNameWhole_theTotals_everyKpiFigure_andTheCheckpoint() throws Exception {
        JsonNode checkpoint = checkpointOf(demo, "/api/reports/35213/2024", 1);
        JsonNode published = demo.get("prefecture", "/api/reports/35213/2024/versions/1");

        HttpResponse<byte[]> download = demo.download("prefecture", "/api/municipalities/35213/reports/2024.pdf?version=1");

        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".pdf");
        Path out = Path.of("target", "print");
        Files.createDirectories(out);
        Files.write(out.resolve("mine-2024-v1.pdf"), download.body());
        String text = text(download.body());
        assertThat(text).contains("令和6年度").contains("美祢市").contains("第1版 公表")
                .contains("92,710,418").contains("46,248,061")
                .contains("位置 " + checkpoint.get("position").asLong()).contains(checkpoint.get("hash").asText());
        assertThat(published.get("projects")).hasSize(5);
        for (JsonNode project : published.get("projects")) {
            assertThat(text).as("the name of " + project.get("projectId").asText())
                    .contains(project.get("name").asText().replaceAll("\\R", ""));
            assertThat(text).contains(project.get("department").asText());
            for (JsonNode kpi : project.get("kpis")) {
                assertThat(text).contains(kpi.get("name").asText().replaceAll("\\R", ""));
                for (JsonNode year : kpi.get("years")) {
                    if (year.get("fiscalYear").asInt() != 2024) {
                        continue;
                    }
                    String unit = kpi.get("unit").asText();
                    if (!year.get("target").isNull()) {
                        assertThat(text).contains(figure(year.get("target").decimalValue(), unit));
                    }
                    assertThat(text).contains(year.get("actual").isNull() ? year.get("statusJa").asText()
                            : figure(year.get("actual").decimalValue(), unit));
                }
            }
        }
        assertThat(text).contains("「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト").contains("<広域> (R4-R8)")
                .contains("事業を継続").contains("38.3%").contains("確認中").contains("未達成")
                .doesNotContain("CONFIRMED").doesNotContain("VERY_EFFECTIVE").doesNotContain("CONTINUE");
    }

    @Test
    void publishedVersionOne_asXlsx_keepsFiguresAsNumbers_andPrintsLandscapeOnePageWide_withTheHeadingRepeated()
            throws Exception {
        JsonNode checkpoint = checkpointOf(demo, "/api/reports/35213/2024", 1);
        byte[] xlsx = demo.download("prefecture", "/api/municipalities/35213/reports/2024.xlsx?version=1").body();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("令和6年度");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows()).isNotNull();
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(ReportWorkbook.HEADING_ROW);
            Row heading = sheet.getRow(ReportWorkbook.HEADING_ROW);
            assertThat(heading.getCell(1).getStringCellValue()).isEqualTo("事業の名称");
            assertThat(heading.getCell(2).getStringCellValue()).isEqualTo("事業実績");
            Row tourism = find(sheet, 1, "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト ～観光交流から移住・定住へ～");
            assertThat(tourism.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(tourism.getCell(3).getNumericCellValue()).isEqualTo(40_404_482d);
            assertThat(tourism.getCell(3).getCellStyle().getDataFormatString()).contains("#,##0").contains("▲");
            assertThat(tourism.getCell(4).getNumericCellValue()).isEqualTo(20_202_241d);
            assertThat(tourism.getCell(9).getStringCellValue()).startsWith("地方創生に非常に効果的であった");
            assertThat(tourism.getCell(10).getStringCellValue()).startsWith("事業を継続");
            Row checkups = find(sheet, 5, "特定健診の受診率(%)");
            assertThat(checkups.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(checkups.getCell(6).getNumericCellValue())).isEqualByComparingTo("55");
            assertThat(checkups.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(checkups.getCell(7).getNumericCellValue())).isEqualByComparingTo("38.3");
            // the figure keeps its one decimal and its unit in the number format, ▲ for a negative
            assertThat(checkups.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0\"%\";▲#,##0.0\"%\"");
            assertThat(checkups.getCell(8).getStringCellValue()).isEqualTo("未達成");
            Row total = find(sheet, 1, "合計");
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(92_710_418d);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(46_248_061d);
            assertThat(total.getCell(4).getCellStyle().getDataFormatString()).contains("▲");
            assertThat(sheet.getFooter().getLeft()).contains("第1版").contains(checkpoint.get("hash").asText());
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("第1版")
                    .contains("位置 " + checkpoint.get("position").asLong());
        }
    }

    @Test
    void aCorrectionAfterVersionOne_isNotInVersionOne_butInTheCurrentReport_andAnUnknownVersionIs404() throws Exception {
        String report = "/api/reports/35203/2024";
        api.write("yamaguchi", "POST", "/api/projects", object("projectId", YAMAGUCHI, "leadMunicipality", "35203",
                "participants", new String[0], "name", "山口市中心市街地の回遊性向上事業", "summary", "",
                "scope", "SINGLE", "grantProgram", "SECOND_GENERATION", "department", "中心市街地活性化推進室",
                "firstFiscalYear", 2023, "lastFiscalYear", 2025));
        api.write("yamaguchi", "POST", "/api/projects/" + YAMAGUCHI + "/kpis", object("kpiId", "walkers",
                "name", "中心商店街の歩行者通行量", "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 10_000, "fiscalYear", 2022)));
        api.write("yamaguchi", "PUT", "/api/projects/" + YAMAGUCHI + "/kpis/walkers/targets/2024",
                object("value", 12_500, "reason", ""));
        api.write("yamaguchi", "PUT", "/api/projects/" + YAMAGUCHI + "/kpis/walkers/actuals/2024", object("value", 11_873,
                "status", "CONFIRMED", "source", "令和6年度通行量調査", "note", "", "reason", ""));
        api.write("yamaguchi", "PUT", "/api/projects/" + YAMAGUCHI + "/costs/2024",
                object("totalCost", 8_800_000L, "grantAmount", 4_400_000L, "reason", ""));
        api.write("yamaguchi", "POST", "/api/projects/" + YAMAGUCHI + "/evaluations/2024",
                object("effect", "EFFECTIVE", "policy", "IMPROVE", "rationale", "通行量は増えたが目標に届かなかった。"));
        api.write("yamaguchi", "POST", report + "/submission", object());
        long published = api.write("yamaguchi", "POST", report + "/publication", object("reason", "公表")).version();
        api.get("prefecture", report + "?minVersion=" + published);
        JsonNode checkpoint = checkpointOf(api, report, 1);
        long corrected = api.write("yamaguchi", "PUT", "/api/projects/" + YAMAGUCHI + "/kpis/walkers/actuals/2024",
                object("value", 12_964, "status", "CONFIRMED", "source", "令和6年度通行量調査", "note", "",
                        "reason", "調査地点の集計漏れを訂正")).version();
        api.get("prefecture", "/api/projects/" + YAMAGUCHI + "?minVersion=" + corrected);

        String first = text(api.download("prefecture", "/api/municipalities/35203/reports/2024.pdf?version=1").body());
        String now = text(api.download("prefecture", "/api/municipalities/35203/reports/2024.pdf").body());

        assertThat(first).contains("11,873人").doesNotContain("12,964人").contains("第1版 公表")
                .contains(checkpoint.get("hash").asText()).contains("事業の改善").contains("12,500人");
        assertThat(now).contains("12,964人").doesNotContain("11,873人").contains("未公表の現行版")
                .contains("最新の公表版は第1版");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("prefecture", "/api/municipalities/35203/reports/2024.xlsx?version=1").body()))) {
            assertThat(find(workbook.getSheetAt(0), 5, "中心商店街の歩行者通行量").getCell(7).getNumericCellValue())
                    .isEqualTo(11_873d);
        }
        for (String type : List.of("pdf", "xlsx", "csv")) {
            Api.Response unknown = api.read("prefecture", "/api/municipalities/35203/reports/2024." + type + "?version=2");
            assertThat(unknown.status()).as(type).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(unknown.body().get("code").asText()).isEqualTo("unknown-report-version");
        }
        assertThat(api.read("prefecture", "/api/municipalities/35203/reports/2024.pdf?version=1&asOf=2025-01-01")
                .status()).isEqualTo(400);
    }

    @Test
    void aFormulaLikeProjectName_staysText_inXlsxAndInCsv() throws Exception {
        byte[] xlsx = api.download("prefecture", "/api/municipalities/32501/reports/2024.xlsx").body();
        byte[] csv = api.download("prefecture", "/api/municipalities/32501/reports/2024.csv").body();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell name = find(workbook.getSheetAt(0), 1, FORMULA_NAME).getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).startsWith(FORMULA_NAME);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNo,事業の名称");
        assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        assertThat(text).contains("1000000,500000");
    }

    @Test
    void theDashboard_asXlsx_showsTheTotalAndWhoHasNotReported() throws Exception {
        String plan = "export-plan";
        api.write("admin", "POST", "/api/plans", object("planId", plan, "name", "第2期山口県央連携都市圏域ビジョン",
                "members", new String[]{"35213", "32501"}, "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        api.write("admin", "POST", "/api/plans/" + plan + "/kgis", object("kgiId", "settled-population",
                "name", "定住人口", "unit", "人", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM",
                "baseline", object("value", 37_056, "year", 2010)));
        long version = api.write("mine", "PUT", "/api/plans/" + plan + "/kgis/settled-population/figures/35213/2020",
                object("value", 23_267, "status", "CONFIRMED", "source", "国勢調査", "reason", "")).version();
        api.get("prefecture", "/api/plans/" + plan + "/dashboard?minVersion=" + version);

        byte[] xlsx = api.download("prefecture", "/api/plans/" + plan + "/dashboard.xlsx?year=2020").body();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("KGI");
            assertThat(find(sheet, 3, "津和野町").getCell(6).getStringCellValue()).isEqualTo("未報告");
            Row mine = find(sheet, 3, "美祢市");
            assertThat(mine.getCell(6).getStringCellValue()).isEqualTo("確定");
            assertThat(mine.getCell(2).getStringCellValue()).isEqualTo("令和2年");
            Row total = find(sheet, 3, "圏域合計(未報告あり)");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(23_267d);
            assertThat(total.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0;\"▲\"#,##0");
        }
    }

    /** The checkpoint of version {@code version}, once the hash chain has passed the publication. */
    private static JsonNode checkpointOf(Api on, String report, int version) {
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await("the publication's checkpoint").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode checkpoint = on.get("auditor", report + "/versions").get("versions").get(version - 1)
                    .path("checkpoint");
            assertThat(checkpoint.path("hash").asText()).hasSize(64);
            found.add(checkpoint);
        });
        return found.get(found.size() - 1);
    }

    /** The PDF's text with its line breaks removed, so that a name wrapped in its cell reads whole. */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\R", "");
        }
    }

    /** A figure as the published tables write it: separators, its own decimals, ▲ when negative, the unit. */
    private static String figure(BigDecimal value, String unit) {
        String pattern = value.scale() > 0 ? "#,##0." + "0".repeat(value.scale()) : "#,##0";
        return (value.signum() < 0 ? "▲" : "")
                + new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.JAPAN)).format(value.abs()) + unit;
    }

    private static Row find(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && (cell.getStringCellValue().equals(text)
                    || cell.getStringCellValue().startsWith(text + "\n"))) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }
}
