package jp.yumekairo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets of issues 8 and 14, each checked against the run's figure. */
final class Targets {

    private record Target(String key, String comparison, double bound, String what) {

        Boolean met(Object measured) {
            if (!(measured instanceof Number number)) {
                return null;
            }
            double value = number.doubleValue();
            return comparison.equals(">=") ? value >= bound : value < bound;
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("write_ratio_16", ">=", 0.40, "RecordActual/s at 16 clients ≥ 40% of raw INSERT tx/s"),
            new Target("write_p99_ms_16", "<", 50, "RecordActual p99 at 16 clients < 50 ms"),
            new Target("ryw_p50_ms", "<", 50, "read-your-writes lag p50 < 50 ms"),
            new Target("ryw_p99_ms", "<", 200, "read-your-writes lag p99 < 200 ms"),
            new Target("rebuild_events_per_s", ">=", 20_000, "rebuild ≥ 20,000 events/s"),
            new Target("dashboard_p99_ms", "<", 20, "plan dashboard p99 at 32 clients < 20 ms"),
            new Target("member_projects_p99_ms", "<", 20, "member's projects p99 at 32 clients < 20 ms"),
            new Target("asof_p99_ms", "<", 100, "member view as of a past instant p99 < 100 ms"),
            new Target("write_p99_ms_sign_ins", "<", 200, "RecordActual p99 at 4 clients during 100 parallel sign-ins < 200 ms"),
            new Target("huge_figure_reviewer_ms", "<", 1000, "a reviewer's 1e10000000 baseline refused (403) < 1 s"),
            new Target("huge_figure_editor_ms", "<", 1000, "an editor's 1e10000000 baseline refused (400) < 1 s"),
            new Target("csv_20000_reviewer_ms", "<", 1000, "a reviewer's 20,000-row CSV refused (403) < 1 s"));

    private Targets() {
    }

    static List<Map<String, Object>> check(Map<String, Object> summary) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Target target : TARGETS) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", target.key());
            row.put("target", target.comparison() + " " + target.bound());
            row.put("measured", summary.get(target.key()));
            row.put("met", target.met(summary.get(target.key())));
            row.put("what", target.what());
            out.add(row);
        }
        return out;
    }

    static void print(Map<String, Object> summary) {
        for (Map<String, Object> row : check(summary)) {
            Object met = row.get("met");
            System.err.printf("bench: %-6s %-24s %-12s (target %s)%n", met == null ? "?" : (Boolean) met ? "MET" : "MISSED",
                    row.get("key"), row.get("measured"), row.get("target"));
        }
    }
}
