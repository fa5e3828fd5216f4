package jp.yumekairo.events.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.Texts;

import java.util.Map;

/** A submitted effect evaluation was replaced by a revised one, with the reason for the revision. */
public record EvaluationRevised(String projectId, FiscalYear fiscalYear, EffectRating effect, Policy policy,
                                String rationale, String situation, String obstacles, String revisions,
                                Map<String, String> shortfallReasons, String reason) implements ProjectEvent {

    public EvaluationRevised {
        EvaluationTexts texts = new EvaluationTexts(rationale, situation, obstacles, revisions, shortfallReasons);
        rationale = texts.rationale();
        situation = texts.situation();
        obstacles = texts.obstacles();
        revisions = texts.revisions();
        shortfallReasons = texts.shortfallReasons();
        reason = Texts.orEmpty(reason);
    }
}
