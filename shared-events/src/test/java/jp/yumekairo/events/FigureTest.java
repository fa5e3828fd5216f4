package jp.yumekairo.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
    void aHugeExponentIsRefusedWithoutWritingItOut() {
        // ten characters that would be ten million digits: refused from its precision and scale, at once
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            for (String huge : new String[] {"1e10000000", "-9e999999999", "1.5e2147483647"}) {
                assertThatThrownBy(() -> Figures.requireSane(new BigDecimal(huge), "value"))
                        .isInstanceOfSatisfying(InvalidValueException.class,
                                e -> assertThat(e.code()).isEqualTo("figure-out-of-range"));
            }
            assertThatThrownBy(() -> Figures.requireSane(new BigDecimal("1." + "0".repeat(100_000)), "value"))
                    .isInstanceOf(InvalidValueException.class);
        });
        assertThat(Figures.requireSane(new BigDecimal("0E+10000000"), "value")).isEqualByComparingTo("0");
        assertThat(Figures.requireSane(new BigDecimal("1.2345E+14"), "value").toPlainString()).isEqualTo("123450000000000");
        assertThat(Figures.requireSane(new BigDecimal("80.000000"), "value").toPlainString()).isEqualTo("80");
    }

    @Test
    void membersAreKnownByTheirCode() {
        assertThat(MunicipalityCode.of("35216")).isEqualTo(MunicipalityCode.SANYO_ONODA);
        assertThat(MunicipalityCode.of("32501").prefecture()).isEqualTo("島根県");
        assertThatThrownBy(() -> MunicipalityCode.of("35201"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("not-a-member"));
    }
}
