package jp.yumekairo.events.project;

import jp.yumekairo.events.Baseline;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.Measure;

import java.math.BigDecimal;

/**
 * A KPI (重要業績評価指標) was defined for a project: what it measures, which way is better, and its baseline,
 * or null where the report gives none. {@code finalTarget} is the optional cumulative target for the project's
 * last year, or null.
 */
public record KpiDefined(String projectId, String kpiId, String name, String unit, Direction direction,
                         Measure measure, Baseline baseline, BigDecimal finalTarget) implements ProjectEvent {
}
