package jp.yumekairo.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonCreator.Mode;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * 年度: a Japanese fiscal year from April 1 to March 31, named by the Western year it starts in
 * (2022 = 令和4年度). Appears in JSON as that year, e.g. {@code 2022}.
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

    public static final int EARLIEST = 1900;
    public static final int LATEST = 2100;

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
     * The era a fiscal year is named in: the one in force at its end, so FY2019 is 令和元年度 and
     * FY1989 is 平成元年度, as the municipal documents name them.
     */
    public JapaneseEra era() {
        return JapaneseDate.from(lastDay()).getEra();
    }

    /** The year within {@link #era()}, 1 for the era's first (partial) fiscal year. */
    public int yearOfEra() {
        return startYear - JapaneseChronology.INSTANCE.prolepticYear(era(), 1) + 1;
    }

    /** 令和4年度, with 元 for the first year of an era. */
    public String toJapanese() {
        int year = yearOfEra();
        return era().getDisplayName(TextStyle.FULL, Locale.JAPANESE) + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }

    /** R4: the short form the source tables use. */
    public String toShortJapanese() {
        return era().getDisplayName(TextStyle.NARROW, Locale.ENGLISH) + yearOfEra();
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
