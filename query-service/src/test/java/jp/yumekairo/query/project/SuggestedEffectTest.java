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
}
