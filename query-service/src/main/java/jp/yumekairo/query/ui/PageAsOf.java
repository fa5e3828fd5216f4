package jp.yumekairo.query.ui;

import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "as of" of a page, typed as people write a moment in Japan: 令和6年9月30日, R6.9.30, 2024-09-30 or 2024/09/30,
 * each optionally followed by a time (15:00 or 15:00:30); full-width digits are read too. A day alone means the end
 * of that day, as in the API. The API's own forms (an instant, a date-time with offset) are accepted as well.
 * Blank means now; anything else is refused as {@code invalid-as-of}, never read as now.
 */
public final class PageAsOf {

    /** The form links carry, to the second ({@code 2025-06-30T10:00:00}), meant in Japan's time. */
    private static final DateTimeFormatter LINK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter WESTERN_FIELD = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final String TIME = "(?:[ T]*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?";
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?" + TIME);
    private static final Pattern ERA = Pattern.compile(
            "(令和|平成|昭和|R|H|S)(元|\\d{1,2})[./年](\\d{1,2})[./月](\\d{1,2})日?" + TIME);
    private static final Map<String, JapaneseEra> ERAS = Map.of("令和", JapaneseEra.REIWA, "R", JapaneseEra.REIWA,
            "平成", JapaneseEra.HEISEI, "H", JapaneseEra.HEISEI, "昭和", JapaneseEra.SHOWA, "S", JapaneseEra.SHOWA);

    private PageAsOf() {
    }

    public static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return AsOf.LATEST;
        }
        String text = Normalizer.normalize(asOf, Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Matcher era = ERA.matcher(text);
            if (era.matches()) {
                int yearOfEra = "元".equals(era.group(2)) ? 1 : Integer.parseInt(era.group(2));
                LocalDate day = LocalDate.from(JapaneseDate.of(ERAS.get(era.group(1)), yearOfEra,
                        Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4))));
                return at(day, era, 5);
            }
            Matcher western = WESTERN.matcher(text);
            if (western.matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(western.group(1)), Integer.parseInt(western.group(2)),
                        Integer.parseInt(western.group(3)));
                return at(day, western, 4);
            }
        } catch (DateTimeException notADay) {
            throw invalid();
        }
        return AsOf.parse(asOf.strip());
    }

    /** The day at the time the match names from group {@code hour} on, or the end of that day without one. */
    private static Instant at(LocalDate day, Matcher match, int hour) {
        Instant at = match.group(hour) == null
                ? day.plusDays(1).atStartOfDay(AsOf.JAPAN).toInstant().minusNanos(1000)
                : day.atTime(LocalTime.of(Integer.parseInt(match.group(hour)), Integer.parseInt(match.group(hour + 1)),
                        match.group(hour + 2) == null ? 0 : Integer.parseInt(match.group(hour + 2))))
                        .atZone(AsOf.JAPAN).toInstant();
        return AsOf.parse(at.toString());
    }

    private static QueryRefused invalid() {
        return QueryRefused.invalid("invalid-as-of", "not a moment: write it as 令和6年9月30日 15:00 or 2024-09-30 15:00");
    }

    public static boolean past(Instant at) {
        return !AsOf.LATEST.equals(at);
    }

    /** The value links carry to keep the moment, to the second, in Japan's time; null for now. */
    public static String linkValue(Instant at) {
        return past(at) ? LINK.format(at.atZone(AsOf.JAPAN)) : null;
    }

    /**
     * The picker's text, to the second as the banner shows it: 和暦 in Japanese ({@code 令和6年9月30日 15:00:00}),
     * the western date in English; blank for now.
     */
    public static String fieldValue(Instant at, boolean english) {
        if (!past(at)) {
            return "";
        }
        ZonedDateTime local = at.atZone(AsOf.JAPAN);
        return english ? WESTERN_FIELD.format(local) : Formats.wareki(local);
    }
}
