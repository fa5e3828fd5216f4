package jp.yumekairo.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureTest {

    @Test
    void trailingZerosDoNotMakeADifferentFigure() {
        assertThat(Figure.of(new BigDecimal("80.0"), "%")).isEqualTo(Figure.of(new BigDecimal("80"), "%"));
        assertThat(Figure.of(new BigDecimal("1E+7"), "円").value().toPlainString()).isEqualTo("10000000");
    }

    @Test
    void negativeFiguresAreNormal() {
        assertThat(Figure.of(-339, "人").value()).isEqualByComparingTo("-339");
    }

    @Test
    void absurdFiguresAreRefused() {
        assertThatThrownBy(() -> Figure.of(new BigDecimal("1e400"), "円"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("figure-out-of-range"));
        assertThatThrownBy(() -> Figure.of(new BigDecimal("0.0000001"), "%"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void membersAreKnownByTheirCode() {
        assertThat(MunicipalityCode.of("35216")).isEqualTo(MunicipalityCode.SANYO_ONODA);
        assertThat(MunicipalityCode.of("32501").prefecture()).isEqualTo("島根県");
        assertThatThrownBy(() -> MunicipalityCode.of("35201"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("not-a-member"));
    }
}
