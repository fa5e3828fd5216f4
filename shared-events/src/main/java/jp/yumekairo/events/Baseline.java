package jp.yumekairo.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 当初 / 事業開始前 / 基準値: a KPI's value before the project, and the fiscal year it was measured in, or null
 * when the report does not say (many published tables give the value alone).
 */
public record Baseline(BigDecimal value, FiscalYear fiscalYear) {

    public Baseline {
        value = Figures.requireSane(Objects.requireNonNull(value, "value"), "baseline");
    }
}
