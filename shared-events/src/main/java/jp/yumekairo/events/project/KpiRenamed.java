package jp.yumekairo.events.project;

import jp.yumekairo.events.Texts;

/**
 * A KPI's 名称 was corrected, with the reason. Its unit, direction and measure never change: every figure
 * recorded for it carries them.
 */
public record KpiRenamed(String projectId, String kpiId, String name, String reason) implements ProjectEvent {

    public KpiRenamed {
        reason = Texts.orEmpty(reason);
    }
}
