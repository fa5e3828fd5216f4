package jp.yumekairo.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of measured figures for the results file (a measurement, not a domain figure). */
final class Results {

    private Results() {
    }

    static Object round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }
}
