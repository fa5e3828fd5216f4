package jp.yumekairo.events;

import java.math.BigDecimal;

/**
 * A KGI's reference value and the year it describes (e.g. the 2010 census). The value is null where the source
 * names the year but gives no figure (新規雇用創出数: "—(平成26年)").
 */
public record KgiBaseline(BigDecimal value, int year) {

    public KgiBaseline {
        value = value == null ? null : Figures.requireSane(value, "baseline");
        if (year < FiscalYear.EARLIEST || year > FiscalYear.LATEST) {
            throw new InvalidValueException("year-out-of-range", "year " + year + " is outside "
                    + FiscalYear.EARLIEST + "–" + FiscalYear.LATEST);
        }
    }
}
