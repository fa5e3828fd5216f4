package jp.yumekairo.events;

import java.math.BigDecimal;

/**
 * The limits every figure of the ledger keeps: at most 15 integer digits (a thousand trillion yen is
 * already absurd for a municipal grant) and at most 6 decimal places (percentages and rates).
 */
public final class Figures {

    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_SCALE = 6;
    /** How many digits a figure may be written with, trailing zeros included ({@code 80.000000000}). */
    public static final int MAX_DIGITS_AS_WRITTEN = 64;

    private Figures() {
    }

    /**
     * The value itself, with trailing zeros removed, or an {@code figure-out-of-range} refusal. The limits are
     * read from the value's precision and scale before any arithmetic: {@code 1e10000000} is ten characters
     * and is refused at once, never written out to ten million digits.
     */
    public static BigDecimal requireSane(BigDecimal value, String what) {
        if (value == null) {
            throw new InvalidValueException("figure-missing", what + " is missing");
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // for a non-zero value precision - scale is the number of digits before the point, whatever the scale's sign
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException("figure-out-of-range",
                    what + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        if (value.precision() > MAX_DIGITS_AS_WRITTEN) {
            // trailing zeros beyond any sane figure: stripping them would cost time proportional to their square
            throw new InvalidValueException("figure-out-of-range",
                    what + " has more than " + MAX_DIGITS_AS_WRITTEN + " digits");
        }
        BigDecimal normalised = value.stripTrailingZeros();
        if (normalised.scale() < 0) {
            normalised = normalised.setScale(0);
        }
        if (normalised.scale() > MAX_SCALE) {
            throw new InvalidValueException("figure-out-of-range",
                    what + " has more than " + MAX_SCALE + " decimal places");
        }
        return normalised;
    }
}
