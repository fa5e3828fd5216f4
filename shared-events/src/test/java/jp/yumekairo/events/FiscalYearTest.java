package jp.yumekairo.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalYearTest {

    @Test
    void westernStartYear_isShownInTheJapaneseEra() {
        assertThat(FiscalYear.of(2022).toJapanese()).isEqualTo("令和4年度");
        assertThat(FiscalYear.of(2024).toJapanese()).isEqualTo("令和6年度");
        assertThat(FiscalYear.of(2022).toShortJapanese()).isEqualTo("R4");
        assertThat(FiscalYear.of(2022).toEnglish()).isEqualTo("FY2022");
    }

    @Test
    void firstYearOfAnEra_isCalledGannen_namedAfterTheEraInForceAtTheYearsEnd() {
        assertThat(FiscalYear.of(2019).toJapanese()).isEqualTo("令和元年度");
        assertThat(FiscalYear.of(2018).toJapanese()).isEqualTo("平成30年度");
        assertThat(FiscalYear.of(1989).toJapanese()).isEqualTo("平成元年度");
    }

    @Test
    void aFiscalYearRunsFromAprilToMarch() {
        assertThat(FiscalYear.containing(LocalDate.of(2023, 3, 31))).isEqualTo(FiscalYear.of(2022));
        assertThat(FiscalYear.containing(LocalDate.of(2023, 4, 1))).isEqualTo(FiscalYear.of(2023));
        assertThat(FiscalYear.of(2022).lastDay()).isEqualTo(LocalDate.of(2023, 3, 31));
    }

    @Test
    void yearsOutsideTheSupportedRange_areRefusedWithACode() {
        assertThatThrownBy(() -> FiscalYear.of(20222))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("fiscal-year-out-of-range"));
    }

    @Test
    void eraOfAFiscalYearChangingInItsFirstMonths_isTheOneOfItsCalendarYearsEnd() {
        assertThat(FiscalYear.of(1988).toJapanese()).isEqualTo("昭和63年度");
        assertThat(FiscalYear.of(1926).toJapanese()).isEqualTo("昭和元年度");
    }

    @Test
    void fiscalYearsAreReadInTheWesternYear() {
        assertThat(FiscalYear.parse("2024")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("2024年度")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("２０２４年度")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse(" FY2024 ")).isEqualTo(FiscalYear.of(2024));
    }

    @Test
    void fiscalYearsAreReadInEveryEra_byNameOrLetter() {
        assertThat(FiscalYear.parse("令和6年度")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("令和６年度")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("令和 6 年度")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("令和6年")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("R6")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("r6")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("Ｒ６")).isEqualTo(FiscalYear.of(2024));
        assertThat(FiscalYear.parse("H30")).isEqualTo(FiscalYear.of(2018));
        assertThat(FiscalYear.parse("平成30年度")).isEqualTo(FiscalYear.of(2018));
        assertThat(FiscalYear.parse("平成元年度")).isEqualTo(FiscalYear.of(1989));
        assertThat(FiscalYear.parse("昭和63年度")).isEqualTo(FiscalYear.of(1988));
        assertThat(FiscalYear.parse("S50")).isEqualTo(FiscalYear.of(1975));
        assertThat(FiscalYear.parse("大正14年度")).isEqualTo(FiscalYear.of(1925));
        assertThat(FiscalYear.parse("T1")).isEqualTo(FiscalYear.of(1912));
        assertThat(FiscalYear.parse("明治33年度")).isEqualTo(FiscalYear.of(1900));
    }

    @Test
    void theYearAnEraChangedIn_isReadInBothEras() {
        assertThat(FiscalYear.parse("令和元年度")).isEqualTo(FiscalYear.of(2019));
        assertThat(FiscalYear.parse("R1")).isEqualTo(FiscalYear.of(2019));
        assertThat(FiscalYear.parse("平成31年度")).isEqualTo(FiscalYear.of(2019));
        assertThat(FiscalYear.parse("H31")).isEqualTo(FiscalYear.of(2019));
    }

    @Test
    void whatFiscalYearWrites_itReads() {
        for (int year = FiscalYear.EARLIEST; year <= 2030; year++) {
            FiscalYear fiscalYear = FiscalYear.of(year);
            assertThat(FiscalYear.parse(fiscalYear.toJapanese())).as(fiscalYear.toJapanese()).isEqualTo(fiscalYear);
            assertThat(FiscalYear.parse(fiscalYear.toShortJapanese())).isEqualTo(fiscalYear);
            assertThat(FiscalYear.parse(fiscalYear.toEnglish())).isEqualTo(fiscalYear);
            assertThat(FiscalYear.parse(fiscalYear.toString())).isEqualTo(fiscalYear);
        }
    }

    @Test
    void unreadableFiscalYears_areRefusedWithACode() {
        assertRefused(null, "fiscal-year-missing");
        assertRefused(" ", "fiscal-year-missing");
        assertRefused("来年度", "fiscal-year-unreadable");
        assertRefused("X6", "fiscal-year-unreadable");
        assertRefused("24", "fiscal-year-unreadable");
        assertRefused("令和六年度", "fiscal-year-unreadable");
        assertRefused("平成32年度", "fiscal-year-outside-era");
        assertRefused("昭和64年度", "fiscal-year-outside-era");
        assertRefused("令和0年度", "fiscal-year-outside-era");
        assertRefused("1899", "fiscal-year-out-of-range");
        assertRefused("明治32年度", "fiscal-year-out-of-range");
    }

    private static void assertRefused(String text, String code) {
        assertThatThrownBy(() -> FiscalYear.parse(text)).as(text)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
