package jp.yumekairo.command.project;

import jp.yumekairo.command.web.PlainText;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.FigureText;
import jp.yumekairo.events.Figures;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tables of a sheet of targets, actuals and costs as the members' spreadsheets hold them: the .xlsx input
 * sheet the query service hands out (filled in Excel), or a CSV in UTF-8 (with or without a byte-order mark) or
 * Shift_JIS (CP932, what Excel in Japan writes; a file that is not valid UTF-8 is read as CP932). Each table is
 * recognised by its headings (English or Japanese): one with 総事業費 holds costs, one with 目標値, 実績値 or 状態
 * holds KPI figures. Reading never stores anything and understands no ids: it only finds the columns and cuts
 * the rows into cells; {@link FigureImport} says what each row means and explains every bad one.
 */
final class FigureSheet {

    /** The most rows (KPI and cost rows together) one file may have. */
    static final int MAX_ROWS = 5_000;

    /** What a table holds. */
    enum Kind { KPI_FIGURES, COSTS }

    /** A cell or row that cannot be used, and why, in Japanese: the sheet (null in a CSV), 行番号 and 列. */
    record BadRow(String sheet, int line, String column, String problem) {
    }

    /** One row of a table: its line (1 = the heading row's line when the headings are on the first line). */
    record Line(int line, Map<String, String> cells) {

        String cell(String field) {
            return cells.getOrDefault(field, "");
        }

        boolean blank() {
            return cells.values().stream().allMatch(String::isEmpty);
        }
    }

    /**
     * A table: its sheet (null in a CSV), what it holds, the heading of each known column as the file writes it,
     * whether its costs are in 千円, and its rows.
     */
    record Table(String sheet, Kind kind, Map<String, String> headings, boolean thousandYen, List<Line> lines) {

        /** The column's heading as the file writes it, or its Japanese name where the file has no such column. */
        String heading(String field) {
            return headings.getOrDefault(field, LABELS.getOrDefault(field, field));
        }
    }

    record Reading(String format, List<Table> tables, List<BadRow> bad) {

