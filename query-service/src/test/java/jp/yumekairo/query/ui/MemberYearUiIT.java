package jp.yumekairo.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.ProjectScope;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Browser;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 宇部市's editor does the year's work in the browser (headless Chromium, both services of this class's own with the
 * demo data, since it publishes 宇部市 R6): registers a wide-area project, defines its KPIs, enters cost, targets and
 * actuals on the member page of the year and through the input sheet, submits the evaluation, publishes the report
 * and prints its 第1版. No page shows an English code in Japanese mode. Screenshots go to target/screenshots,
 * the printed files to target/print.
 */
class MemberYearUiIT {

    /** Every enum name the pages could leak instead of its Japanese label. */
    private static final List<String> CODES = Stream.of(Direction.values(), Measure.values(), ProjectScope.values(),
            GrantProgram.values(), ActualStatus.values(), EffectRating.values(), Policy.values())
            .flatMap(Stream::of).map(Enum::name).toList();

    private static Services services;
    private static Api api;
    private static String base;

    @BeforeAll
    static void start() {
        services = Services.demo(MemberYearUiIT.class);
        api = services.api();
        base = services.query().baseUrl();
        api.write("ube", "POST", "/api/projects", object("projectId", "ube-yamanami", "leadMunicipality", "35202",
                "participants", new String[0], "name", "山並み景観の保全事業", "summary", "",
                "scope", "SINGLE", "grantProgram", "SECOND_GENERATION", "department", "都市計画課",
                "firstFiscalYear", 2024, "lastFiscalYear", 2026));
        long version = api.write("ube", "POST", "/api/projects/ube-yamanami/kpis", object("kpiId", "walkers",
                "name", "遊歩道の利用者数", "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 5000, "fiscalYear", 2023))).version();
        api.get("ube", "/api/projects/ube-yamanami?minVersion=" + version);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    /** Passes on its own: the member page of a year, a target and an actual entered, then shown pre-filled. */
    @Test
    void ube_entersATargetAndAnActualForTheSelectedYear_seesThemPreFilled_andTheConfirmationBesideTheForm() {
        try (Browser ube = new Browser(base)) {
            ube.signIn("ube");
            ube.open("/members/35202?year=2024");
            assertThat(new Select(ube.find("#year-select")).getFirstSelectedOption().getText()).startsWith("令和6年度");
            assertThat(ube.find("#register-link").getText()).contains("事業を登録する");

            openDetail(ube, "ube-yamanami");
            ube.find("#target-ube-yamanami-walkers summary").click();
            assertThat(new Select(ube.find("#target-ube-yamanami-walkers-fiscalYear")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("2024");
            ube.fill("#target-ube-yamanami-walkers-value", "5,500");
            ube.find("#target-ube-yamanami-walkers form").submit();
            assertThat(ube.waitForText("#target-ube-yamanami-walkers .notice", "保存しました")).contains("保存しました");
            assertThat(ube.driver().getCurrentUrl()).contains("year=2024").endsWith("#target-ube-yamanami-walkers");

            ube.find("#actual-ube-yamanami-walkers summary").click();
            ube.fill("#actual-ube-yamanami-walkers-value", "5,210");
            new Select(ube.find("#actual-ube-yamanami-walkers-status")).selectByValue("PROVISIONAL");
            ube.fill("#actual-ube-yamanami-walkers-source", "遊歩道カウンター集計");
            ube.find("#actual-ube-yamanami-walkers form").submit();
            assertThat(ube.waitForText("#actual-ube-yamanami-walkers .notice", "保存しました")).contains("保存しました");

            // the compact row of the year and the pre-filled forms
            assertThat(ube.find("#year-ube-yamanami-walkers").getText()).contains("5,500人").contains("5,210人")
                    .contains("速報").contains("未達成").contains("42.0%");
            assertThat(ube.find("#actual-ube-yamanami-walkers-value").getAttribute("value")).isEqualTo("5210");
            assertThat(ube.find("#actual-ube-yamanami-walkers .current").getText()).contains("5,210人").contains("速報")
                    .contains("遊歩道カウンター集計");
            assertThat(ube.find("#actual-ube-yamanami-walkers-source").getAttribute("value")).isEqualTo("遊歩道カウンター集計");
            assertThat(new Select(ube.find("#actual-ube-yamanami-walkers-status")).getFirstSelectedOption().getText())
                    .isEqualTo("速報");
            ube.find("#target-ube-yamanami-walkers summary").click();
            assertThat(ube.find("#target-ube-yamanami-walkers-value").getAttribute("value")).isEqualTo("5500");
            // the evaluation form defaults to the selected year
            assertThat(new Select(ube.find("#evaluation-ube-yamanami-fiscalYear")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("2024");
            assertNoCodes(ube);
            ube.screenshot("ube-member-year");

            ube.resize(768, 1024);
            ube.open("/members/35202?year=2024");
            openDetail(ube, "ube-yamanami");
            ube.waitUntil(d -> ube.fitsWidth());
            ube.screenshot("tablet-member-year");
            ube.resize(390, 844);
            ube.open("/members/35202/projects/new");
            ube.waitUntil(d -> ube.fitsWidth());
            ube.screenshot("phone-project-new");
        }
    }

    /** Passes on its own: a registration refused by the page keeps what was typed, with the error beside the field. */
    @Test
    void aRegistrationWithoutAName_isRefusedBesideTheField_keepingWhatWasTyped() {
        try (Browser ube = new Browser(base)) {
            ube.signIn("ube");
            ube.find("#register-link").click();
            assertNoCodes(ube);
            ube.fill("#register-summary", "概要だけ書いた");
            ube.find("#register-scope-WIDE_AREA").click();
            ube.find("#register-participant-35203").click();
            new Select(ube.find("#register-grantProgram")).selectByVisibleText("地方創生推進交付金");
            ube.find("#register").submit();
            assertThat(ube.waitForText("#register-name-error", "入力")).isEqualTo("入力してください。");
            assertThat(ube.find("#register-summary").getAttribute("value")).isEqualTo("概要だけ書いた");
            assertThat(ube.find("#register-scope-WIDE_AREA").isSelected()).isTrue();
            assertThat(ube.find("#register-participant-35203").isSelected()).isTrue();
            assertThat(ube.find("#register-participant-35204").isSelected()).isFalse();
            ube.screenshot("ube-project-new-refused");
        }
    }

    /**
     * The clerk's whole year from nothing, in the browser: registers a wide-area project with two participants,
     * defines three KPIs (one without baseline, one 増加分, one 低いほど良い), enters the cost and the year's 事業実績,
     * downloads the input sheet, fills it as Excel would (POI) and uploads it (a dry run showing old → new, then for
     * real), submits the evaluation with both reasons, submits and publishes the R6 report, and once the hash chain
     * has checkpointed the publication downloads 第1版 as PDF and workbook through the page's buttons. Then an
     * actual is corrected with a reason: 第1版 keeps the published figure, the current report has the new one.
     */
    @Test
    void ube_walksANewProjectFromNothing_toThePrintedFirstEdition_andACorrectionStaysOutOfIt() throws Exception {
        String name = "宇部・山口 広域サイクルツーリズム推進事業";
        try (Browser ube = new Browser(base)) {
            ube.signIn("ube");
            ube.find("#register-link").click();
            ube.fill("#register-name", name);
            ube.fill("#register-summary", "自転車で巡る周遊ルートを整備し、交流人口を増やす。");
            ube.find("#register-scope-WIDE_AREA").click();
            ube.find("#register-participant-35203").click();
            ube.find("#register-participant-35213").click();
            new Select(ube.find("#register-grantProgram")).selectByVisibleText("第2世代交付金 (新しい地方経済・生活環境創生交付金)");
            ube.fill("#register-department", "観光振興課");
            new Select(ube.find("#register-first")).selectByVisibleText("令和6年度 (2024)");
            new Select(ube.find("#register-last")).selectByVisibleText("令和8年度 (2026)");
            assertNoCodes(ube);
            ube.screenshot("journey-1-project-new");
            ube.find("#register").submit();
            ube.waitUntil(d -> d.getCurrentUrl().contains("/edit") || !ube.all("#register .form-error").isEmpty());
            assertThat(ube.all("#register .form-error")).isEmpty();

            assertThat(ube.waitForText("#kpi-new .notice", "登録しました")).contains("KPIを追加");
            assertThat(ube.find("h1").getText()).isEqualTo(name);
            assertThat(ube.find(".facts").getText()).contains("広域").contains("山口市").contains("美祢市");
            String editUrl = ube.driver().getCurrentUrl().replaceFirst("#.*", "");
            String projectId = editUrl.replaceFirst(".*/projects/", "").replaceFirst("/edit$", "");

            defineKpi(ube, "サイクリング客数", "人", "HIGHER_IS_BETTER", "ABSOLUTE", "", "", "3,000");
            defineKpi(ube, "レンタサイクル貸出件数の増加", "件", "HIGHER_IS_BETTER", "INCREMENT", "0", "2023", "600");
            defineKpi(ube, "自転車事故件数", "件", "LOWER_IS_BETTER", "ABSOLUTE", "12", "2023", "6");
            assertThat(ube.all("#kpi-list tbody tr")).hasSize(3);
            assertThat(ube.find("#kpi-list").getText()).contains("基準値なし").contains("増加分").contains("低いほど良い");
            assertNoCodes(ube);
            ube.screenshot("journey-2-project-kpis");

            // the cost (in 千円, 交付実績 not yet known) and the year's 事業実績 on the member's year
            ube.find("#back-to-member").click();
            ube.open("/members/35202?year=2024");
            openDetail(ube, projectId);
            ube.find("#cost-" + projectId + " summary").click();
            new Select(ube.find("#cost-" + projectId + "-fiscalYear")).selectByValue("2024");
            new Select(ube.find("#cost-" + projectId + "-unit")).selectByValue("thousand");
            ube.fill("#cost-" + projectId + "-totalCost", "12,345");
            ube.find("#cost-" + projectId + " form").submit();
            assertThat(ube.waitForText("#cost-" + projectId + " .notice", "保存しました")).contains("保存しました");
            assertThat(ube.find("#cost-" + projectId + " .current").getText()).contains("12,345,000円").contains("不明");
            ube.find("#activities-" + projectId + " summary").click();
            ube.fill("#activities-" + projectId + "-activities", "周遊ルート3コースの案内板を設置し、レンタサイクルを20台導入した。");
            ube.find("#activities-" + projectId + " form").submit();
            assertThat(ube.waitForText("#activities-" + projectId + " .notice", "保存しました")).contains("保存しました");
            List<String> kpis = ube.all("#project-" + projectId + " .year-table tbody tr").stream()
                    .map(row -> row.getAttribute("id").replace("year-" + projectId + "-", "")).toList();
            assertThat(kpis).hasSize(3);
            assertNoCodes(ube);

            // the input sheet through the import page's button, filled in as Excel would, uploaded: dry run, then for real
            ube.find("#import-link").click();
            new Select(ube.find("#input-sheet-year")).selectByValue("2024");
            ube.find("#input-sheet-form button").click();
            ube.waitForText("#input-sheet-download", "令和6年度");
            assertNoCodes(ube);
            Path sheet = ube.download("#input-sheet-download");
            assertThat(sheet.getFileName().toString()).isEqualTo("宇部市_令和6年度_入力シート.xlsx");
            Path filled = fillInputSheet(sheet, name);
            ube.find("#import-file").sendKeys(filled.toAbsolutePath().toString());
            assertThat(ube.find("#import-dry-run").isSelected()).isTrue();
            ube.find("#import-form button").click();
            assertThat(ube.waitForText("#import-result", "試し読み")).contains("保存していません");
            assertThat(ube.driver().getCurrentUrl()).endsWith("#import-result");
            assertThat(new Select(ube.find("#input-sheet-year")).getFirstSelectedOption().getText()).isEqualTo("令和6年度");
            String changes = ube.find("#import-changes").getText();
            assertThat(changes).contains("サイクリング客数").contains("目標値: — → 2,000人")
                    .contains("実績値: (なし) → 2,150人").contains("状態: (なし) → 確定").contains("— → 240件")
                    .contains("→ 195件").contains("→ 速報").contains("— → 10件").contains("→ 9件")
                    .contains("交付実績: 不明 → 6,172,000円");
            assertNoCodes(ube);
            ube.screenshot("journey-3-import-dry-run");
            ube.open("/members/35202?year=2024");
            assertThat(ube.find("#year-" + projectId + "-" + kpis.get(0)).getText()).doesNotContain("2,150人");

            ube.find("#import-link").click();
            ube.find("#import-file").sendKeys(filled.toAbsolutePath().toString());
            ube.find("#import-dry-run").click();
            ube.find("#import-form button").click();
            assertThat(ube.waitForText("#import-result", "取り込みました")).contains("取り込みました");
            assertNoCodes(ube);
            ube.screenshot("journey-4-import-stored");

            // the member's year shows what the sheet brought; the evaluation with both reasons
            ube.open("/members/35202?year=2024");
            openDetail(ube, projectId);
            assertThat(ube.find("#year-" + projectId + "-" + kpis.get(0)).getText()).contains("2,000人")
                    .contains("2,150人").contains("達成");
            assertThat(ube.find("#year-" + projectId + "-" + kpis.get(1)).getText()).contains("240件")
                    .contains("195件").contains("速報").contains("未達成");
            assertThat(ube.find("#year-" + projectId + "-" + kpis.get(2)).getText()).contains("10件").contains("9件")
                    .contains("達成");
            ube.find("#evaluation-" + projectId + " summary").click();
            assertThat(new Select(ube.find("#evaluation-" + projectId + "-fiscalYear")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("2024");
            new Select(ube.find("#evaluation-" + projectId + "-effect")).selectByValue("EFFECTIVE");
            ube.fill("#evaluation-" + projectId + "-rationale", "客数と事故件数は目標を達成したが、貸出件数は目標に届かなかった。");
            new Select(ube.find("#evaluation-" + projectId + "-policy")).selectByValue("IMPROVE");
            ube.fill("#evaluation-" + projectId + "-policyRationale", "貸出拠点を駅前に増やし、平日の利用を促す。");
            ube.find("#evaluation-" + projectId + " form").submit();
            assertThat(ube.waitForText("#evaluation-" + projectId + " .notice", "保存しました")).contains("保存しました");
            assertThat(ube.find("#project-" + projectId + " .evaluations").getText()).contains("地方創生に効果があった")
                    .contains("改善").contains("貸出拠点を駅前に増やし");
            assertNoCodes(ube);
            ube.screenshot("journey-5-evaluation");
            ube.script("document.getElementById(arguments[0]).scrollIntoView();", "project-" + projectId);
            ube.screenshot("journey-5-member-year");

            // the report: submitted, published, checkpointed, printed as 第1版
            ube.open("/reports/35202/2024");
            ube.find("#submission button").click();
            assertThat(ube.waitForText("#report-state", "審査中")).contains("審査中");
            ube.fill("#publication-reason", "令和6年度の効果検証を公表");
            ube.find("#publication button").click();
            assertThat(ube.waitForText("#report-state", "公表済み")).isEqualTo("公表済み");
            JsonNode checkpoint = checkpointOfVersionOne();
            ube.open("/reports/35202/2024");
            assertThat(ube.find("#report-downloads").getText()).contains("第1版");
            assertThat(ube.find("#report-projects").getText()).contains(name).contains("2,000人").contains("2,150人")
                    .contains("240件").contains("195件").contains("10件").contains("9件");
            assertNoCodes(ube);
            ube.screenshot("journey-6-report");

            Path pdf = keep(ube.download("#download-v1-pdf"), "ube-2024-v1.pdf");
            String text = pdfText(pdf);
            assertThat(text.replaceAll("\\s", "")).as("the project's name whole").contains(name.replaceAll("\\s", ""));
            assertThat(text).contains("第1版 公表").contains("令和6年度").contains("12,345,000").contains("6,172,000")
                    .contains("サイクリング客数").contains("レンタサイクル貸出件数の増加").contains("自転車事故件数")
                    .contains("2,000人").contains("2,150人").contains("240件").contains("195件").contains("10件")
                    .contains("9件").contains("周遊ルート3コースの案内板").contains("貸出拠点を駅前に増やし")
                    .contains("事業の改善").contains("位置 " + checkpoint.get("position").asLong())
                    .contains(checkpoint.get("hash").asText());
            assertNoCodes(text);

            Path xlsx = keep(ube.download("#download-v1-xlsx"), "ube-2024-v1.xlsx");
            try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                Sheet printed = workbook.getSheet("令和6年度");
                assertThat(printed.getPrintSetup().getLandscape()).isTrue();
                assertThat(printed.getFitToPage()).isTrue();
                assertThat(printed.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(printed.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(printed.getRepeatingRows()).isNotNull();
                Row project = rowStartingWith(printed, 1, name);
                assertThat(project.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(project.getCell(3).getNumericCellValue()).isEqualTo(12_345_000d);
                assertThat(project.getCell(3).getCellStyle().getDataFormatString()).contains("#,##0").contains("▲");
                assertThat(project.getCell(4).getNumericCellValue()).isEqualTo(6_172_000d);
                Row accidents = rowStartingWith(printed, 5, "自転車事故件数");
                assertThat(accidents.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(accidents.getCell(6).getNumericCellValue()).isEqualTo(10d);
                assertThat(accidents.getCell(7).getNumericCellValue()).isEqualTo(9d);
                assertThat(accidents.getCell(7).getCellStyle().getDataFormatString()).contains("#,##0").contains("▲");
                assertThat(rowStartingWith(printed, 5, "サイクリング客数").getCell(7).getNumericCellValue())
                        .isEqualTo(2_150d);
            }

            // a correction after 第1版: the current report has it, 第1版 does not
            ube.open("/members/35202?year=2024");
            openDetail(ube, projectId);
            String actual = "#actual-" + projectId + "-" + kpis.get(0);
            ube.find(actual + " summary").click();
            ube.fill(actual + "-value", "2,215");
            ube.fill(actual + "-reason", "集計漏れの1日分を加算");
            ube.find(actual + " form").submit();
            assertThat(ube.waitForText(actual + " .notice", "保存しました")).contains("保存しました");
            ube.open("/reports/35202/2024");
            assertThat(ube.find("#report-status").getText()).contains("第1版");
            String firstAgain = pdfText(ube.download("#download-v1-pdf"));
            Path currentPdf = keep(ube.download("#download-current-pdf"), "ube-2024-current.pdf");
            String current = pdfText(currentPdf);
            assertThat(firstAgain).contains("2,150人").doesNotContain("2,215人").contains("第1版 公表");
            assertThat(current).contains("2,215人").doesNotContain("2,150人").contains("最新の公表版は第1版");
            assertNoCodes(ube);
            ube.screenshot("journey-7-report-corrected");
        }
    }

    /** The input sheet as the clerk fills it in Excel: targets, actuals, 状態 and 出典 of R6, and the 交付実績. */
    private static Path fillInputSheet(Path downloaded, String projectName) throws IOException {
        Map<String, Object[]> figures = Map.of(
                "サイクリング客数", new Object[]{2000, 2150, "確定", "観光動態調査"},
                "レンタサイクル貸出件数の増加", new Object[]{240, 195, "速報", "貸出台帳"},
                "自転車事故件数", new Object[]{10, 9, "確定", "宇部警察署"});
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(downloaded))) {
            Sheet sheet = workbook.getSheet("目標値・実績値");
            int rows = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || !projectName.equals(row.getCell(3).getStringCellValue())) {
                    continue;
                }
                Object[] values = figures.get(row.getCell(4).getStringCellValue());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo("令和6年度");
                row.getCell(6, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue((Integer) values[0]);
                row.getCell(7, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue((Integer) values[1]);
                row.getCell(8, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue((String) values[2]);
                row.getCell(9, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue((String) values[3]);
                rows++;
            }
            assertThat(rows).as("the sheet's rows of " + projectName).isEqualTo(3);
            Sheet costs = workbook.getSheet("事業費");
            Row cost = rowStartingWith(costs, 2, projectName);
            assertThat(cost.getCell(3).getNumericCellValue()).isEqualTo(12_345_000d);
            cost.getCell(4, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(6_172_000);
            cost.getCell(5, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("交付額の確定");
            // saved under its own name, as Excel does, in a folder of the clerk's
            Path filled = Files.createTempDirectory("excel").resolve(downloaded.getFileName().toString());
            try (var out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
            return filled;
        }
    }

    /** The checkpoint of 宇部市 R6 第1版, once the hash chain has passed the publication (a few seconds later). */
    private static JsonNode checkpointOfVersionOne() {
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await("the publication's checkpoint").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode checkpoint = api.get("auditor", "/api/reports/35202/2024/versions").get("versions").get(0)
                    .path("checkpoint");
            assertThat(checkpoint.path("hash").asText()).hasSize(64);
            found.add(checkpoint);
        });
        return found.get(found.size() - 1);
    }

    /** Keeps a downloaded file under target/print, for a person to look at. */
    private static Path keep(Path downloaded, String name) throws IOException {
        Path out = Path.of("target", "print");
        Files.createDirectories(out);
        return Files.copy(downloaded, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The PDF's text with its line breaks removed, so that a name wrapped in its cell reads whole. */
    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\R", "");
        }
    }

    private static Row rowStartingWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(text)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + sheet.getSheetName() + " starts with " + text + " in column " + column);
    }

    private static void defineKpi(Browser ube, String name, String unit, String direction, String measure,
                                  String baseline, String baselineYear, String finalTarget) {
        ube.fill("#kpi-new-name", name);
        ube.fill("#kpi-new-unit", unit);
        ube.find("#kpi-new-direction-" + direction).click();
        ube.find("#kpi-new-measure-" + measure).click();
        ube.fill("#kpi-new-baseline", baseline);
        new Select(ube.find("#kpi-new-baselineFiscalYear")).selectByValue(baselineYear);
        ube.fill("#kpi-new-finalTarget", finalTarget);
        ube.find("#kpi-new form").submit();
        ube.waitForText("#kpi-list", name);
    }

    /** Opens a project's detail on the member page (the forms and every year's figures are behind it). */
    static void openDetail(Browser browser, String projectId) {
        var detail = browser.find("#project-" + projectId + " > details.project-detail");
        if (detail.getAttribute("open") == null) {
            browser.find("#project-" + projectId + " > details.project-detail > summary").click();
        }
    }

    /** The page's whole text (the hidden parts too) names no enum code in Japanese mode. */
    private static void assertNoCodes(Browser browser) {
        assertNoCodes((String) browser.script("return document.body.textContent;"), browser.driver().getCurrentUrl());
    }

    /** A printed text names no enum code. */
    private static void assertNoCodes(String text) {
        assertNoCodes(text, "the printed report");
    }

    private static void assertNoCodes(String text, String where) {
        List<String> found = new ArrayList<>();
        for (String code : CODES) {
            if (Pattern.compile("\\b" + code + "\\b").matcher(text).find()) {
                found.add(code);
            }
        }
        assertThat(found).as("English codes on " + where).isEmpty();
    }
}
