package jp.yumekairo.events.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Policy;

import java.util.Map;

/**
 * The municipality's effect evaluation (効果検証) of a project for a fiscal year: 事業効果, 今後の方針, the
 * reasoning, and per KPI id the reason it fell short (未達理由).
 */
public record EvaluationSubmitted(String projectId, FiscalYear fiscalYear, EffectRating effect, Policy policy,
                                  String rationale, String situation, String obstacles, String revisions,
                                  Map<String, String> shortfallReasons) implements ProjectEvent {

    public EvaluationSubmitted {
        EvaluationTexts texts = new EvaluationTexts(rationale, situation, obstacles, revisions, shortfallReasons);
        rationale = texts.rationale();
        situation = texts.situation();
        obstacles = texts.obstacles();
        revisions = texts.revisions();
        shortfallReasons = texts.shortfallReasons();
    }
}
