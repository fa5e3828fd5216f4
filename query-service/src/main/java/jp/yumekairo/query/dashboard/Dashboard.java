package jp.yumekairo.query.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The consolidated KGI dashboard of a wide-area plan as of a moment: per KGI and year each member's figure, the
 * partnership total (flagged incomplete, never silently smaller, when a member has not reported), the plan
 * target and the achievement, and the series over the years for trend charts.
 */
public record Dashboard(String planId, String name, int firstFiscalYear, int lastFiscalYear, long version,
                        List<Kgi> kgis) {

    /** Unmodifiable, since one current dashboard is shared by every reader until the views change. */
    public Dashboard {
        kgis = List.copyOf(kgis);
    }

    /**
     * @param baseline   null where the source names the baseline year but gives no figure
     * @param total      the sum over the members that reported (SUM KGIs), or the partnership's own figure where
     *                   only that is published; null for a KGI that is not summed
     * @param complete   every member reported a figure for the year, or the partnership's figure is there
     * @param totalBasis {@code MEMBERS} (the members' figures summed) or {@code PARTNERSHIP} (published for the
     *                   partnership as a whole, 圏域全体; the members then show {@code NOT_REPORTED})
     * @param totalTrace  where an auditor lists the events behind the total
     * @param targetTrace where an auditor lists the events behind the target
     */
    public record Kgi(String kgiId, String name, String unit, String direction, String aggregation,
                      BigDecimal baseline, int baselineYear, int year, BigDecimal total, boolean complete,
                      List<String> missingMembers, BigDecimal target, Boolean reached, BigDecimal progress,
                      List<Member> members, List<Point> series, String totalBasis, String totalSource,
                      String totalTrace, String targetTrace) {

        public Kgi {
            missingMembers = List.copyOf(missingMembers);
            members = List.copyOf(members);
            series = List.copyOf(series);
        }
    }

    /**
     * A member's figure; status {@code NOT_REPORTED} and a null value when it has reported nothing for the year
     * ({@code PARTNERSHIP_ONLY} when the year's figure is published for the partnership only);
     * {@code trace} lists the events behind it.
     */
    public record Member(String municipalityCode, String municipalityName, BigDecimal value, String status,
                         String source, String trace) {
    }

    /**
     * One year of the trend: the total, whether it is complete (else {@code missingMembers} names who has not
     * reported), what it is based on, and the plan target if set.
     */
    public record Point(int year, BigDecimal total, boolean complete, BigDecimal target, String totalBasis,
                        List<String> missingMembers) {

        public Point {
            missingMembers = List.copyOf(missingMembers);
        }
    }
}
