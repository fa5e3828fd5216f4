package jp.yumekairo.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL conditions that select events of the log, built up one filter at a time, each with its arguments.
 * Conditions on the payload or metadata read them as JSON through {@code query.event_json}, once per row.
 * Columns: {@code e} is the event row, {@code j.p} its payload and {@code j.m} its metadata as JSON.
 */
final class EventCriteria {

    private static final String TYPE = "substring(e.payload_type from '[^.]*$')";

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();
    private boolean json;

    EventCriteria after(long position) {
        return add("e.global_index > ?", position);
    }

    EventCriteria aggregate(String aggregateId) {
        return add("e.aggregate_identifier = ?", aggregateId);
    }

    EventCriteria types(String... simpleNames) {
        return add(TYPE + " = ANY (?)", (Object) simpleNames);
    }

    EventCriteria kpi(String kpiId) {
        return jsonField("kpiId", kpiId);
    }

    /** A text field of the payload, e.g. {@code kgiId}; the name is ours, never the client's. */
    EventCriteria jsonField(String field, String value) {
        if (!field.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException(field);
        }
        return jsonCondition("j.p->>'" + field + "' = ?", value);
    }

    /** Fiscal year of project events ({@code fiscalYear}) or year of plan events ({@code year}). */
    EventCriteria fiscalYear(int year) {
        return jsonCondition("coalesce(j.p->>'fiscalYear', j.p->>'year') = ?", String.valueOf(year));
    }

    /**
     * What an auditor means by "this member's events": those written on its behalf (metadata), those naming it
     * (a KGI figure, its report), and every event of a project it leads or of one of its reports, whoever wrote
     * it (a reviewer's comment carries no municipality of its own).
     */
    EventCriteria member(String code) {
        return jsonCondition("(j.m->>'municipality' = ? OR j.p->>'municipality' = ? OR j.p->>'leadMunicipality' = ? "
                + "OR e.aggregate_identifier IN (SELECT o.aggregate_identifier FROM public.domain_event_entry o "
                + "WHERE o.payload_type IN ('jp.yumekairo.events.project.ProjectRegistered', "
                + "'jp.yumekairo.events.report.ReportSubmitted', 'jp.yumekairo.events.report.ReportPublished') "
                + "AND (query.event_json(o.payload)->>'leadMunicipality' = ? "
                + "OR query.event_json(o.payload)->>'municipality' = ?)))", code, code, code, code, code);
    }

    /** Events written by this person (their user name in the metadata). */
    EventCriteria user(String userId) {
        return jsonCondition("j.m->>'userId' = ?", userId);
    }

    EventCriteria from(Timestamp from) {
        return add("e.time_stamp::timestamptz >= ?", from);
    }

    EventCriteria to(Timestamp to) {
        return add("e.time_stamp::timestamptz <= ?", to);
    }

    /** Any one of several criteria (each built on a fresh instance): the events of a figure's trace. */
    EventCriteria anyOf(EventCriteria... alternatives) {
        List<String> parts = new ArrayList<>();
        for (EventCriteria alternative : alternatives) {
            parts.add("(" + alternative.where() + ")");
            arguments.addAll(alternative.arguments);
            json |= alternative.json;
        }
        conditions.add("(" + String.join(" OR ", parts) + ")");
        return this;
    }

    /** The FROM clause and condition, without ordering: {@code SELECT ... <this> ORDER BY e.global_index}. */
    String fromWhere() {
        String from = json ? "public.domain_event_entry e CROSS JOIN LATERAL (SELECT query.event_json(e.payload) AS p, "
                + "query.event_json(e.meta_data) AS m) j" : "public.domain_event_entry e";
        return " FROM " + from + (conditions.isEmpty() ? "" : " WHERE " + where());
    }

    Object[] arguments() {
        return arguments.toArray();
    }

    private String where() {
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    private EventCriteria jsonCondition(String condition, Object... values) {
        json = true;
        return add(condition, values);
    }

    private EventCriteria add(String condition, Object... values) {
        conditions.add(condition);
        arguments.addAll(List.of(values));
        return this;
    }
}