        int rows() {
            return tables.stream().mapToInt(table -> table.lines().size()).sum();
        }
    }

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        heading("projectId", "projectid", "事業id", "事業コード");
        heading("kpiId", "kpiid", "kpiコード");
        heading("projectName", "projectname", "事業の名称", "事業名", "事業名称", "事業");
        heading("kpiName", "kpiname", "kpi", "kpi名", "kpiの名称", "指標", "指標名", "重要業績評価指標(kpi)");
        heading("unit", "unit", "単位");
        heading("fiscalYear", "fiscalyear", "年度");
        heading("target", "target", "目標値");
        heading("actual", "actual", "実績値");
        heading("status", "status", "状態");
        heading("source", "source", "出典");
        heading("note", "note", "備考");
        heading("reason", "reason", "理由", "修正理由");
        heading("totalCost", "totalcost", "総事業費", "総事業費(円)");
        heading("grantAmount", "grantamount", "交付実績", "交付実績(円)", "交付実績額");
        heading("totalCostThousand", "総事業費(千円)");
        heading("grantAmountThousand", "交付実績(千円)", "交付実績額(千円)");
        // an .xlsx of at most the request size limit unpacks to far less; a bigger entry is a ZIP bomb
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("projectId", "事業ID"),
            Map.entry("kpiId", "KPI ID"), Map.entry("projectName", "事業の名称"), Map.entry("kpiName", "KPI"),
            Map.entry("unit", "単位"), Map.entry("fiscalYear", "年度"), Map.entry("target", "目標値"),
            Map.entry("actual", "実績値"), Map.entry("status", "状態"), Map.entry("source", "出典"),
            Map.entry("note", "備考"), Map.entry("reason", "修正理由"), Map.entry("totalCost", "総事業費"),
            Map.entry("grantAmount", "交付実績"));
    private static final Set<String> KPI_COLUMNS = Set.of("target", "actual", "status");
    /** A dash as the reports write 該当なし: hyphen, katakana long mark, full-width hyphen, dashes. */
    private static final Pattern DASH = Pattern.compile("[-ー－―‐−—]");

    private FigureSheet() {
    }

    private static void heading(String field, String... names) {
        for (String name : names) {
            HEADINGS.put(name, field);
        }
    }

    /** True for the bytes of an .xlsx (a ZIP archive). */
    static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static Reading read(byte[] bytes) {
        return isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes);
    }

    private static Reading readCsv(byte[] bytes) {
        String charset;
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            charset = "UTF-8";
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                charset = "UTF-8";
            } catch (CharacterCodingException notUtf8) {
                text = new String(bytes, CP932);
                charset = "Shift_JIS (CP932)";
            }
        }
        String format = "CSV (" + charset + ")";
        List<BadRow> bad = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (rows.size() > MAX_ROWS) {
                    bad.add(tooMany(null));
                    return new Reading(format, List.of(), bad);
                }
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                rows.add(cells);
                lines.add((int) record.getRecordNumber());
            }
        } catch (IOException | RuntimeException unreadable) {
            bad.add(new BadRow(null, 0, null, "CSVとして読めません。Excelで「CSV UTF-8」または「CSV (コンマ区切り)」"
                    + "として保存し直してください"));
            return new Reading(format, List.of(), bad);
        }
        if (rows.isEmpty()) {
            bad.add(new BadRow(null, 0, null, "ファイルに行がありません"));
            return new Reading(format, List.of(), bad);
        }
        Table table = table(null, rows, lines, bad);
        return new Reading(format, table == null ? List.of() : List.of(table), bad);
    }

    private static Reading readXlsx(byte[] bytes) {
        String format = "Excel (.xlsx)";
        List<BadRow> bad = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            int total = 0;
            for (Sheet sheet : workbook) {
                total += sheet.getLastRowNum() + 1;
                if (total > MAX_ROWS + workbook.getNumberOfSheets()) {
                    bad.add(tooMany(sheet.getSheetName()));
                    return new Reading(format, List.of(), bad);
                }
            }
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
                        cells.add(text(row.getCell(column)));
                    }
                    if (cells.stream().allMatch(String::isEmpty)) {
                        continue;
                    }
                    rows.add(cells);
                    lines.add(row.getRowNum() + 1);
                }
                if (rows.isEmpty()) {
                    continue;
                }
                Table table = table(sheet.getSheetName(), rows, lines, null);
                if (table != null) {
                    tables.add(table);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            bad.add(new BadRow(null, 0, null, "Excelのファイル (.xlsx) として読めません。Excelで開いて保存し直してください"));
            return new Reading(format, List.of(), bad);
        }
        if (tables.isEmpty()) {
            bad.add(new BadRow(null, 1, null, "どのシートにも見出し行 (事業ID または 事業の名称、年度、目標値・実績値・状態 "
                    + "または 総事業費) がありません"));
        }
        return new Reading(format, tables, bad);
    }

    private static BadRow tooMany(String sheet) {
        return new BadRow(sheet, 0, null, "行が多すぎます (1つのファイルに" + String.format("%,d", MAX_ROWS)
                + "行まで)。ファイルを分けて取り込んでください");
    }

    /**
     * The table whose headings are the first row; null when it has none that this import knows. A CSV must be a
     * table ({@code bad} then says why not); a worksheet that is not one (the sheet's 説明) is passed over.
     */
    private static Table table(String sheetName, List<List<String>> rows, List<Integer> lines, List<BadRow> bad) {
        List<String> headings = rows.get(0);
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (int column = 0; column < headings.size(); column++) {
            String heading = headings.get(column);
            String field = HEADINGS.get(normalise(heading).toLowerCase(Locale.ROOT).replace("_", "").replace(" ", ""));
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, column);
                written.put(field, heading.strip());
            }
        }
        boolean thousandYen = columns.containsKey("totalCostThousand") || columns.containsKey("grantAmountThousand");
        for (String cost : List.of("totalCost", "grantAmount")) {
            if (columns.containsKey(cost + "Thousand")) {
                columns.put(cost, columns.remove(cost + "Thousand"));
                written.put(cost, written.remove(cost + "Thousand"));
            }
        }
        Kind kind = columns.containsKey("totalCost") || columns.containsKey("grantAmount") ? Kind.COSTS
                : columns.keySet().stream().anyMatch(KPI_COLUMNS::contains) ? Kind.KPI_FIGURES : null;
        boolean project = columns.containsKey("projectId") || columns.containsKey("projectName");
        boolean kpi = columns.containsKey("kpiId") || columns.containsKey("kpiName");
        if (kind == null || !project || !columns.containsKey("fiscalYear") || (kind == Kind.KPI_FIGURES && !kpi)) {
            if (bad != null) {
                bad.add(new BadRow(sheetName, lines.get(0), null, "見出し行に必要な列がありません。目標値・実績値は "
                        + "「事業の名称 (または事業ID), KPI (またはKPI ID), 年度, 目標値, 実績値, 状態, 出典, 備考, 修正理由」、"
                        + "事業費は「事業の名称 (または事業ID), 年度, 総事業費(円) または 総事業費(千円), 交付実績(円) または "
                        + "交付実績(千円), 修正理由」を見出しにしてください"));
            }
            return null;
        }
        List<Line> body = new ArrayList<>();
        for (int index = 1; index < rows.size(); index++) {
            List<String> cells = rows.get(index);
            Map<String, String> values = new LinkedHashMap<>();
            columns.forEach((field, column) -> values.put(field, column < cells.size() ? cells.get(column).strip() : ""));
            body.add(new Line(lines.get(index), values));
        }
        return new Table(sheetName, kind, written, thousandYen, body);
    }

    /** A cell as text: numbers exactly as stored (never as a number format rounds them), formulas by their value. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> plain(BigDecimal.valueOf(cell.getNumericCellValue()));
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Text that may go into the log: no control characters. */
    static String checkedText(String text) {
        try {
            return PlainText.check(text);
        } catch (InvalidValueException controlCharacters) {
            throw new IllegalArgumentException("制御文字は使えません");
        }
    }

    /** 2022, 2022年度, R4, 令和4年度, 令和元年度, H30, 昭和63年度 → the Western start year ({@link FiscalYear#parse}). */
    static int fiscalYear(String text) {
        try {
            return FiscalYear.parse(text).startYear();
        } catch (InvalidValueException refused) {
            throw switch (refused.code()) {
                case "fiscal-year-missing" -> new IllegalArgumentException("年度がありません");
                case "fiscal-year-outside-era" -> new IllegalArgumentException("「" + text + "」はその元号の年度ではありません");
                case "fiscal-year-unreadable" -> new IllegalArgumentException("「" + text
                        + "」は年度として読めません (2024、R6、令和6年度 のように書いてください)");
                default -> refused;
            };
        }
    }

    /** True for a lone dash (-, ー, －, ―), which the reports write for 該当なし. */
    static boolean isDash(String text) {
        return DASH.matcher(normalise(text)).matches() || DASH.matcher(text.strip()).matches();
    }

    /** As {@link FigureText#parse} (full-width digits, separators, ▲ or △ for minus), with 円 or %; empty is none. */
    static BigDecimal figure(String text) {
        BigDecimal number;
        try {
            number = FigureText.parse(normalise(text).replace("円", "").replace("%", ""));
        } catch (InvalidValueException notANumber) {
            throw new IllegalArgumentException("「" + text + "」は数値ではありません (数字だけを書いてください。"
                    + "マイナスは ▲ または -)");
        }
        if (number == null) {
            return null;
        }
        try {
            return Figures.requireSane(number, "figure");
        } catch (InvalidValueException outOfRange) {
            throw new IllegalArgumentException("「" + text + "」は桁が多すぎます (整数" + Figures.MAX_INTEGER_DIGITS
                    + "桁、小数" + Figures.MAX_SCALE + "桁まで)");
        }
    }

    /** 速報, 確定, 確認中, 該当なし ({@link ActualStatus}' labels), ー or 対象外, or the API's codes → the code; empty is none. */
    static String status(String text) {
        String status = normalise(text);
        if (status.isEmpty()) {
            return null;
        }
        if (isDash(status) || status.equals("対象外")) {
            return ActualStatus.NOT_APPLICABLE.name();
        }
        for (ActualStatus known : ActualStatus.values()) {
            if (status.equals(known.labelJa()) || status.toUpperCase(Locale.ROOT).equals(known.name())) {
                return known.name();
            }
        }
        throw new IllegalArgumentException("「" + text + "」は状態として読めません (速報、確定、確認中、ー のどれか)");
    }

    static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip();
    }
}
