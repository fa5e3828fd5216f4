package jp.yumekairo.events.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Policy;
import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * The municipality's effect evaluation (効果検証) of a project for a fiscal year: 事業効果 and the reason for it
 * (評価の理由, {@code rationale}), 今後の方針 and the reason for it (本事業の今後の方針の理由, {@code policyRationale},
 * revision 2), and per KPI id the reason it fell short (未達理由).
 */
@Revision("2")
public record EvaluationSubmitted(String projectId, FiscalYear fiscalYear, EffectRating effect, Policy policy,
                                  String rationale, String policyRationale, String situation, String obstacles,
                                  String revisions, Map<String, String> shortfallReasons) implements ProjectEvent {

    public EvaluationSubmitted {
        EvaluationTexts texts = new EvaluationTexts(rationale, policyRationale, situation, obstacles, revisions,
                shortfallReasons);
        rationale = texts.rationale();
        policyRationale = texts.policyRationale();
        situation = texts.situation();
        obstacles = texts.obstacles();
        revisions = texts.revisions();
        shortfallReasons = texts.shortfallReasons();
    }
}
