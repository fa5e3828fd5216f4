package jp.yumekairo.events.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Texts;

/**
 * What the project did in a fiscal year (事業実績), as the published 効果検証 table states it. Recording the same
 * year again is a correction, and then {@code reason} says why.
 */
public record ProjectActivitiesRecorded(String projectId, FiscalYear fiscalYear, String activities, String reason)
        implements ProjectEvent {

    public ProjectActivitiesRecorded {
        activities = Texts.orEmpty(activities);
        reason = Texts.orEmpty(reason);
    }
}
