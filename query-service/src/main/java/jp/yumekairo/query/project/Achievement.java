package jp.yumekairo.query.project;

import jp.yumekairo.events.Direction;
import jp.yumekairo.events.Measure;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
 * @param reached  the actual is at least the target (at most, for lower-is-better)
 * @param progress the ratio of the way from the baseline to the target, 1 = the target, to 4 decimal places
 * @param improved the actual moved from the baseline in the right direction (or the target was reached)
 */
public record Achievement(Boolean reached, BigDecimal progress, Boolean improved) {

    static final Achievement UNKNOWN = new Achievement(null, null, null);
    private static final int SCALE = 4;

    public static Achievement of(Direction direction, Measure measure, BigDecimal baseline, BigDecimal target,
                                 BigDecimal actual) {
        if (target == null || actual == null) {
            return UNKNOWN;
        }
        boolean higherIsBetter = direction == Direction.HIGHER_IS_BETTER;
        // null: the report gives no baseline, so neither a distance travelled nor an improvement can be told
        BigDecimal start = measure == Measure.INCREMENT ? BigDecimal.ZERO : baseline;
        boolean reached = higherIsBetter ? actual.compareTo(target) >= 0 : actual.compareTo(target) <= 0;
        boolean moved = start != null && (higherIsBetter ? actual.compareTo(start) > 0 : actual.compareTo(start) < 0);
        return new Achievement(reached, progress(higherIsBetter, start, target, actual), reached || moved);
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
