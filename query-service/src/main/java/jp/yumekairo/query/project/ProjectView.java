package jp.yumekairo.query.project;

import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.Policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One project as every view shows it, as of a moment. Fiscal years are given as the Western start year and in 和暦.
 * Name, summary, department, participants and KPI names are the corrected ones as of that moment.
 */
public record ProjectView(String projectId, String leadMunicipality, String leadMunicipalityName,
                          List<String> participants, String name, String summary, String scope, String scopeJa,
                          String grantProgram, String grantProgramJa, String department, int firstFiscalYear,
                          int lastFiscalYear, long version, List<KpiView> kpis, List<CostView> costs,
                          List<EvaluationView> evaluations, List<ActivitiesView> activities) {

    /** Unmodifiable, since one current view is shared by every reader until the views change. */
    public ProjectView {
        participants = unmodifiable(participants);
        kpis = unmodifiable(kpis);
        costs = unmodifiable(costs);
        evaluations = unmodifiable(evaluations);
        activities = unmodifiable(activities);
    }

    static <T> List<T> unmodifiable(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** A KPI with its figures for every fiscal year of the project; the baseline and its year may be unknown (null). */
    public record KpiView(String kpiId, String name, String unit, String direction, String measure,
                          BigDecimal baseline, Integer baselineFiscalYear, BigDecimal finalTarget, List<KpiYear> years) {

        public KpiView {
            years = unmodifiable(years);
        }
    }

    /**
     * 目標値, 実績値 and 達成状況 of a KPI in one fiscal year; reached and progress are null when unknown ("—").
     * {@code trace}: where an auditor lists the events behind these figures. {@code checks}: why the figures need
     * a second look (要確認), in Japanese, empty when plausible; progress is null when the target is on the wrong
     * side of its baseline (shown 「—（要確認）」).
     */
    public record KpiYear(int fiscalYear, String fiscalYearJa, BigDecimal target, BigDecimal actual, String status,
                          String statusJa, Boolean reached, BigDecimal progress, String source, String note,
                          String trace, List<String> checks) {

        public KpiYear {
            // a report version frozen before the checks existed has none
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    /**
     * 総事業費 and 交付実績 of a fiscal year, in yen; {@code grantAmount} is null when the 交付実績 is not known.
     * {@code trace} lists the events behind them.
     */
    public record CostView(int fiscalYear, String fiscalYearJa, long totalCost, Long grantAmount, String trace) {
    }

    /** What the project did in a fiscal year (事業実績); {@code trace} lists the events behind the text. */
    public record ActivitiesView(int fiscalYear, String fiscalYearJa, String activities, String trace) {
    }

    /**
     * The submitted 事業効果 and 今後の方針 of a fiscal year (null where none was submitted) beside the effect the
     * KPIs suggest, and whether the two differ; {@code rationale} is the 評価の理由, {@code policyRationale} the
     * 本事業の今後の方針の理由. {@code trace} lists the events behind both.
     */
    public record EvaluationView(int fiscalYear, String fiscalYearJa, EffectRating effect, String effectJa,
                                 EffectRating suggestedEffect, String suggestedEffectJa, String suggestionReason,
                                 String suggestionReasonJa, boolean differsFromSuggestion, Policy policy,
                                 String policyJa, String rationale, String policyRationale, String situation, String obstacles,
                                 String revisions, Map<String, String> shortfallReasons, boolean revised,
                                 String trace) {
    }
}
