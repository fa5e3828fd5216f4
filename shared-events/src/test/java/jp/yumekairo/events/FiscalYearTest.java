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
}
