package jp.yumekairo.query.project;

import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The exports, read back the way a clerk's Excel would read them. */
class ReportExportIT {

    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.com\",\"開く\")";

    private static Api api;

    @BeforeAll
    static void start() {
        api = Services.shared().api();
        Seeds seeds = new Seeds(api);
        seeds.mineTourismProject("mine-export-tourism");
        long health = seeds.mineHealthProject("mine-export-health");
        api.write("tsuwano", "POST", "/api/projects", object("projectId", "tsuwano-formula", "leadMunicipality", "32501",
                "participants", new String[0], "name", FORMULA_NAME, "summary", "", "scope", "SINGLE",
                "grantProgram", "SECOND_GENERATION", "department", "企画課", "firstFiscalYear", 2024, "lastFiscalYear", 2026));
        long version = api.write("tsuwano", "PUT", "/api/projects/tsuwano-formula/costs/2024",
                object("totalCost", 1_000_000L, "grantAmount", 500_000L, "reason", "")).version();
        api.get("tsuwano", "/api/projects/tsuwano-formula?minVersion=" + version);
        api.get("mine", "/api/projects/mine-export-health?minVersion=" + health);
    }

    @Test
    void theYearlyReport_asXlsx_hasTheProjectsKpisCostsAndRatings_inThePublishedLayout() throws Exception {
        HttpResponse<byte[]> download = api.download("prefecture", "/api/municipalities/35213/reports/2024.xlsx");

        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheet("令和6年度");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("美祢市").contains("令和6年度");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("事業の名称");
            Row tourism = find(sheet, "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト");
            assertThat(tourism.getCell(4).getNumericCellValue()).isEqualTo(40_404_482d);
            assertThat(tourism.getCell(5).getNumericCellValue()).isEqualTo(20_202_241d);
            assertThat(tourism.getCell(12).getStringCellValue()).isEqualTo("地方創生に非常に効果的であった");
            assertThat(tourism.getCell(14).getStringCellValue()).isEqualTo("継続");
            Row checkups = findKpi(sheet, "特定健診の受診率");
            assertThat(BigDecimal.valueOf(checkups.getCell(8).getNumericCellValue())).isEqualByComparingTo("55.0");
            assertThat(BigDecimal.valueOf(checkups.getCell(9).getNumericCellValue())).isEqualByComparingTo("38.3");
            assertThat(checkups.getCell(11).getStringCellValue()).isEqualTo("未達成");
            Row total = find(sheet, "合計");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(40_404_482d + 14_459_000d);
        }
    }

    @Test
    void aFormulaLikeProjectName_staysText_inXlsxAndInCsv() throws Exception {
        byte[] xlsx = api.download("prefecture", "/api/municipalities/32501/reports/2024.xlsx").body();
        byte[] csv = api.download("prefecture", "/api/municipalities/32501/reports/2024.csv").body();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell name = find(workbook.getSheetAt(0), FORMULA_NAME).getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(FORMULA_NAME);
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
            assertThat(findIn(sheet, 3, "津和野町").getCell(6).getStringCellValue()).isEqualTo("未報告");
            Row total = findIn(sheet, 3, "圏域合計(未報告あり)");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(23_267d);
        }
    }

    private static Row find(Sheet sheet, String projectName) {
        return findIn(sheet, 1, projectName);
    }

    private static Row findKpi(Sheet sheet, String kpiName) {
        return findIn(sheet, 6, kpiName);
    }

    private static Row findIn(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }
}
