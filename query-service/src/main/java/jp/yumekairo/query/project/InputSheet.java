package jp.yumekairo.query.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.project.ProjectView.CostView;
import jp.yumekairo.query.project.ProjectView.KpiView;
import jp.yumekairo.query.project.ProjectView.KpiYear;
import jp.yumekairo.query.web.Spreadsheets;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The member's fiscal year as an .xlsx input sheet that the clerk fills in Excel and uploads to the import: one row
 * per KPI of each project the member leads that is running that year, and one row of 総事業費 and 交付実績 per
 * project, with the current figures filled in. Names are shown; the ids the import needs are in hidden columns.
 * The sheets are protected without a password (Excel's 「シート保護の解除」 needs none) so that only the input
 * cells (yellow) can be edited; 状態 is a drop-down list of 速報, 確定, 確認中 and ー.
 */
@Component
class InputSheet {

    static final String FIGURES = "目標値・実績値";
    static final String COSTS = "事業費";
    static final String GUIDE = "説明";
    static final String[] FIGURE_HEADINGS = {"事業ID", "KPI ID", "年度", "事業の名称", "KPI", "単位", "目標値", "実績値",
            "状態", "出典", "備考", "修正理由"};
    static final String[] COST_HEADINGS = {"事業ID", "年度", "事業の名称", "総事業費(円)", "交付実績(円)", "修正理由"};
    static final String[] COST_HEADINGS_THOUSAND_YEN = {"事業ID", "年度", "事業の名称", "総事業費(千円)", "交付実績(千円)",
            "修正理由"};
    static final String[] STATUSES = {"速報", "確定", "確認中", "ー"};
    /** The first input column of each sheet: the columns before it are locked. */
    private static final int FIRST_FIGURE_INPUT = 6;
    private static final int FIRST_COST_INPUT = 3;

    private final ProjectViews views;

    InputSheet(ProjectViews views) {
        this.views = views;
    }

    /** {@code costs=thousand-yen} asks for the costs in 千円; anything else (or nothing) in 円. */
    static boolean thousandYen(String costs) {
        return "thousand-yen".equals(costs);
    }

    /** The projects the member leads (whose editor alone writes them). */
    List<ProjectView> led(MunicipalityCode member, Instant asOf) {
        return views.projectsOf(member, asOf).stream()
                .filter(project -> project.leadMunicipality().equals(member.code())).toList();
    }

    /** The projects the member leads that run in the fiscal year. */
    List<ProjectView> projects(MunicipalityCode member, FiscalYear year, Instant asOf) {
        return led(member, asOf).stream()
                .filter(project -> project.firstFiscalYear() <= year.startYear()
                        && year.startYear() <= project.lastFiscalYear())
                .toList();
    }

    /** The sheet with its costs in 円, or in 千円 (exact, to the yen: 92,710.418) where {@code thousandYen}. */
    ResponseEntity<byte[]> download(MunicipalityCode member, FiscalYear year, boolean thousandYen) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Styles styles = new Styles(workbook);
        List<ProjectView> projects = projects(member, year, Instant.now());
        XSSFSheet figures = workbook.createSheet(FIGURES);
        headings(figures, styles, FIGURE_HEADINGS);
        int index = 1;
        for (ProjectView project : projects) {
            for (KpiView kpi : project.kpis()) {
                KpiYear figure = kpi.years().stream().filter(y -> y.fiscalYear() == year.startYear()).findFirst()
                        .orElse(null);
                Row row = figures.createRow(index++);
                text(row, 0, project.projectId(), styles.locked);
                text(row, 1, kpi.kpiId(), styles.locked);
                text(row, 2, year.toJapanese(), styles.locked);
                text(row, 3, project.name(), styles.locked);
                text(row, 4, kpi.name(), styles.locked);
                text(row, 5, kpi.unit(), styles.locked);
                boolean notApplicable = figure != null && "NOT_APPLICABLE".equals(figure.status());
                number(row, 6, figure == null ? null : figure.target(), styles.input);
                if (notApplicable) {
                    text(row, 7, "ー", styles.input);
                } else {
                    number(row, 7, figure == null ? null : figure.actual(), styles.input);
                }
                text(row, 8, figure == null || figure.status() == null ? null
                        : notApplicable ? "ー" : figure.statusJa(), styles.input);
                text(row, 9, figure == null ? null : figure.source(), styles.input);
                text(row, 10, figure == null ? null : figure.note(), styles.input);
                text(row, 11, null, styles.input);
            }
        }
        int lastFigureRow = Math.max(index - 1, 1);
        statusList(figures, lastFigureRow);
        finish(figures, lastFigureRow, FIGURE_HEADINGS.length, new int[]{12, 12, 12, 40, 36, 8, 14, 14, 10, 24, 24, 24},
                2);

        XSSFSheet costs = workbook.createSheet(COSTS);
        headings(costs, styles, thousandYen ? COST_HEADINGS_THOUSAND_YEN : COST_HEADINGS);
        index = 1;
        for (ProjectView project : projects) {
            CostView cost = project.costs().stream().filter(c -> c.fiscalYear() == year.startYear()).findFirst()
                    .orElse(null);
            Row row = costs.createRow(index++);
            text(row, 0, project.projectId(), styles.locked);
            text(row, 1, year.toJapanese(), styles.locked);
            text(row, 2, project.name(), styles.locked);
            Long total = cost == null ? null : cost.totalCost();
            Long grant = cost == null ? null : cost.grantAmount();
            number(row, 3, amount(total, thousandYen), thousandYen ? styles.thousandYen : styles.yen);
            number(row, 4, amount(grant, thousandYen), thousandYen ? styles.thousandYen : styles.yen);
            text(row, 5, null, styles.input);
        }
        finish(costs, Math.max(index - 1, 1), COST_HEADINGS.length, new int[]{12, 12, 40, 16, 16, 24}, 1);

        XSSFSheet guide = workbook.createSheet(GUIDE);
        List<String> lines = new ArrayList<>(List.of(
                member.nameJa() + " " + year.toJapanese() + " 目標値・実績値・事業費 入力シート",
                "",
                "1. 黄色のセルだけを入力してください。ほかのセルは保護されています (パスワードはありません)。",
                "2. 「" + FIGURES + "」: 目標値・実績値はKPIの単位のまま書いてください (換算はしません)。",
                "   状態は 速報・確定・確認中・ー から選びます。実績値が空欄で状態が空欄の行は実績値を記録しません。",
                "   該当なしは 実績値に「ー」、状態に「ー」。出典・備考は実績値 (または状態 確認中・ー) とともに記録されます。",
                "3. 「" + COSTS + "」: 総事業費・交付実績は見出しの単位 (" + (thousandYen ? "千円" : "円")
                        + ") で書きます。交付実績が不明なら空欄にしてください。",
                "4. 登録済みの値を変える行には「修正理由」を書いてください。",
                "5. 保存したら、市町のページの「取り込む」から、まず「試しに読み込む」で変わる項目を確かめてください。",
                "   誤りのある行があれば、すべての行番号と列が示され、何も保存されません。"));
        for (int i = 0; i < lines.size(); i++) {
            text(guide.createRow(i), 0, lines.get(i), i == 0 ? styles.heading : null);
        }
        guide.setColumnWidth(0, 110 * 256);
        workbook.setActiveSheet(0);
        return Spreadsheets.download(workbook, member.nameJa() + "_" + year.toJapanese() + "_入力シート.xlsx");
    }

    private static BigDecimal amount(Long yen, boolean thousandYen) {
        if (yen == null) {
            return null;
        }
        return thousandYen ? BigDecimal.valueOf(yen).movePointLeft(3) : BigDecimal.valueOf(yen);
    }

    private static void headings(XSSFSheet sheet, Styles styles, String[] headings) {
        Row row = sheet.createRow(0);
        for (int column = 0; column < headings.length; column++) {
            text(row, column, headings[column], styles.heading);
        }
    }

    private static void statusList(XSSFSheet sheet, int lastRow) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint list = helper.createExplicitListConstraint(STATUSES);
        DataValidation validation = helper.createValidation(list, new CellRangeAddressList(1, lastRow, 8, 8));
        validation.setShowErrorBox(true);
        validation.createErrorBox("状態", "状態は 速報・確定・確認中・ー から選んでください");
        validation.setEmptyCellAllowed(true);
        // XSSF reads this backwards: true shows the drop-down arrow
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static void finish(XSSFSheet sheet, int lastRow, int columns, int[] widths, int hiddenIds) {
        for (int column = 0; column < columns; column++) {
            sheet.setColumnWidth(column, widths[column] * 256);
        }
        for (int column = 0; column < hiddenIds; column++) {
            sheet.setColumnHidden(column, true);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, lastRow, hiddenIds, columns - 1));
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (style != null) {
            cell.setCellStyle(style);
        }
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(value);
        }
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    /** Locked cells (names, ids, year), bold headings, and yellow input cells that the protection leaves open. */
    private static final class Styles {
        final CellStyle heading;
        final CellStyle locked;
        final CellStyle input;
        final CellStyle yen;
        final CellStyle thousandYen;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = bordered(workbook);
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            heading.setWrapText(true);
            locked = bordered(workbook);
            input = bordered(workbook);
            input.setLocked(false);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            yen = workbook.createCellStyle();
            yen.cloneStyleFrom(input);
            yen.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            thousandYen = workbook.createCellStyle();
            thousandYen.cloneStyleFrom(input);
            thousandYen.setDataFormat(workbook.createDataFormat().getFormat("#,##0.###"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
