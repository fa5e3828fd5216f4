package jp.yumekairo.query.project;

import jp.yumekairo.events.EffectRating;

import java.util.Collection;

/**
 * The 事業効果 the KPIs suggest, by the one rule of docs/design.md that anyone can check by hand: of the n KPIs
 * with both a target and an actual for the year, r reached the target and i reached it or improved on the
 * baseline. n = 0 suggests nothing; r = n → 非常に効果的; r ≥ n/2 → 相当程度効果; i > n/2 → 効果があった;
 * otherwise 効果がなかった. The reason says the counts in words.
 */
public record SuggestedEffect(EffectRating rating, String reason, String reasonJa) {

    public static SuggestedEffect of(Collection<Achievement> kpis) {
        int n = 0;
        int r = 0;
        int i = 0;
        for (Achievement achievement : kpis) {
            if (achievement.reached() == null) {
                continue;
            }
            n++;
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
        String reason = r + " of " + n + " KPI" + (n == 1 ? "" : "s") + " reached; " + improvedOnly
                + " improved on " + (improvedOnly == 1 ? "its" : "their") + " baseline";
        String reasonJa = "KPI " + n + "件中" + r + "件が目標達成、" + improvedOnly + "件が基準値から改善";
        return new SuggestedEffect(rating, reason, reasonJa);
    }
}
