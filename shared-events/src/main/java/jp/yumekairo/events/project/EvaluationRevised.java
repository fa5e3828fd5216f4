package jp.yumekairo.events.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.Texts;
import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * A submitted effect evaluation was replaced by a revised one, with the reason for the revision; revision 2 adds
 * the reason for the policy (本事業の今後の方針の理由, {@code policyRationale}).
 */
@Revision("2")
public record EvaluationRevised(String projectId, FiscalYear fiscalYear, EffectRating effect, Policy policy,
                                String rationale, String policyRationale, String situation, String obstacles,
                                String revisions, Map<String, String> shortfallReasons, String reason)
        implements ProjectEvent {

    public EvaluationRevised {
        EvaluationTexts texts = new EvaluationTexts(rationale, policyRationale, situation, obstacles, revisions,
                shortfallReasons);
        rationale = texts.rationale();
        policyRationale = texts.policyRationale();
        situation = texts.situation();
        obstacles = texts.obstacles();
        revisions = texts.revisions();
        shortfallReasons = texts.shortfallReasons();
        reason = Texts.orEmpty(reason);
    }
}
