package jp.yumekairo.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write figures, as the source documents do: thousands separators, the unit (人, 円, 件, %), ▲ for a
 * negative figure, "—" for an unknown one, and years in 和暦 ({@code ${@fmt.fiscalYear(2022)}} is 令和4年度) with
 * the Western year for the title attribute. English pages write FY2022 and a minus sign.
 */
@Component("fmt")
public class Formats {

    public static final String UNKNOWN = "—";
    private static final DateTimeFormatter ERA_NAME = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ObjectMapper json;

    Formats(ObjectMapper json) {
        this.json = json;
    }

    private static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** 令和4年度 for 2022 (April 2022 – March 2023); FY2022 in English. */
    public String fiscalYear(Integer year) {
        if (year == null) {
            return UNKNOWN;
        }
        return english() ? FiscalYear.of(year).toEnglish() : FiscalYear.of(year).toJapanese();
    }

    /** The Western form, for the title attribute: 2022年度 (2022-04 – 2023-03). */
    public String fiscalYearWestern(Integer year) {
        if (year == null) {
            return "";
        }
        return english() ? year + "-04 – " + (year + 1) + "-03" : year + "年度 (" + year + "年4月〜" + (year + 1) + "年3月)";
    }

    /** A calendar year (a census, a KGI figure) in 和暦: 令和2年 for 2020; 2020 in English. */
    public String year(Integer year) {
        if (year == null) {
            return UNKNOWN;
        }
        if (english()) {
            return String.valueOf(year);
        }
        return warekiYear(year);
    }

    /** A calendar year in 和暦 whatever the language: 令和2年 for 2020, 令和元年 for 2019 (as the documents write it). */
    public static String warekiYear(int year) {
        JapaneseDate date = JapaneseDate.from(LocalDate.of(year, 12, 31));
        int ofEra = date.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return ERA_NAME.format(date) + (ofEra == 1 ? "元" : String.valueOf(ofEra)) + "年";
    }

    /** 606,029人, ▲974人, 38.3%, "—" when unknown. */
    public String number(BigDecimal value, String unit) {
        if (value == null) {
            return UNKNOWN;
        }
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.JAPAN));
        String digits = format.format(value.abs());
        String sign = value.signum() < 0 ? (english() ? "−" : "▲") : "";
        return sign + digits + (unit == null ? "" : unit);
    }

    public String number(Number value, String unit) {
        if (value == null) {
            return UNKNOWN;
        }
        return number(new BigDecimal(value.toString()), unit);
    }

    /** Yen, as the reports write them: 92,710,418円. */
    public String yen(Long value) {
        return number(value, "円");
    }

    /** A progress ratio (0.6902) as a percentage (69.0%); "—" when undefined. */
    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return UNKNOWN;
        }
        BigDecimal percent = ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.JAPAN));
        return (percent.signum() < 0 ? (english() ? "−" : "▲") : "") + format.format(percent.abs()) + "%";
    }

    /** The value of a {@code <progress max="100">} bar: the ratio in percent, clamped to 0–100. */
    public int bar(BigDecimal ratio) {
        if (ratio == null) {
            return 0;
        }
        int percent = ratio.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).intValue();
        return Math.max(0, Math.min(100, percent));
    }

    /** A moment in 和暦 to the second, as the "as of" picker and its banner show it: 令和6年9月30日 15:00:00. */
    static String wareki(ZonedDateTime local) {
        JapaneseDate date = JapaneseDate.from(local.toLocalDate());
        int ofEra = date.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return ERA_NAME.format(date) + (ofEra == 1 ? "元" : String.valueOf(ofEra)) + "年"
                + local.getMonthValue() + "月" + local.getDayOfMonth() + "日 " + TIME_OF_DAY.format(local);
    }

    /** The moment a past page shows: 和暦 to the second in Japanese, 2024/09/30 15:00:00 in English. */
    public String moment(Instant instant) {
        if (instant == null) {
            return UNKNOWN;
        }
        return english() ? time(instant) : wareki(instant.atZone(AsOf.JAPAN));
    }

    /** An instant in Japan's time: 2026/11/23 21:41:17. */
    public String time(Instant instant) {
        return instant == null ? UNKNOWN : DATE_TIME.format(instant.atZone(AsOf.JAPAN));
    }

    public String time(String instant) {
        if (instant == null || instant.isBlank()) {
            return UNKNOWN;
        }
        try {
            return time(Instant.parse(instant));
        } catch (RuntimeException notAnInstant) {
            return instant;
        }
    }

    /** A member's name by its code: 宇部市 (Ube City in English). */
    public String memberName(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        MunicipalityCode member = MunicipalityCode.of(code);
        return english() ? member.nameEn() : member.nameJa();
    }

    /** A value of a report's field as the diff gives it: a figure, a text, or several named ones; "—" when absent. */
    public String value(Object value) {
        if (value == null) {
            return UNKNOWN;
        }
        if (value instanceof BigDecimal || value instanceof Number) {
            return number(new BigDecimal(value.toString()), null);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            StringBuilder text = new StringBuilder();
            map.forEach((key, inner) -> {
                if (inner != null && !String.valueOf(inner).isEmpty()) {
                    text.append(text.isEmpty() ? "" : " / ").append(key).append(": ").append(value(inner));
                }
            });
            return text.isEmpty() ? UNKNOWN : text.toString();
        }
        return String.valueOf(value);
    }

    /** Yen where the amount may be unknown: 「不明」 (unknown in English) rather than a false 0円. */
    public String yenOrUnknown(Long value) {
        if (value == null) {
            return english() ? "unknown" : "不明";
        }
        return yen(value);
    }

    /** A fiscal year's 和暦 label for a form's select: 令和6年度 (2024). */
    public String fiscalYearOption(Integer year) {
        return fiscalYear(year) + (year == null || english() ? "" : " (" + year + ")");
    }

    /** Data for a chart, as JSON in a data attribute (escaped like any attribute; read by app.js). */
    public String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
