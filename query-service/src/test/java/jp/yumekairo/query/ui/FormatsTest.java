package jp.yumekairo.query.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures and years as the source documents write them, and as the English pages do. */
class FormatsTest {

    private final Formats formats = new Formats(new ObjectMapper());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void fiscalYears_areInWareki_withTheWesternYearForTheTitle() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);

        assertThat(formats.fiscalYear(2022)).isEqualTo("令和4年度");
        assertThat(formats.fiscalYearWestern(2022)).isEqualTo("2022年度 (2022年4月〜2023年3月)");
        assertThat(formats.year(2010)).isEqualTo("平成22年");
        assertThat(formats.year(2019)).isEqualTo("令和元年");
        assertThat(formats.year(2020)).isEqualTo("令和2年");
    }

    @Test
    void figures_haveThousandsSeparatorsAndUnits_negativesATriangle_unknownADash() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);

        assertThat(formats.number(new BigDecimal("606029"), "人")).isEqualTo("606,029人");
        assertThat(formats.number(new BigDecimal("-974"), "人")).isEqualTo("▲974人");
        assertThat(formats.number(new BigDecimal("38.3"), "%")).isEqualTo("38.3%");
        assertThat(formats.yen(92_710_418L)).isEqualTo("92,710,418円");
        assertThat(formats.number((BigDecimal) null, "件")).isEqualTo("—");
        assertThat(formats.percent(new BigDecimal("0.64"))).isEqualTo("64.0%");
        assertThat(formats.percent(new BigDecimal("-0.2"))).isEqualTo("▲20.0%");
        assertThat(formats.percent(null)).isEqualTo("—");
        assertThat(formats.bar(new BigDecimal("2.037"))).isEqualTo(100);
        assertThat(formats.bar(new BigDecimal("-0.5"))).isZero();
        assertThat(formats.value(Map.of("actual", new BigDecimal("1032000")))).isEqualTo("actual: 1,032,000");
    }

    @Test
    void englishPages_writeFiscalYearsAndNegativesTheirWay() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(formats.fiscalYear(2022)).isEqualTo("FY2022");
        assertThat(formats.year(2020)).isEqualTo("2020");
        assertThat(formats.number(new BigDecimal("-974"), "人")).isEqualTo("−974人");
        assertThat(formats.memberName("35202")).isEqualTo("Ube City");
    }

    @Test
    void times_areShownInJapansTime() {
        assertThat(formats.time(Instant.parse("2026-11-23T21:41:17Z"))).isEqualTo("2026/11/24 06:41:17");
    }

    @Test
    void anUnknownGrant_isShownAsUnknown_neverAsZero() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);

        assertThat(formats.yenOrUnknown(null)).isEqualTo("不明");
        assertThat(formats.yenOrUnknown(46_248_061L)).isEqualTo("46,248,061円");
        assertThat(formats.fiscalYearOption(2024)).isEqualTo("令和6年度 (2024)");
    }

    @Test
    void money_typedInThousandsOfYen_becomesWholeYen_andBlankIsUnknown() {
        assertThat(Forms.yen("totalCost", "92,710", "thousand")).isEqualTo(92_710_000L);
        assertThat(Forms.yen("totalCost", "１２，３４５.６", "thousand")).isEqualTo(12_345_600L);
        assertThat(Forms.yen("totalCost", "92,710,418", "yen")).isEqualTo(92_710_418L);
        assertThat(Forms.yen("grantAmount", " ", "thousand")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Forms.yen("totalCost", "12.5", "yen"))
                .isInstanceOf(Forms.Unreadable.class);
    }
}
