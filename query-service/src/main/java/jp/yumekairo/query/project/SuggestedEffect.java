package jp.yumekairo.query.project;

import jp.yumekairo.events.EffectRating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The 事業効果 the KPIs suggest, by the one rule of docs/design.md that anyone can check by hand: of the n KPIs
 * with both a target and an actual for the year, r reached the target and i reached it or improved on the
 * baseline. n = 0 suggests nothing; r = n → 非常に効果的; r ≥ n/2 → 相当程度効果; i > n/2 → 効果があった;
 * otherwise 効果がなかった. The reason says the counts in words; it speaks of improving on the baseline only for
 * KPIs that have one, and names every KPI whose figures need a second look (要確認) with why.
 */
public record SuggestedEffect(EffectRating rating, String reason, String reasonJa) {

    /** A KPI's achievement in the year, with the KPI's name for the reason. */
    public record Kpi(String name, Achievement achievement) {
    }

    public static SuggestedEffect of(Collection<Achievement> kpis) {
        return ofNamed(kpis.stream().map(achievement -> new Kpi("", achievement)).toList());
    }

    public static SuggestedEffect ofNamed(Collection<Kpi> kpis) {
        int n = 0;
        int r = 0;
        int i = 0;
        int withBaseline = 0;
        List<String> flagged = new ArrayList<>();
        List<String> flaggedJa = new ArrayList<>();
        for (Kpi kpi : kpis) {
            Achievement achievement = kpi.achievement();
            if (!achievement.checks().isEmpty()) {
                flagged.add(kpi.name() + " (" + String.join("; ",
                        achievement.checks().stream().map(Check::labelEn).toList()) + ")");
                flaggedJa.add("「" + kpi.name() + "」（" + String.join("、", achievement.checksJa()) + "）");
            }
            if (achievement.reached() == null) {
                continue;
            }
            n++;
            if (achievement.baselineKnown()) {
                withBaseline++;
            }
            if (achievement.reached()) {
                r++;
            }
            if (achievement.improved()) {
                i++;
            }
        }
        if (n == 0) {
            return new SuggestedEffect(null, "no KPI has both a target and an actual for the year",
                    "目標値と実績値がそろったKPIがありません");
        }
        EffectRating rating;
        if (r == n) {
            rating = EffectRating.VERY_EFFECTIVE;
        } else if (2 * r >= n) {
            rating = EffectRating.CONSIDERABLY_EFFECTIVE;
        } else if (2 * i > n) {
            rating = EffectRating.EFFECTIVE;
        } else {
            rating = EffectRating.NOT_EFFECTIVE;
        }
        int improvedOnly = i - r;
        String reason = r + " of " + n + " KPI" + (n == 1 ? "" : "s") + " reached";
        String reasonJa = "KPI " + n + "件中" + r + "件が目標達成";
        if (withBaseline == n) {
            reason += "; " + improvedOnly + " improved on " + (improvedOnly == 1 ? "its" : "their") + " baseline";
            reasonJa += "、" + improvedOnly + "件が基準値から改善";
        } else if (withBaseline > 0) {
            reason += "; of the " + withBaseline + " with a baseline, " + improvedOnly + " improved on it";
            reasonJa += "、基準値のある" + withBaseline + "件のうち" + improvedOnly + "件が基準値から改善";
        } else {
            reason += " (no KPI has a baseline, so only reaching the target counts)";
            reasonJa += "（基準値のないKPIは目標達成のみで判定）";
        }
        if (!flagged.isEmpty()) {
            reason += "; to check: " + String.join(", ", flagged);
            reasonJa += "。要確認: " + String.join("、", flaggedJa);
        }
        return new SuggestedEffect(rating, reason, reasonJa);
    }
}
