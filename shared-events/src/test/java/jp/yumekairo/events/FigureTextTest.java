package jp.yumekairo.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureTextTest {

    @Test
    void figuresAreReadAsTheDocumentsWriteThem() {
        assertThat(FigureText.parse("1,234")).isEqualByComparingTo("1234");
        assertThat(FigureText.parse("１２，３４５．６")).isEqualByComparingTo("12345.6");
        assertThat(FigureText.parse("92、710、418")).isEqualByComparingTo("92710418");
        assertThat(FigureText.parse("  606 029\u3000")).isEqualByComparingTo("606029");
    }

    @Test
    void negativeFigures_areWrittenWithATriangleOrAMinusSign() {
        assertThat(FigureText.parse("▲974")).isEqualByComparingTo("-974");
        assertThat(FigureText.parse("△1,200")).isEqualByComparingTo("-1200");
        assertThat(FigureText.parse("−12.5")).isEqualByComparingTo("-12.5");
        assertThat(FigureText.parse("－３")).isEqualByComparingTo("-3");
        assertThat(FigureText.parse("-3")).isEqualByComparingTo("-3");
    }

    @Test
    void theFigureIsKeptExactlyAsWritten() {
        assertThat(FigureText.parse("80.0").toPlainString()).isEqualTo("80.0");
    }

    @Test
    void blankText_isAnUnknownFigure() {
        assertThat(FigureText.parse(null)).isNull();
        assertThat(FigureText.parse("")).isNull();
        assertThat(FigureText.parse(" \u3000 ")).isNull();
    }

    @Test
    void textThatIsNotANumber_isRefusedWithACode() {
        for (String text : new String[]{"abc", "12円", "80%", "ー", "1.2.3", "▲-5"}) {
            assertThatThrownBy(() -> FigureText.parse(text)).as(text)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("figure-unreadable"));
        }
    }

    @Test
    void theLimitsOfAFigure_areLeftToTheCaller() {
        assertThat(FigureText.parse("1234567890123456789")).isEqualByComparingTo("1234567890123456789");
    }
}
