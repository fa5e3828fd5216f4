package jp.yumekairo.query.project;

import jp.yumekairo.events.EffectRating;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The suggested 事業効果, row by row of the table in docs/design.md. */
class SuggestedEffectTest {

    private static final Achievement REACHED = new Achievement(true, null, true);
    private static final Achievement IMPROVED = new Achievement(false, null, true);
    private static final Achievement WORSE = new Achievement(false, null, false);

    @Test
    void noKpiWithBothFigures_suggestsNothing() {
        SuggestedEffect none = SuggestedEffect.of(List.of(Achievement.UNKNOWN, Achievement.UNKNOWN));
        assertThat(none.rating()).isNull();
        assertThat(none.reason()).isEqualTo("no KPI has both a target and an actual for the year");
    }

    @Test
    void everyKpiReached_isVeryEffective_andUnknownKpisDoNotCount() {
        SuggestedEffect all = SuggestedEffect.of(List.of(REACHED, REACHED, REACHED, Achievement.UNKNOWN));
        assertThat(all.rating()).isEqualTo(EffectRating.VERY_EFFECTIVE);
        assertThat(all.reason()).isEqualTo("3 of 3 KPIs reached; 0 improved on their baseline");
        assertThat(all.reasonJa()).isEqualTo("KPI 3件中3件が目標達成、0件が基準値から改善");
    }

    @Test
    void halfReached_isConsiderablyEffective() {
        assertThat(SuggestedEffect.of(List.of(REACHED, REACHED, REACHED, WORSE)).rating())
                .isEqualTo(EffectRating.CONSIDERABLY_EFFECTIVE);
        assertThat(SuggestedEffect.of(List.of(REACHED, WORSE)).rating()).isEqualTo(EffectRating.CONSIDERABLY_EFFECTIVE);
    }

    @Test
    void fewReached_butMostImproved_isEffective() {
        // r = 1 < 4/2, i = 3 > 4/2
        SuggestedEffect effective = SuggestedEffect.of(List.of(REACHED, IMPROVED, IMPROVED, WORSE));
        assertThat(effective.rating()).isEqualTo(EffectRating.EFFECTIVE);
        assertThat(SuggestedEffect.of(List.of(IMPROVED, IMPROVED, WORSE)).rating()).isEqualTo(EffectRating.EFFECTIVE);
        assertThat(SuggestedEffect.of(List.of(IMPROVED, IMPROVED, WORSE)).reason())
                .isEqualTo("0 of 3 KPIs reached; 2 improved on their baseline");
    }

    @Test
    void mostWorseThanBefore_isNotEffective() {
        // 美祢市 R6 No.4: every KPI missed, e.g. 1 targeted and 0 reached
        assertThat(SuggestedEffect.of(List.of(WORSE, WORSE, IMPROVED)).rating()).isEqualTo(EffectRating.NOT_EFFECTIVE);
        assertThat(SuggestedEffect.of(List.of(WORSE, IMPROVED)).rating()).isEqualTo(EffectRating.NOT_EFFECTIVE);
    }

    @Test
    void aFlaggedKpi_reachedAgainstATargetBelowItsBaseline_countsAsReached_andTheReasonNamesIt() {
        Achievement wrongSide = Achievement.of(jp.yumekairo.events.Direction.HIGHER_IS_BETTER,
                jp.yumekairo.events.Measure.ABSOLUTE, "%", new java.math.BigDecimal("10.1"),
                new java.math.BigDecimal("8.9"), new java.math.BigDecimal("9.2"));
        SuggestedEffect effect = SuggestedEffect.ofNamed(List.of(new SuggestedEffect.Kpi("健診受診率", wrongSide),
                new SuggestedEffect.Kpi("参加者数", REACHED)));
        assertThat(effect.rating()).isEqualTo(EffectRating.VERY_EFFECTIVE);
        assertThat(effect.reasonJa()).isEqualTo("KPI 2件中2件が目標達成、0件が基準値から改善。要確認: "
                + "「健診受診率」（目標値が基準値を下回っています（高いほど良い指標））");
        assertThat(effect.reason()).contains("to check: 健診受診率 (the target is below the baseline");
    }

    @Test
    void kpisWithoutABaseline_areNeverSaidToHaveImprovedOnOne() {
        Achievement students = Achievement.of(jp.yumekairo.events.Direction.HIGHER_IS_BETTER,
                jp.yumekairo.events.Measure.ABSOLUTE, "人", null, new java.math.BigDecimal("60"),
                new java.math.BigDecimal("43"));
        Achievement visitors = Achievement.of(jp.yumekairo.events.Direction.HIGHER_IS_BETTER,
                jp.yumekairo.events.Measure.ABSOLUTE, "件", null, new java.math.BigDecimal("82"),
                new java.math.BigDecimal("167"));
        SuggestedEffect none = SuggestedEffect.of(List.of(students, visitors));
        assertThat(none.reasonJa()).isEqualTo("KPI 2件中1件が目標達成（基準値のないKPIは目標達成のみで判定）")
                .doesNotContain("基準値から改善");
        SuggestedEffect some = SuggestedEffect.of(List.of(students, visitors, IMPROVED));
        assertThat(some.reasonJa()).isEqualTo("KPI 3件中1件が目標達成、基準値のある1件のうち1件が基準値から改善");
        assertThat(some.rating()).isEqualTo(EffectRating.EFFECTIVE);
    }
}
