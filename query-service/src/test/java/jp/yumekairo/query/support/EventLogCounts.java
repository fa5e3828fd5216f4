package jp.yumekairo.query.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the event table holds, set beside what the projections hold: per event type, and overall. */
public final class EventLogCounts {

    /** Which projection table each event type's rows go to. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("ProjectRegistered", "project");
        TABLES.put("KpiDefined", "kpi");
        TABLES.put("TargetRevised", "kpi_target");
        TABLES.put("ActualRecorded", "kpi_actual");
        TABLES.put("ProjectCostRecorded", "project_cost");
        TABLES.put("EvaluationSubmitted','EvaluationRevised", "evaluation");
        TABLES.put("ProjectActivitiesRecorded", "project_activities");
        TABLES.put("ProjectDetailsCorrected", "project_details");
        TABLES.put("KpiRenamed", "kpi_name");
        TABLES.put("PlanDefined", "plan");
        TABLES.put("KgiDefined", "kgi");
        TABLES.put("PlanTargetRevised", "plan_target");
        TABLES.put("KgiFigureReported", "kgi_figure");
    }

    private EventLogCounts() {
    }

    /** "events of type T → rows of table" for every table, plus the log against event_origin and the missing ones. */
    public static Map<String, long[]> of(Services services) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            long events = services.count("SELECT count(*) FROM domain_event_entry WHERE substring(payload_type from "
                    + "'[^.]*$') IN ('" + table.getKey() + "')");
            long rows = services.count("SELECT count(*) FROM query." + table.getValue());
            counts.put(table.getValue(), new long[]{events, rows});
        }
        counts.put("event_origin", new long[]{services.count("SELECT count(*) FROM domain_event_entry"),
                services.count("SELECT count(*) FROM query.event_origin")});
        counts.put("events without a projection row", new long[]{0, services.count("SELECT count(*) FROM "
                + "domain_event_entry d WHERE NOT EXISTS (SELECT 1 FROM query.event_origin o "
                + "WHERE o.aggregate_id = d.aggregate_identifier AND o.sequence_number = d.sequence_number)")});
        return counts;
    }

    /** True when every projection holds exactly one row per event of its types. */
    public static boolean match(Services services) {
        return of(services).values().stream().allMatch(pair -> pair[0] == pair[1]);
    }

    public static String describe(Map<String, long[]> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((table, pair) -> text.append(table).append(": ").append(pair[0]).append(" events, ")
                .append(pair[1]).append(" rows\n"));
        return text.toString();
    }
}
