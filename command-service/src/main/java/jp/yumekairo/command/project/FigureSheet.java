package jp.yumekairo.command.project;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.yumekairo.command.web.PlainText;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV of targets and actuals as the members' spreadsheets save it: one row per project, KPI and fiscal year.
 * UTF-8 with or without a byte-order mark, or Shift_JIS (CP932, what Excel in Japan writes); headers in English
 * or Japanese; fiscal years as 2022, R4 or 令和4年度; figures with full-width digits, thousands separators and
 * ▲ for minus. Reading never stores anything: each row is either understood or explained.
 */
final class FigureSheet {

    /** One understood row: a target, an actual, or both, for a KPI in a fiscal year. */
    record Row(int line, String projectId, String kpiId, int fiscalYear, BigDecimal target, BigDecimal actual,
               String status, String source, String note, String reason) {
    }

    /** A row that could not be understood, and why. */
    record BadRow(int line, String problem) {
    }

    record Reading(String charset, List<Row> rows, List<BadRow> bad) {
    }

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("projectid", "projectId"), Map.entry("事業id", "projectId"), Map.entry("事業コード", "projectId"),
            Map.entry("kpiid", "kpiId"), Map.entry("kpi id", "kpiId"), Map.entry("kpiコード", "kpiId"),
            Map.entry("fiscalyear", "fiscalYear"), Map.entry("年度", "fiscalYear"),
            Map.entry("target", "target"), Map.entry("目標値", "target"),
            Map.entry("actual", "actual"), Map.entry("実績値", "actual"),
            Map.entry("status", "status"), Map.entry("状態", "status"),
            Map.entry("source", "source"), Map.entry("出典", "source"),
            Map.entry("note", "note"), Map.entry("備考", "note"),
            Map.entry("reason", "reason"), Map.entry("理由", "reason"), Map.entry("修正理由", "reason"));
    private static final Map<String, String> STATUSES = Map.of("速報", "PROVISIONAL", "確定", "CONFIRMED",
            "確認中", "PENDING", "ー", "NOT_APPLICABLE", "-", "NOT_APPLICABLE", "対象外", "NOT_APPLICABLE");
    private static final Pattern ERA_YEAR = Pattern.compile("(令和|平成|R|H)(元|\\d{1,2})(年度?)?");
    private static final Pattern WESTERN_YEAR = Pattern.compile("(\\d{4})(年度)?");

    private FigureSheet() {
    }

    static Reading read(byte[] bytes) {
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
        List<Row> rows = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            Map<String, String> columns = new java.util.HashMap<>();
            for (String header : parser.getHeaderNames()) {
                String known = HEADERS.get(normalise(header).toLowerCase(Locale.ROOT).replace("_", ""));
                if (known != null) {
                    columns.put(known, header);
                }
            }
            for (String required : List.of("projectId", "kpiId", "fiscalYear")) {
                if (!columns.containsKey(required)) {
                    bad.add(new BadRow(1, "the header has no " + required + " column (projectId/事業ID, kpiId/KPI ID, "
                            + "fiscalYear/年度, target/目標値, actual/実績値, status/状態, source/出典, note/備考, reason/理由)"));
                    return new Reading(charset, rows, bad);
                }
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                try {
                    rows.add(row(line, record, columns));
                } catch (IllegalArgumentException problem) {
                    bad.add(new BadRow(line, problem.getMessage()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            bad.add(new BadRow(0, "the file is not a CSV this service can read: " + unreadable.getMessage()));
        }
        return new Reading(charset, rows, bad);
    }

    private static Row row(int line, CSVRecord record, Map<String, String> columns) {
        String projectId = cell(record, columns, "projectId");
        String kpiId = cell(record, columns, "kpiId");
        if (projectId.isEmpty() || kpiId.isEmpty()) {
            throw new IllegalArgumentException("projectId and kpiId are required");
        }
        int fiscalYear = fiscalYear(cell(record, columns, "fiscalYear"));
        BigDecimal target = figure(cell(record, columns, "target"), "target");
        BigDecimal actual = figure(cell(record, columns, "actual"), "actual");
        String status = status(cell(record, columns, "status"), actual);
        if (target == null && status == null) {
            throw new IllegalArgumentException("the row has neither a target nor an actual");
        }
        return new Row(line, projectId, kpiId, fiscalYear, target, actual, status, cell(record, columns, "source"),
                cell(record, columns, "note"), cell(record, columns, "reason"));
    }

    private static String cell(CSVRecord record, Map<String, String> columns, String name) {
        String header = columns.get(name);
        if (header == null || !record.isMapped(header) || !record.isSet(header)) {
            return "";
        }
        return PlainText.check(record.get(header).strip());
    }

    /** 2022, 2022年度, R4, 令和4年度, 令和元年度, H30 → the Western start year. */
    static int fiscalYear(String text) {
        String year = normalise(text).replace(" ", "");
        Matcher western = WESTERN_YEAR.matcher(year);
        if (western.matches()) {
            return Integer.parseInt(western.group(1));
        }
        Matcher era = ERA_YEAR.matcher(year.toUpperCase(Locale.ROOT));
        if (era.matches()) {
            JapaneseEra japaneseEra = era.group(1).equals("令和") || era.group(1).equals("R")
                    ? JapaneseEra.REIWA : JapaneseEra.HEISEI;
            int yearOfEra = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
            try {
                return JapaneseDate.of(japaneseEra, yearOfEra, 4, 1).get(ChronoField.YEAR);
            } catch (RuntimeException outOfEra) {
                throw new IllegalArgumentException("'" + text + "' is not a fiscal year of that era");
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a fiscal year (write 2022, R4 or 令和4年度)");
    }

    /** Full-width digits, thousands separators, ▲ or △ for minus; empty is no figure. */
    static BigDecimal figure(String text, String what) {
        String value = normalise(text).replace(",", "").replace(" ", "").replace("円", "").replace("%", "")
                .replace("▲", "-").replace("△", "-").replace("−", "-");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("the " + what + " '" + text + "' is not a number");
        }
    }

    private static String status(String text, BigDecimal actual) {
        String status = normalise(text);
        if (status.isEmpty()) {
            return actual == null ? null : "CONFIRMED";
        }
        String known = STATUSES.get(status);
        if (known != null) {
            return known;
        }
        String upper = status.toUpperCase(Locale.ROOT);
        if (List.of("PROVISIONAL", "CONFIRMED", "PENDING", "NOT_APPLICABLE").contains(upper)) {
            return upper;
        }
        throw new IllegalArgumentException("the status '" + text + "' is not 速報, 確定, 確認中 or ー");
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip();
    }
}
