package jp.yumekairo.events.plan;

import jp.yumekairo.events.Aggregation;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.KgiBaseline;

/** A KGI (重要目標達成指標) of the plan was defined, with how it consolidates over the members. */
public record KgiDefined(String planId, String kgiId, String name, String unit, Direction direction,
                         Aggregation aggregation, KgiBaseline baseline) implements PlanEvent {
}
