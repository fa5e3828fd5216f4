package jp.yumekairo.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonCreator.Mode;
import com.fasterxml.jackson.annotation.JsonValue;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 年度: a Japanese fiscal year from April 1 to March 31, named by the Western year it starts in
 * (2022 = 令和4年度). Appears in JSON as that year, e.g. {@code 2022}.
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

    public static final int EARLIEST = 1900;
    public static final int LATEST = 2100;

    /**
     * 令和4年度 and R4 of every fiscal year that can be, written once: the era's names come from the locale data,
     * whose look-up showed in the profile of every write and every view.
     */
    private static final String[] JAPANESE = new String[LATEST - EARLIEST + 1];
    private static final String[] SHORT_JAPANESE = new String[LATEST - EARLIEST + 1];

    private static final Pattern WESTERN = Pattern.compile("(?:FY)?(\\d{4})(?:年度)?");
    private static final Pattern ERA_YEAR = Pattern.compile("(\\D+?)(元|\\d{1,2})(?:年度?)?");

    public FiscalYear {
        if (startYear < EARLIEST || startYear > LATEST) {
            throw new InvalidValueException("fiscal-year-out-of-range",
                    "fiscal year " + startYear + " is outside " + EARLIEST + "–" + LATEST);
        }
    }

    @JsonCreator(mode = Mode.DELEGATING)
    public static FiscalYear of(int startYear) {
        return new FiscalYear(startYear);
    }

    /** The fiscal year a calendar day belongs to. */
    public static FiscalYear containing(LocalDate day) {
        return new FiscalYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /**
     * A fiscal year as people write it: 2024, 2024年度, FY2024, 令和6年度, 令和元年度, R6, 平成31年度, H31, 昭和63年度, in
     * any era {@link JapaneseEra} knows (its name or its letter), in full-width digits or not, blanks ignored. An
     * era's year names the fiscal year that starts in that calendar year, so 平成31年度 and 令和元年度 are both
     * FY2019; an era's year that no part of the fiscal year lies in (平成32年度, 昭和64年度) is refused.
     *
     * @throws InvalidValueException {@code fiscal-year-missing} (blank), {@code fiscal-year-unreadable},
     *                               {@code fiscal-year-outside-era} or {@code fiscal-year-out-of-range}
     */
    public static FiscalYear parse(String text) {
        String year = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replace(" ", "").strip()
                .toUpperCase(Locale.ROOT);
        if (year.isEmpty()) {
            throw new InvalidValueException("fiscal-year-missing", "no fiscal year");
        }
        Matcher western = WESTERN.matcher(year);
        if (western.matches()) {
            return new FiscalYear(Integer.parseInt(western.group(1)));
        }
        Matcher eraYear = ERA_YEAR.matcher(year);
        JapaneseEra era = eraYear.matches() ? eraNamed(eraYear.group(1)) : null;
        if (era == null) {
            throw new InvalidValueException("fiscal-year-unreadable", "「" + text + "」 is not a fiscal year");
        }
        int yearOfEra = eraYear.group(2).equals("元") ? 1 : Integer.parseInt(eraYear.group(2));
        int startYear = JapaneseChronology.INSTANCE.prolepticYear(era, 1) + yearOfEra - 1;
        if (yearOfEra < 1 || !overlaps(startYear, era)) {
            throw new InvalidValueException("fiscal-year-outside-era",
                    "「" + text + "」: " + era + " has no year " + yearOfEra);
        }
        return new FiscalYear(startYear);
    }

    /** 令和 or R (any case), 平成 or H, …: every era the JDK knows, by its Japanese name or its letter. */
    private static JapaneseEra eraNamed(String name) {
        for (JapaneseEra era : JapaneseEra.values()) {
            if (name.equals(era.getDisplayName(TextStyle.FULL, Locale.JAPANESE))
                    || name.equals(era.getDisplayName(TextStyle.NARROW, Locale.ENGLISH))) {
                return era;
            }
        }
        return null;
    }

    /**
     * True when the era is in force on the first or the last day of the fiscal year starting in {@code startYear}
     * (no era has begun and ended within one fiscal year).
     */
    private static boolean overlaps(int startYear, JapaneseEra era) {
        try {
            return JapaneseDate.from(LocalDate.of(startYear, 4, 1)).getEra().equals(era)
                    || JapaneseDate.from(LocalDate.of(startYear + 1, 3, 31)).getEra().equals(era);
        } catch (DateTimeException beforeMeiji) {
            return false;
        }
    }

    @JsonValue
    public int startYear() {
        return startYear;
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public FiscalYear next() {
        return new FiscalYear(startYear + 1);
    }

    public boolean isBefore(FiscalYear other) {
        return startYear < other.startYear;
    }

    public boolean isAfter(FiscalYear other) {
        return startYear > other.startYear;
    }

    /**
     * The era a fiscal year is named in: the one in force at the end of the calendar year it starts in, so FY2019
     * is 令和元年度, FY1989 平成元年度 and FY1988 昭和63年度, as the municipal documents name them.
     */
    public JapaneseEra era() {
        return JapaneseDate.from(LocalDate.of(startYear, 12, 31)).getEra();
    }

    /** The year within {@link #era()}, 1 for the era's first (partial) fiscal year. */
    public int yearOfEra() {
        return startYear - JapaneseChronology.INSTANCE.prolepticYear(era(), 1) + 1;
    }

    /** 令和4年度, with 元 for the first year of an era. */
    public String toJapanese() {
        String name = JAPANESE[startYear - EARLIEST];
        if (name == null) {
            int year = yearOfEra();
            name = era().getDisplayName(TextStyle.FULL, Locale.JAPANESE) + (year == 1 ? "元" : Integer.toString(year))
                    + "年度";
            JAPANESE[startYear - EARLIEST] = name; // a race writes the same string twice
        }
        return name;
    }

    /** R4: the short form the source tables use. */
    public String toShortJapanese() {
        String name = SHORT_JAPANESE[startYear - EARLIEST];
        if (name == null) {
            name = era().getDisplayName(TextStyle.NARROW, Locale.ENGLISH) + yearOfEra();
            SHORT_JAPANESE[startYear - EARLIEST] = name;
        }
        return name;
    }

    /** FY2022. */
    public String toEnglish() {
        return "FY" + startYear;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return Integer.toString(startYear);
    }
}
