package jp.yumekairo.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure with its unit (円, 千円, 人, 件, %, …). The value is exact decimal, never floating point, and within
 * {@link Figures}' limits. Trailing zeros are dropped so 80.0% and 80% are the same figure.
 */
public record Figure(BigDecimal value, String unit) {

    public Figure {
        value = Figures.requireSane(value, "figure");
        Objects.requireNonNull(unit, "unit");
    }

    public static Figure of(BigDecimal value, String unit) {
        return new Figure(value, unit);
    }

    public static Figure of(long value, String unit) {
        return new Figure(BigDecimal.valueOf(value), unit);
    }

    public boolean sameValueAs(Figure other) {
        return other != null && value.compareTo(other.value) == 0;
    }
}
