package jp.yumekairo.query.project;

import jp.yumekairo.events.Direction;
import jp.yumekairo.events.Measure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static jp.yumekairo.events.Direction.HIGHER_IS_BETTER;
import static jp.yumekairo.events.Direction.LOWER_IS_BETTER;
import static jp.yumekairo.events.Measure.ABSOLUTE;
import static jp.yumekairo.events.Measure.INCREMENT;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md's achievement rule, including the figures that break naive arithmetic. */
class AchievementTest {

    @Test
    void progress_isTheShareOfTheWayFromBaselineToTarget() {
        Achievement checkups = of(HIGHER_IS_BETTER, ABSOLUTE, "36.0", "55.0", "38.3");
        assertThat(checkups.reached()).isFalse();
        assertThat(checkups.progress()).isEqualByComparingTo("0.1211");
        assertThat(checkups.improved()).isTrue();
    }

    @Test
    void negativeFigures_netMigrationBetterThanItsTarget_isReached() {
        // 社会動態: ▲843 before, target ▲421, actual ▲339
        Achievement migration = of(HIGHER_IS_BETTER, ABSOLUTE, "-843", "-421", "-339");
        assertThat(migration.reached()).isTrue();
        assertThat(migration.progress()).isEqualByComparingTo("1.1943");
    }

    @Test
    void aZeroTarget_equalToTheBaseline_hasNoProgress_butStillKnowsWhetherItWasReached() {
        Achievement zero = of(HIGHER_IS_BETTER, ABSOLUTE, "0", "0", "-339");
        assertThat(zero.reached()).isFalse();
        assertThat(zero.progress()).isNull();
        assertThat(zero.improved()).isFalse();
    }

    @Test
    void aTargetEqualToItsBaseline_fallsBackToActualOverTarget_whenTheTargetIsPositive() {
        Achievement held = of(HIGHER_IS_BETTER, ABSOLUTE, "3", "3", "3");
        assertThat(held.reached()).isTrue();
        assertThat(held.progress()).isEqualByComparingTo("1");
    }

    @Test
    void aMissingActualOrTarget_isUnknown_notZero() {
        assertThat(of(HIGHER_IS_BETTER, ABSOLUTE, "0", "82", null)).isEqualTo(Achievement.UNKNOWN);
        assertThat(of(HIGHER_IS_BETTER, ABSOLUTE, "0", null, "167")).isEqualTo(Achievement.UNKNOWN);
    }

    @Test
    void lowerIsBetter_isReachedAtOrBelowTheTarget() {
        Achievement waiting = of(LOWER_IS_BETTER, ABSOLUTE, "120", "80", "90");
        assertThat(waiting.reached()).isFalse();
        assertThat(waiting.progress()).isEqualByComparingTo("0.75");
        assertThat(waiting.improved()).isTrue();
        assertThat(of(LOWER_IS_BETTER, ABSOLUTE, "120", "80", "80").reached()).isTrue();
        assertThat(of(LOWER_IS_BETTER, ABSOLUTE, "10", "10", "8").progress()).isNull();
    }

    @Test
    void anUnknownBaseline_fallsBackToActualOverTarget_andOnlyAReachedTargetCountsAsImproved() {
        // 美祢市 R6: 受講者数 60 targeted, 43 reached, no baseline in the report
        Achievement students = Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, null, new BigDecimal("60"), new BigDecimal("43"));
        assertThat(students.reached()).isFalse();
        assertThat(students.progress()).isEqualByComparingTo("0.7167");
        assertThat(students.improved()).isFalse();
        assertThat(Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, null, new BigDecimal("82"), new BigDecimal("167")).improved())
                .isTrue();
        assertThat(Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, null, BigDecimal.ZERO, new BigDecimal("-339")).progress())
                .isNull();
    }

    @Test
    void anIncrementKpi_countsFromZero_whateverItsAbsoluteBaseline() {
        // 受講者数 +100人 over the project; 64 so far
        Achievement increment = of(HIGHER_IS_BETTER, INCREMENT, "250", "100", "64");
        assertThat(increment.progress()).isEqualByComparingTo("0.64");
        assertThat(increment.improved()).isTrue();
    }

    @Test
    void aTargetBelowItsBaseline_higherIsBetter_isFlagged_hasNoProgress_butStillCountsAsReached() {
        // 10.1 % before, target 8.9 %, actual 9.2 %: stored as given, flagged 要確認
        Achievement wrongSide = Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, "%", new BigDecimal("10.1"),
                new BigDecimal("8.9"), new BigDecimal("9.2"));
        assertThat(wrongSide.reached()).isTrue();
        assertThat(wrongSide.progress()).isNull();
        assertThat(wrongSide.checksJa()).containsExactly("目標値が基準値を下回っています（高いほど良い指標）");
    }

    @Test
    void aTargetAboveItsBaseline_lowerIsBetter_isFlagged_evenBeforeAnActual() {
        Achievement wrongSide = Achievement.of(LOWER_IS_BETTER, ABSOLUTE, "件", new BigDecimal("10"),
                new BigDecimal("12"), null);
        assertThat(wrongSide.reached()).isNull();
        assertThat(wrongSide.checksJa()).containsExactly("目標値が基準値を上回っています（低いほど良い指標）");
    }

    @Test
    void aPercentageAbove100_andAProgressOutsideMinus100To300Percent_areFlagged() {
        assertThat(Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, "%", new BigDecimal("50"), new BigDecimal("80"),
                new BigDecimal("120")).checksJa()).containsExactly("百分率が100を超えています");
        assertThat(Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, "％", null, new BigDecimal("101"), null).checksJa())
                .containsExactly("百分率が100を超えています");
        // ▲1,795.7 %: 100 → 101 targeted, 82.04 reached
        Achievement wild = Achievement.of(HIGHER_IS_BETTER, ABSOLUTE, "人", new BigDecimal("100"),
                new BigDecimal("101"), new BigDecimal("82.043"));
        assertThat(wild.progress()).isEqualByComparingTo("-17.957");
        assertThat(wild.checksJa()).containsExactly("進捗率が−100%〜+300%の範囲外です");
        assertThat(of(HIGHER_IS_BETTER, ABSOLUTE, "0", "100", "300").checks()).isEmpty();
        assertThat(of(HIGHER_IS_BETTER, ABSOLUTE, "0", "100", "301").checksJa())
                .containsExactly("進捗率が−100%〜+300%の範囲外です");
        assertThat(of(HIGHER_IS_BETTER, ABSOLUTE, "36.0", "55.0", "38.3").checks()).isEmpty();
    }

    private static Achievement of(Direction direction, Measure measure, String baseline, String target, String actual) {
        return Achievement.of(direction, measure, new BigDecimal(baseline), target == null ? null : new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual));
    }
}
