package jp.yumekairo.query.project;

import jp.yumekairo.events.Direction;
import jp.yumekairo.events.Measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 達成状況 of one KPI in one fiscal year, by DESIGN.md's rule. {@code reached} and {@code progress} are null
 * ("—") when they cannot be known: no target, no actual yet, or no meaningful ratio. Never NaN, never a
 * division by zero.
 *
 * <p>Progress is {@code (actual − baseline) / (target − baseline)} where the baseline differs from the
 * target, otherwise {@code actual / target} where the target is positive (also when the report gives no
 * baseline; then only a reached target counts as improved). An increment KPI (増加分) counts
 * from zero, so its baseline in like-with-like terms is 0. For a lower-is-better KPI whose target equals its
 * baseline, {@code actual / target} would read backwards (less is better), so progress is left undefined and
 * {@code reached} tells the story.
 *
 * <p>Plausibility ({@link Check}, 要確認): a target on the wrong side of its baseline (below it for a
 * higher-is-better KPI, above it for a lower-is-better one) has no meaningful progress, so progress is null
 * there; {@code reached} still compares the actual with the target as DESIGN.md says. A percentage KPI (unit %)
 * with a target or actual above 100 and a progress outside −100 %…+300 % are flagged too.
 *
 * @param reached       the actual is at least the target (at most, for lower-is-better)
 * @param progress      the ratio of the way from the baseline to the target, 1 = the target, to 4 decimal places
 * @param improved      the actual moved from the baseline in the right direction (or the target was reached)
 * @param baselineKnown there is a baseline to improve on (the report gives one, or the KPI counts an increment)
 * @param checks        why the figures need a second look; empty when they look plausible
 */
public record Achievement(Boolean reached, BigDecimal progress, Boolean improved, boolean baselineKnown,
                          List<Check> checks) {

    static final Achievement UNKNOWN = new Achievement(null, null, null);
    private static final int SCALE = 4;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal LOWEST_PROGRESS = new BigDecimal("-1");
    private static final BigDecimal HIGHEST_PROGRESS = new BigDecimal("3");

    public Achievement {
        checks = List.copyOf(checks);
    }

    /** An achievement with a baseline and nothing to check. */
    public Achievement(Boolean reached, BigDecimal progress, Boolean improved) {
        this(reached, progress, improved, true, List.of());
    }

    public static Achievement of(Direction direction, Measure measure, BigDecimal baseline, BigDecimal target,
                                 BigDecimal actual) {
        return of(direction, measure, null, baseline, target, actual);
    }

    /** The same, also checking that a KPI in % stays at most 100. */
    public static Achievement of(Direction direction, Measure measure, String unit, BigDecimal baseline,
                                 BigDecimal target, BigDecimal actual) {
        boolean higherIsBetter = direction == Direction.HIGHER_IS_BETTER;
        // null: the report gives no baseline, so neither a distance travelled nor an improvement can be told
        BigDecimal start = measure == Measure.INCREMENT ? BigDecimal.ZERO : baseline;
        List<Check> checks = new ArrayList<>();
        boolean wrongSide = false;
        if (start != null && target != null) {
            if (higherIsBetter && target.compareTo(start) < 0) {
                checks.add(Check.TARGET_BELOW_BASELINE);
                wrongSide = true;
            } else if (!higherIsBetter && target.compareTo(start) > 0) {
                checks.add(Check.TARGET_ABOVE_BASELINE);
                wrongSide = true;
            }
        }
        if (isPercentage(unit) && (above100(target) || above100(actual))) {
            checks.add(Check.PERCENTAGE_ABOVE_100);
        }
        if (target == null || actual == null) {
            return new Achievement(null, null, null, start != null, checks);
        }
        boolean reached = higherIsBetter ? actual.compareTo(target) >= 0 : actual.compareTo(target) <= 0;
        boolean moved = start != null && (higherIsBetter ? actual.compareTo(start) > 0 : actual.compareTo(start) < 0);
        BigDecimal progress = wrongSide ? null : progress(higherIsBetter, start, target, actual);
        if (progress != null && (progress.compareTo(LOWEST_PROGRESS) < 0 || progress.compareTo(HIGHEST_PROGRESS) > 0)) {
            checks.add(Check.PROGRESS_OUT_OF_RANGE);
        }
        return new Achievement(reached, progress, reached || moved, start != null, checks);
    }

    /** The checks' Japanese labels, as the views carry them. */
    public List<String> checksJa() {
        return checks.stream().map(Check::labelJa).toList();
    }

    private static boolean isPercentage(String unit) {
        return unit != null && (unit.strip().equals("%") || unit.strip().equals("％"));
    }

    private static boolean above100(BigDecimal figure) {
        return figure != null && figure.compareTo(HUNDRED) > 0;
    }

    private static BigDecimal progress(boolean higherIsBetter, BigDecimal start, BigDecimal target, BigDecimal actual) {
        if (start != null && target.compareTo(start) != 0) {
            return actual.subtract(start).divide(target.subtract(start), SCALE, RoundingMode.HALF_UP);
        }
        if (higherIsBetter && target.signum() > 0) {
            return actual.divide(target, SCALE, RoundingMode.HALF_UP);
        }
        return null;
    }
}
