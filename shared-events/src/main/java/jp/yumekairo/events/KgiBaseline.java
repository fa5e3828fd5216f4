package jp.yumekairo.events;

import java.math.BigDecimal;

/** A KGI's reference value and the year it describes (e.g. the 2010 census). */
public record KgiBaseline(BigDecimal value, int year) {

    public KgiBaseline {
        value = Figures.requireSane(value, "baseline");
        if (year < FiscalYear.EARLIEST || year > FiscalYear.LATEST) {
            throw new InvalidValueException("year-out-of-range", "year " + year + " is outside "
                    + FiscalYear.EARLIEST + "–" + FiscalYear.LATEST);
        }
    }
}
