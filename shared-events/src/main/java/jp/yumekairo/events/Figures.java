package jp.yumekairo.events;

import java.math.BigDecimal;

/**
 * The limits every figure of the ledger keeps: at most 15 integer digits (a thousand trillion yen is
 * already absurd for a municipal grant) and at most 6 decimal places (percentages and rates).
 */
public final class Figures {

    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_SCALE = 6;

    private Figures() {
    }

    /** The value itself, with trailing zeros removed, or an {@code figure-out-of-range} refusal. */
    public static BigDecimal requireSane(BigDecimal value, String what) {
        if (value == null) {
            throw new InvalidValueException("figure-missing", what + " is missing");
        }
        BigDecimal normalised = value.stripTrailingZeros();
        if (normalised.scale() < 0) {
            normalised = normalised.setScale(0);
        }
        if (normalised.precision() - normalised.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException("figure-out-of-range",
                    what + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        if (normalised.scale() > MAX_SCALE) {
            throw new InvalidValueException("figure-out-of-range",
                    what + " has more than " + MAX_SCALE + " decimal places");
        }
        return normalised;
    }
}
