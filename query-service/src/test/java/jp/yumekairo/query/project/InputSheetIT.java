package jp.yumekairo.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's input sheet, downloaded and read back as Excel would: names visible, ids hidden, 状態 a drop-down,
 * the current figures filled in, only the input cells open; and, filled in and uploaded, the import reads it.
 */
class InputSheetIT {

    private static Api api;
    private static long version;

    @BeforeAll
    static void start() {
        api = Services.shared().api();
        version = new Seeds(api).mineTourismProject("sheet-tourism");
        api.get("mine", "/api/projects/sheet-tourism?minVersion=" + version);
    }

    @Test
    void theInputSheet_showsNames_hidesIds_offersTheStatuses_andHoldsTheCurrentFigures() throws Exception {
        HttpResponse<byte[]> download = api.download("mine", "/api/municipalities/35213/input-sheets/2024.xlsx");

        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            XSSFSheet figures = workbook.getSheet("目標値・実績値");
            assertThat(headings(figures)).containsExactly("事業ID", "KPI ID", "年度", "事業の名称", "KPI", "単位", "目標値",
                    "実績値", "状態", "出典", "備考", "修正理由");
            assertThat(figures.isColumnHidden(0)).isTrue();
            assertThat(figures.isColumnHidden(1)).isTrue();
            assertThat(figures.isColumnHidden(3)).isFalse();
            assertThat(figures.isColumnHidden(4)).isFalse();
            Row mice = row(figures, "sheet-tourism", "mice");
            assertThat(mice.getCell(2).getStringCellValue()).isEqualTo("令和6年度");
            assertThat(mice.getCell(3).getStringCellValue()).isEqualTo("「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト");
            assertThat(mice.getCell(4).getStringCellValue()).isEqualTo("MICE誘致件数");
            assertThat(mice.getCell(5).getStringCellValue()).isEqualTo("件");
            assertThat(mice.getCell(6).getNumericCellValue()).isEqualTo(82);
            assertThat(mice.getCell(7).getNumericCellValue()).isEqualTo(167);
            assertThat(mice.getCell(8).getStringCellValue()).isEqualTo("確定");
            assertThat(mice.getCell(9).getStringCellValue()).isEqualTo("令和6年度効果検証");
            assertThat(figures.isSheetLocked()).isTrue();
            assertThat(mice.getCell(3).getCellStyle().getLocked()).isTrue();
            assertThat(mice.getCell(7).getCellStyle().getLocked()).isFalse();
            assertThat(mice.getCell(11).getCellStyle().getLocked()).isFalse();
            DataValidation status = figures.getDataValidations().get(0);
            assertThat(status.getValidationConstraint().getExplicitListValues())
                    .containsExactly("速報", "確定", "確認中", "ー");
            CellRangeAddress range = status.getRegions().getCellRangeAddress(0);
            assertThat(range.getFirstColumn()).isEqualTo(8);
            assertThat(range.isInRange(mice.getRowNum(), 8)).isTrue();

            XSSFSheet costs = workbook.getSheet("事業費");
            assertThat(headings(costs)).containsExactly("事業ID", "年度", "事業の名称", "総事業費(円)", "交付実績(円)", "修正理由");
            assertThat(costs.isColumnHidden(0)).isTrue();
            Row cost = row(costs, "sheet-tourism", null);
            assertThat(cost.getCell(2).getStringCellValue()).isEqualTo("「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト");
            assertThat(cost.getCell(3).getNumericCellValue()).isEqualTo(40_404_482);
            assertThat(cost.getCell(4).getNumericCellValue()).isEqualTo(20_202_241);
            assertThat(workbook.getSheet("説明")).isNotNull();
        }
    }

    @Test
    void anotherMembersEditor_getsNoInputSheet() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.queryUrl() + "/api/municipalities/35213/input-sheets/2024.xlsx"))
                .header("Authorization", "Bearer " + api.token("ube")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("not-permitted");
    }

    @Test
    void theSheetFilledInAsExcelWould_isReadByTheImport_andOnlyTheEditedCellChanges() throws Exception {
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("mine", "/api/municipalities/35213/input-sheets/2024.xlsx").body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row programs = row(workbook.getSheet("目標値・実績値"), "sheet-tourism", "tour-programs");
            programs.getCell(7).setCellValue(31);
            programs.getCell(11).setCellValue("実績報告書の再集計");
            workbook.write(out);
            filled = out.toByteArray();
        }

        HttpResponse<String> dryRun = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.commandUrl() + "/api/imports/kpi-figures?dryRun=true"))
                .header("Authorization", "Bearer " + api.token("mine"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(filled)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode changes = Api.JSON.readTree(dryRun.body()).get("changes");
        assertThat(changes).as(dryRun.body()).hasSize(1);
        assertThat(changes.get(0).get("kpiName").asText()).isEqualTo("着地型観光プログラム造成件数");
        assertThat(changes.get(0).get("cells").toString())
                .isEqualTo("[{\"column\":\"実績値\",\"before\":\"30件\",\"after\":\"31件\"}]");
    }

    @Test
    void costsInThousandYen_areWrittenExactly_andReadBackAsTheSameYen() throws Exception {
        byte[] sheet = api.download("mine", "/api/municipalities/35213/input-sheets/2024.xlsx?costs=thousand-yen").body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            XSSFSheet costs = workbook.getSheet("事業費");
            assertThat(headings(costs)).containsExactly("事業ID", "年度", "事業の名称", "総事業費(千円)", "交付実績(千円)",
                    "修正理由");
            Row cost = row(costs, "sheet-tourism", null);
            assertThat(cost.getCell(3).getNumericCellValue()).isEqualTo(40_404.482);
            assertThat(cost.getCell(4).getNumericCellValue()).isEqualTo(20_202.241);
        }

        HttpResponse<String> dryRun = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.commandUrl() + "/api/imports/kpi-figures?dryRun=true"))
                .header("Authorization", "Bearer " + api.token("mine"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sheet)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(dryRun.body()).get("changes")).as(dryRun.body()).isEmpty();
    }

    private static List<String> headings(Sheet sheet) {
        List<String> headings = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
        return headings;
    }

    private static Row row(Sheet sheet, String projectId, String kpiId) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(projectId)
                    && (kpiId == null || row.getCell(1).getStringCellValue().equals(kpiId))) {
                return row;
            }
        }
        throw new AssertionError("no row of " + projectId + " " + kpiId);
    }
}
