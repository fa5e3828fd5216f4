package jp.yumekairo.query.ui;

import jp.yumekairo.query.web.AsOf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The "as of" of a page: the picker sends a local date-time ({@code 2025-06-30T10:00}), meant in Japan's time; the
 * API's forms (an instant, a date-time with offset, a day) are accepted too. Blank means now.
 */
public final class PageAsOf {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private PageAsOf() {
    }

    public static Instant parse(String asOf) {
        if (asOf != null && asOf.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
            try {
                return LocalDateTime.parse(asOf).atZone(AsOf.JAPAN).toInstant();
            } catch (DateTimeParseException invalid) {
                return AsOf.parse("invalid");
            }
        }
        return AsOf.parse(asOf);
    }

    public static boolean past(Instant at) {
        return !AsOf.LATEST.equals(at);
    }

    /** The value for the picker's {@code datetime-local} input, in Japan's time. */
    public static String pickerValue(Instant at) {
        return past(at) ? PICKER.format(at.atZone(AsOf.JAPAN)) : "";
    }
}
