package jp.yumekairo.events.project;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Texts;

import java.util.List;

/**
 * A project's descriptive fields were corrected: 名称, 概要, 所管課 and, for a 広域 project, the participating
 * members. Its scope, grant and period never change. {@code reason} says why.
 */
public record ProjectDetailsCorrected(String projectId, String name, String summary, String department,
                                      List<MunicipalityCode> participants, String reason) implements ProjectEvent {

    public ProjectDetailsCorrected {
        participants = participants == null ? List.of() : List.copyOf(participants);
        summary = Texts.orEmpty(summary);
        department = Texts.orEmpty(department);
        reason = Texts.orEmpty(reason);
    }
}
