package jp.yumekairo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of issue 17 and of the edge under attack (issue 14), each checked against the run's figure. A ratio
 * is shown beside the two figures of the same run it divides, so a missed ratio says which side moved.
 */
final class Targets {

    /** {@code numerator} and {@code denominator} name the figures a ratio {@code key} divides; null otherwise. */
    private record Target(String key, String numerator, String denominator, String comparison, double bound,
                          String what) {

        static Target of(String key, String comparison, double bound, String what) {
            return new Target(key, null, null, comparison, bound, what);
        }

        static Target ratio(String key, String numerator, String denominator, String comparison, double bound,
                            String what) {
            return new Target(key, numerator, denominator, comparison, bound, what);
        }

        Boolean met(Object measured) {
            if (!(measured instanceof Number number)) {
                return null;
            }
            double value = number.doubleValue();
            return comparison.equals(">=") ? value >= bound : comparison.equals("<=") ? value <= bound : value < bound;
        }
    }

    private static final List<Target> TARGETS = List.of(
            Target.ratio("write_trivial_ratio_16", "write_rps_16", "trivial_rps", ">=", 0.5,
                    "RecordActual/s at 16 clients ≥ half the trivial endpoint's requests/s at 32 clients"),
            Target.of("command_cpu_ms_per_write_16", "<=", 2,
                    "command service CPU per RecordActual at 16 clients ≤ 2 ms"),
            Target.of("write_p99_ms_16", "<", 80, "RecordActual p99 at 16 clients < 80 ms"),
            Target.of("write_p50_ms_1", "<", 5, "RecordActual p50 at 1 client < 5 ms"),
            Target.of("sql_statements_per_write", "<=", 3.1,
                    "SQL statements per RecordActual at steady state ≤ 3 (BEGIN, INSERT, COMMIT; 0.1 for the rest)"),
            Target.of("sql_round_trips_per_write", "<=", 2.1,
                    "database round trips per RecordActual at steady state ≤ 2 (0.1 for the rest)"),
            Target.ratio("write_ratio_16", "write_rps_16", "raw_insert_tps_16", ">=", 0.05,
                    "RecordActual/s at 16 clients ≥ 5% of raw single-row INSERT tx/s"),
            Target.of("rebuild_events_per_s", ">=", 20_000, "rebuild ≥ 20,000 events/s"),
            Target.ratio("rebuild_ratio", "rebuild_events_per_s", "raw_scan_events_per_s", ">=", 0.10,
                    "rebuild ≥ 10% of a raw scan's events/s"),
            Target.of("ryw_p50_ms", "<", 15, "read-your-writes lag p50 < 15 ms"),
            Target.of("ryw_p99_ms", "<", 50, "read-your-writes lag p99 < 50 ms"),
            Target.ratio("member_projects_ratio", "member_projects_rps", "trivial_rps", ">=", 0.5,
                    "member's projects at 32 clients ≥ half the trivial endpoint's requests/s"),
            Target.ratio("dashboard_ratio", "dashboard_rps", "trivial_rps", ">=", 0.5,
                    "plan dashboard at 32 clients ≥ half the trivial endpoint's requests/s"),
            Target.of("openloop_dashboard_p99_ms", "<", 20, "plan dashboard p99 at 50 requests/s (open loop) < 20 ms"),
            Target.of("openloop_member_p99_ms", "<", 20, "member's projects p99 at 50 requests/s (open loop) < 20 ms"),
            Target.of("asof_p99_ms", "<", 30, "member view as of a past instant p99 < 30 ms"),
            Target.of("write_p99_ms_sign_ins", "<", 200, "RecordActual p99 at 4 clients during 100 parallel sign-ins < 200 ms"),
            Target.of("huge_figure_reviewer_ms", "<", 1000, "a reviewer's 1e10000000 baseline refused (403) < 1 s"),
            Target.of("huge_figure_editor_ms", "<", 1000, "an editor's 1e10000000 baseline refused (400) < 1 s"),
            Target.of("csv_20000_reviewer_ms", "<", 1000, "a reviewer's 20,000-row CSV refused (403) < 1 s"));

    private Targets() {
    }

    static List<Map<String, Object>> check(Map<String, Object> summary) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Target target : TARGETS) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", target.key());
            row.put("target", target.comparison() + " " + target.bound());
            row.put("measured", summary.get(target.key()));
            if (target.numerator() != null) {
                row.put("ratio_of", target.numerator() + " / " + target.denominator());
                row.put("numerator", summary.get(target.numerator()));
                row.put("denominator", summary.get(target.denominator()));
            }
            row.put("met", target.met(summary.get(target.key())));
            row.put("what", target.what());
            out.add(row);
        }
        return out;
    }

    static void print(Map<String, Object> summary) {
        for (Target target : TARGETS) {
            Object measured = summary.get(target.key());
            Boolean met = target.met(measured);
            String parts = target.numerator() == null ? "" : String.format("  = %s %s / %s %s", target.numerator(),
                    summary.get(target.numerator()), target.denominator(), summary.get(target.denominator()));
            System.err.printf("bench: %-6s %-28s %-12s (target %s %s)%s%n", met == null ? "?" : met ? "MET" : "MISSED",
                    target.key(), measured, target.comparison(), target.bound(), parts);
        }
    }
}
