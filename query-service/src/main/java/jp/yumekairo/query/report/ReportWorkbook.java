package jp.yumekairo.query.report;

import jp.yumekairo.query.web.Spreadsheets;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The printed 効果検証 as an Excel workbook in the published tables' layout: A4 landscape, one page wide, the
 * heading row repeated on every page, borders, wrapped text, figures as numbers ({@code #,##0;▲#,##0}, a KPI's
 * own decimals and unit in its number format), and the edition with its checkpoint in the page footer.
 */
final class ReportWorkbook {

    /** The table's columns: the published ones, with the 達成 mark beside 実績値 in a column of its own. */
    static final List<String> HEADINGS = List.of("No", "事業の名称", "事業実績", "総事業費(円)", "交付実績(円)",
            "本事業における重要業績評価指標(KPI)", "目標値", "実績値", "達成", "事業効果", "今後の方針");
    static final String MONEY = "#,##0;▲#,##0";
    static final int HEADING_ROW = 2;

    /** Column widths in characters (a kanji is two). */
    private static final int[] WIDTHS = {5, 30, 44, 14, 14, 34, 12, 13, 7, 34, 34};
    private static final float LINE = 12.5f;

    private final Workbook workbook = Spreadsheets.workbook();
    private final Sheet sheet;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Map<String, Font> fonts = new HashMap<>();
    private int next;

    private ReportWorkbook(PrintedReport report) {
        sheet = workbook.createSheet(report.fiscalYearJa());
    }

    static Workbook of(PrintedReport report) {
        ReportWorkbook book = new ReportWorkbook(report);
        book.write(report);
        return book.workbook;
    }

    private void write(PrintedReport report) {
        Row title = sheet.createRow(next++);
        text(title, 0, report.title(), style("title"));
        title.setHeightInPoints(20);
        // the edition and its checkpoint at the top too, where a reader of the sheet sees them first
        text(sheet.createRow(next++), 0, String.join("　", report.footer().subList(0,
                Math.min(2, report.footer().size()))), style("plain"));
        Row heading = sheet.createRow(next++);
        for (int column = 0; column < HEADINGS.size(); column++) {
            text(heading, column, HEADINGS.get(column), style("heading"));
        }
        heading.setHeightInPoints(2 * LINE + 4);
        for (PrintedReport.Project project : report.projects()) {
            project(project);
        }
        Row total = sheet.createRow(next++);
        for (int column = 0; column < HEADINGS.size(); column++) {
            text(total, column, "", style("total"));
        }
        text(total, 1, PrintedReport.TOTAL, style("total"));
        number(total, 3, report.totalCost(), style("totalMoney"));
        number(total, 4, report.grantAmount(), style("totalMoney"));
        if (report.grantAmountIncomplete()) {
            text(total, 5, "交付実績の合計は不完全です" + PrintedReport.INCOMPLETE_TOTAL, style("total"));
        }
        next++;
        for (String line : report.footer()) {
            text(sheet.createRow(next++), 0, line, style("plain"));
        }
        layout(report);
    }

    private void project(PrintedReport.Project project) {
        int first = next;
        int span = project.span();
        String name = project.name() + "\n" + project.scopeLabel() + " " + project.period()
                + (project.department().isEmpty() ? "" : "\n" + project.department());
        StringBuilder effect = new StringBuilder(project.effect().isEmpty() ? "—" : project.effect());
        if (!project.rationale().isEmpty()) {
            effect.append("\n【").append(PrintedReport.RATIONALE).append("】\n").append(project.rationale());
        }
        if (!project.suggestedEffect().isEmpty()) {
            effect.append("\n【").append(PrintedReport.SUGGESTED).append("】\n").append(project.suggestedEffect());
        }
        StringBuilder policy = new StringBuilder(project.policy().isEmpty() ? "—" : project.policy());
        if (!project.policyRationale().isEmpty()) {
            policy.append("\n【").append(PrintedReport.POLICY_RATIONALE).append("】\n").append(project.policyRationale());
        }
        for (int i = 0; i < span; i++) {
            Row row = sheet.createRow(next++);
            for (int column = 0; column < HEADINGS.size(); column++) {
                text(row, column, "", style("cell"));
            }
            PrintedReport.Kpi kpi = project.kpis().isEmpty() ? null : project.kpis().get(i);
            if (i == 0) {
                number(row, 0, (long) project.no(), style("center"));
                text(row, 1, name, style("cell"));
                text(row, 2, project.activities(), style("cell"));
                number(row, 3, project.totalCost(), style("money"));
                if (project.grantAmount() != null || project.grantAmountText() == null) {
                    number(row, 4, project.grantAmount(), style("money"));
                } else {
                    text(row, 4, project.grantAmountText(), style("right"));
                }
                text(row, 9, effect.toString(), style("cell"));
                text(row, 10, policy.toString(), style("cell"));
            }
            if (kpi == null) {
                text(row, 5, "—", style("cell"));
                continue;
            }
            text(row, 5, kpi.name(), style("cell"));
            figure(row, 6, kpi.target(), kpi.targetText(), kpi.unit());
            figure(row, 7, kpi.actual(), kpi.actualText(), kpi.unit());
            text(row, 8, kpi.checkText().isEmpty() ? kpi.reached()
                    : (kpi.reached() + "\n" + kpi.checkText()).strip(), style(kpi.checkText().isEmpty() ? "center" : "cell"));
        }
        if (span > 1) {
            for (int column : new int[]{0, 1, 2, 3, 4, 9, 10}) {
                merge(first, next - 1, column, column);
            }
        }
        // row heights: Excel does not fit merged cells; the tallest of the project's texts sets them
        float needed = LINE * Math.max(lines(name, WIDTHS[1]), Math.max(lines(project.activities(), WIDTHS[2]),
                Math.max(lines(effect.toString(), WIDTHS[9]), lines(policy.toString(), WIDTHS[10]))));
        float kpiLines = 0;
        for (int i = first; i < next; i++) {
            PrintedReport.Kpi kpi = project.kpis().isEmpty() ? null : project.kpis().get(i - first);
            kpiLines += LINE * Math.max(1, kpi == null ? 1 : lines(kpi.name(), WIDTHS[5]));
        }
        float extra = Math.max(0, needed - kpiLines) / span;
        for (int i = first; i < next; i++) {
            PrintedReport.Kpi kpi = project.kpis().isEmpty() ? null : project.kpis().get(i - first);
            float own = LINE * Math.max(1, kpi == null ? 1 : lines(kpi.name(), WIDTHS[5]));
            sheet.getRow(i).setHeightInPoints(Math.min(409, own + extra + 3));
        }
        if (project.hasReview()) {
            Row labels = sheet.createRow(next++);
            Row texts = sheet.createRow(next++);
            int[][] parts = {{0, 4}, {5, 7}, {8, 10}};
            String[] headings = {PrintedReport.SITUATION, PrintedReport.OBSTACLES, PrintedReport.REVISIONS};
            String[] values = {project.situation(), project.obstacles(), project.revisions()};
            float height = LINE;
            for (int part = 0; part < 3; part++) {
                for (int column = parts[part][0]; column <= parts[part][1]; column++) {
                    text(labels, column, "", style("review"));
                    text(texts, column, "", style("cell"));
                }
                text(labels, parts[part][0], headings[part], style("review"));
                text(texts, parts[part][0], values[part], style("cell"));
                merge(labels.getRowNum(), labels.getRowNum(), parts[part][0], parts[part][1]);
                merge(texts.getRowNum(), texts.getRowNum(), parts[part][0], parts[part][1]);
                int width = 0;
                for (int column = parts[part][0]; column <= parts[part][1]; column++) {
                    width += WIDTHS[column];
                }
                height = Math.max(height, LINE * lines(values[part], width));
            }
            labels.setHeightInPoints(LINE + 4);
            texts.setHeightInPoints(Math.min(409, height + 4));
        }
    }

    private void layout(PrintedReport report) {
        for (int column = 0; column < WIDTHS.length; column++) {
            sheet.setColumnWidth(column, WIDTHS[column] * 256 + 200);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, 0.3);
        sheet.setMargin(Sheet.RightMargin, 0.3);
        sheet.setMargin(Sheet.TopMargin, 0.4);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setMargin(Sheet.FooterMargin, 0.2);
        sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, -1, -1));
        sheet.createFreezePane(0, HEADING_ROW + 1);
        String footer = String.join("　", report.footer().subList(0, Math.min(2, report.footer().size())));
        // Excel keeps at most 255 characters of a footer; & starts a footer code
        sheet.getFooter().setLeft("&8" + footer.replace("&", "&&"));
        sheet.getFooter().setRight("&8&P / &N ページ");
        workbook.setSheetName(0, report.fiscalYearJa());
    }

    private void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        CellRangeAddress range = new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn);
        sheet.addMergedRegion(range);
        RegionUtil.setBorderTop(BorderStyle.THIN, range, sheet);
        RegionUtil.setBorderBottom(BorderStyle.THIN, range, sheet);
        RegionUtil.setBorderLeft(BorderStyle.THIN, range, sheet);
        RegionUtil.setBorderRight(BorderStyle.THIN, range, sheet);
    }

    /** A KPI's figure: a number in the KPI's own decimals and unit, or the text (確認中, —) when there is none. */
    private void figure(Row row, int column, BigDecimal value, String text, String unit) {
        if (value == null) {
            text(row, column, text, style("right"));
            return;
        }
        int scale = Math.max(0, value.scale());
        String digits = scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
        String suffix = unit.isEmpty() ? "" : "\"" + unit.replace("\"", "") + "\"";
        String format = digits + suffix + ";▲" + digits + suffix;
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(numberStyle(format, false));
    }

    private void number(Row row, int column, Long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        boolean formulaLike = value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        cell.setCellStyle(formulaLike ? quoted(style) : style);
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(value);
        }
    }

    /** The same style, quote-prefixed: a name that looks like a formula stays text when edited in Excel. */
    private CellStyle quoted(CellStyle style) {
        return styles.computeIfAbsent("quoted-" + style.getIndex(), key -> {
            CellStyle quoted = workbook.createCellStyle();
            quoted.cloneStyleFrom(style);
            quoted.setQuotePrefixed(true);
            return quoted;
        });
    }

    private CellStyle numberStyle(String format, boolean total) {
        return styles.computeIfAbsent("number-" + total + "-" + format, key -> {
            CellStyle style = bordered();
            style.setAlignment(HorizontalAlignment.RIGHT);
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            if (total) {
                style.setFont(font(true, 9));
                style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return style;
        });
    }

    private CellStyle style(String name) {
        return switch (name) {
            case "money" -> numberStyle(MONEY, false);
            case "totalMoney" -> numberStyle(MONEY, true);
            default -> styles.computeIfAbsent(name, key -> {
                CellStyle style = bordered();
                switch (key) {
                    case "title" -> {
                        style = workbook.createCellStyle();
                        style.setFont(font(true, 14));
                    }
                    case "plain" -> {
                        style = workbook.createCellStyle();
                        style.setFont(font(false, 9));
                    }
                    case "heading", "review" -> {
                        style.setFont(font(true, 9));
                        style.setFillForegroundColor(key.equals("heading") ? IndexedColors.PALE_BLUE.getIndex()
                                : IndexedColors.GREY_25_PERCENT.getIndex());
                        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                        style.setAlignment(key.equals("heading") ? HorizontalAlignment.CENTER : HorizontalAlignment.LEFT);
                        style.setVerticalAlignment(VerticalAlignment.CENTER);
                    }
                    case "total" -> {
                        style.setFont(font(true, 9));
                        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    }
                    case "center" -> style.setAlignment(HorizontalAlignment.CENTER);
                    case "right" -> style.setAlignment(HorizontalAlignment.RIGHT);
                    default -> {
                    }
                }
                return style;
            });
        };
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setFont(font(false, 9));
        return style;
    }

    private Font font(boolean bold, int points) {
        return fonts.computeIfAbsent(bold + "-" + points, key -> {
            Font font = workbook.createFont();
            font.setFontName("游ゴシック");
            font.setBold(bold);
            font.setFontHeightInPoints((short) points);
            return font;
        });
    }

    /** How many lines a text takes in a column {@code width} characters wide (a kanji counts two). */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int columns = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                columns += paragraph.charAt(i) < 0x2000 ? 1 : 2;
            }
            lines += Math.max(1, (columns + width - 2) / (width - 1));
        }
        return lines;
    }
}
