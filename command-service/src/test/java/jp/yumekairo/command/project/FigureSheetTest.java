package jp.yumekairo.command.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureSheetTest {

    @Test
    void fiscalYear_isReadInEveryEraAndInTheWesternYear() {
        assertThat(FigureSheet.fiscalYear("令和6年度")).isEqualTo(2024);
        assertThat(FigureSheet.fiscalYear("令和元年度")).isEqualTo(2019);
        assertThat(FigureSheet.fiscalYear("Ｈ３０")).isEqualTo(2018);
        assertThat(FigureSheet.fiscalYear("昭和63年度")).isEqualTo(1988);
        assertThat(FigureSheet.fiscalYear("2024年度")).isEqualTo(2024);
    }

    @Test
    void fiscalYear_isRefusedInJapanese() {
        assertThatThrownBy(() -> FigureSheet.fiscalYear("")).hasMessage("年度がありません");
        assertThatThrownBy(() -> FigureSheet.fiscalYear("平成32年度"))
                .hasMessage("「平成32年度」はその元号の年度ではありません");
        assertThatThrownBy(() -> FigureSheet.fiscalYear("来年度"))
                .hasMessage("「来年度」は年度として読めません (2024、R6、令和6年度 のように書いてください)");
    }

    @Test
    void figure_mayCarryItsUnit_andIsRefusedInJapanese() {
        assertThat(FigureSheet.figure("▲１，２００円")).isEqualByComparingTo("-1200");
        assertThat(FigureSheet.figure("38.30%").toPlainString()).isEqualTo("38.3");
        assertThat(FigureSheet.figure(" ")).isNull();
        assertThatThrownBy(() -> FigureSheet.figure("多数")).hasMessageStartingWith("「多数」は数値ではありません");
        assertThatThrownBy(() -> FigureSheet.figure("1234567890123456"))
                .hasMessageStartingWith("「1234567890123456」は桁が多すぎます");
    }

    @Test
    void status_isReadByItsLabelADashOrItsCode() {
        assertThat(FigureSheet.status("速報")).isEqualTo("PROVISIONAL");
        assertThat(FigureSheet.status("確定")).isEqualTo("CONFIRMED");
        assertThat(FigureSheet.status("確認中")).isEqualTo("PENDING");
        assertThat(FigureSheet.status("該当なし")).isEqualTo("NOT_APPLICABLE");
        assertThat(FigureSheet.status("ー")).isEqualTo("NOT_APPLICABLE");
        assertThat(FigureSheet.status("－")).isEqualTo("NOT_APPLICABLE");
        assertThat(FigureSheet.status("対象外")).isEqualTo("NOT_APPLICABLE");
        assertThat(FigureSheet.status("confirmed")).isEqualTo("CONFIRMED");
        assertThat(FigureSheet.status("")).isNull();
        assertThatThrownBy(() -> FigureSheet.status("済")).hasMessageContaining("状態として読めません");
    }
}
