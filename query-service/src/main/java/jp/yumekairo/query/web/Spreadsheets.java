package jp.yumekairo.query.web;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writing the exports: text always as text (a name that starts with {@code =}, {@code +}, {@code -} or {@code @},
 * full-width or after blanks, never becomes a formula, in .xlsx or in a CSV opened in Excel), figures as numbers,
 * and the download headers.
 */
public final class Spreadsheets {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private Spreadsheets() {
    }

    /**
     * A new workbook whose cell styles are: 1, bold for headings; 2, quote-prefixed for formula-like text; 3 and 4,
     * whole and decimal figures with separators and ▲ for negatives, as the municipal documents print them.
     */
    public static Workbook workbook() {
        Workbook workbook = new XSSFWorkbook();
        CellStyle heading = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        heading.setFont(bold);
        CellStyle quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        CellStyle whole = workbook.createCellStyle();
        whole.setDataFormat(workbook.createDataFormat().getFormat("#,##0;\"▲\"#,##0"));
        CellStyle decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0##;\"▲\"#,##0.0##"));
        return workbook;
    }

    public static void text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        if (value == null) {
            return;
        }
        cell.setCellValue(value);
        if (formulaLike(value)) {
            // shown and kept as typed: Excel never re-reads it as a formula on edit
            cell.setCellStyle(row.getSheet().getWorkbook().getCellStyleAt(2));
        }
    }

    public static void number(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(row.getSheet().getWorkbook().getCellStyleAt(value.stripTrailingZeros().scale() > 0 ? 4 : 3));
        }
    }

    public static void number(Row row, int column, Long value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(row.getSheet().getWorkbook().getCellStyleAt(3));
        }
    }

    public static void headings(Sheet sheet, int rowIndex, String... headings) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < headings.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headings[i]);
            cell.setCellStyle(sheet.getWorkbook().getCellStyleAt(1));
        }
    }

    /** A CSV cell that Excel will not run as a formula: such text gets a leading apostrophe. */
    public static String csvText(String value) {
        if (value == null) {
            return "";
        }
        return formulaLike(value) ? "'" + value : value;
    }

    public static ResponseEntity<byte[]> download(Workbook workbook, String filename) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return download(out.toByteArray(), XLSX, filename);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV with a byte-order mark, so Excel in Japan opens the UTF-8 as UTF-8. */
    public static ResponseEntity<byte[]> downloadCsv(String csv, String filename) {
        byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        return download(body, CSV, filename);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * Text a spreadsheet could read as a formula: starting with = + - @ (or their full-width forms, which Excel
     * in Japan converts), a tab or a line break, also after leading blanks.
     */
    static boolean formulaLike(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("=+-@\t\r\n＝＋－＠".indexOf(c) >= 0) {
                return true;
            }
            if (c != ' ' && c != '\u3000') {
                return false;
            }
        }
        return false;
    }
}
