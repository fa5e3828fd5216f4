package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jp.yumekairo.events.EventMetadata;
import jp.yumekairo.query.audit.AuditLog.AuditEvent;
import jp.yumekairo.query.ui.Formats;
import jp.yumekairo.query.web.Spreadsheets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The auditor's log in words: for each event, what it did in a sentence (「実績値を訂正 令和6年度 MICE誘致件数 167件 →
 * 170件 (確定)」) and what it was done to (the project, plan or report by name), in the page's language. A figure's
 * value before comes from the log itself (the latest earlier event of the same kind for the same KPI, KGI, member and
 * year in the same aggregate), never from the views; the names come from the views, as the pages show them. The raw
 * event stays beside the sentence: what is described here is only ever read, never trusted for a verdict.
 */
@Component
class LogRows {

    /** One event in words: the sentence, what it concerns, and who wrote it. */
    record Row(String sentence, String subject, String who) {
    }

    /** What the page's filters offer: the projects and their KPIs by name, and the people who wrote to the log. */
    record Choices(List<Choice> projects, List<Choice> kpis, List<Choice> people) {
    }

    /** One entry of a filter's list: the value sent and the label shown. */
    record Choice(String value, String label) {
    }

    /** The events that change a figure: their sentence says from what to what. */
    private static final Set<String> FIGURES = Set.of("TargetRevised", "ActualRecorded", "ProjectCostRecorded",
            "PlanTargetRevised", "KgiFigureReported", "PartnershipFigureReported");

    private static final ObjectMapper EVENTS = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Formats fmt;
    private final AuditLog log;

    LogRows(JdbcTemplate jdbc, MessageSource messages, Formats fmt, AuditLog log) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.fmt = fmt;
        this.log = log;
    }

    /** The filters' lists: projects by member and name, each KPI under its project, each person with role and member. */
    Choices choices() {
        Names names = names();
        List<Choice> projects = new ArrayList<>();
        jdbc.query("SELECT project_id, lead_municipality FROM query.project ORDER BY lead_municipality, sequence_number, project_id",
                row -> {
                    projects.add(new Choice(row.getString(1), memberName(row.getString(2)) + ": "
                            + names.project(row.getString(1))));
                });
        List<Choice> kpis = new ArrayList<>();
        jdbc.query("""
                SELECT k.project_id, k.kpi_id FROM query.kpi k JOIN query.project p USING (project_id)
                ORDER BY p.lead_municipality, p.sequence_number, k.project_id, k.sequence_number""", row -> {
            String project = row.getString(1);
            kpis.add(new Choice(project + "/" + row.getString(2),
                    names.kpi(project, row.getString(2)) + " (" + names.project(project) + ")"));
        });
        List<Choice> people = new ArrayList<>();
        jdbc.query("""
                SELECT user_id, min(role), min(municipality) FROM query.event_origin GROUP BY user_id ORDER BY user_id""",
                row -> {
                    List<String> about = new ArrayList<>();
                    about.add(label("role.", row.getString(2)));
                    if (row.getString(3) != null) {
                        about.add(memberName(row.getString(3)));
                    }
                    people.add(new Choice(row.getString(1), row.getString(1) + " (" + String.join("・", about) + ")"));
                });
        return new Choices(projects, kpis, people);
    }

    /**
     * The selected events as CSV, the page's columns in words and the raw payload last; read in one snapshot and
     * described in batches, so a long log streams in bounded memory. Text that a spreadsheet would run is quoted
     * ({@link Spreadsheets#csvText}).
     */
    void csv(EventCriteria criteria, OutputStream out, Locale locale) throws IOException {
        LocaleContextHolder.setLocale(locale);
        try {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(text, CSVFormat.EXCEL);
            csv.printRecord(List.of("position", "when", "type", "change", "subject", "who", "reason", "requestId",
                    "eventId", "payload").stream().map(column -> message("audit.csv." + column)).toList());
            // the names once for the whole export; the values before, per batch
            Names names = names();
            List<AuditEvent> batch = new ArrayList<>();
            log.each(criteria, event -> {
                batch.add(event);
                if (batch.size() == CSV_BATCH) {
                    print(batch, names, csv);
                }
            });
            print(batch, names, csv);
            csv.flush();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static final int CSV_BATCH = 200;

    private void print(List<AuditEvent> batch, Names names, CSVPrinter csv) {
        Map<String, Row> described = of(batch, names);
        try {
            for (AuditEvent event : batch) {
                Row row = described.get(String.valueOf(event.position()));
                JsonNode meta = event.metaData();
                csv.printRecord(event.position(), fmt.time(event.timestamp()), label("event.", event.type()),
                        Spreadsheets.csvText(row.sentence()), Spreadsheets.csvText(row.subject()),
                        Spreadsheets.csvText(row.who()),
                        Spreadsheets.csvText(meta == null ? "" : meta.path(EventMetadata.REASON).asText("")),
                        Spreadsheets.csvText(meta == null ? "" : meta.path(EventMetadata.REQUEST_ID).asText("")),
                        event.eventId(), Spreadsheets.csvText(event.payload() == null ? "" : event.payload().toString()));
            }
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
        batch.clear();
    }

    /** The rows of these events, by their position in the log (as text, as the page's JSON gives it). */
    Map<String, Row> of(List<AuditEvent> events) {
        return events.isEmpty() ? new HashMap<>() : of(events, names());
    }

    private Map<String, Row> of(List<AuditEvent> events, Names names) {
        Map<String, Row> rows = new HashMap<>();
        Map<Long, JsonNode> before = before(events);
        for (AuditEvent event : events) {
            rows.put(String.valueOf(event.position()), row(event, before.get(event.position()), names));
        }
        return rows;
    }

    private Row row(AuditEvent event, JsonNode previous, Names names) {
        JsonNode p = event.payload() == null ? MissingNode.getInstance()
                : event.payload();
        String project = text(p, "projectId");
        String plan = text(p, "planId");
        String kpi = project == null ? null : names.kpi(project, text(p, "kpiId"));
        String kpiUnit = project == null ? null : names.kpiUnit(project, text(p, "kpiId"));
        String kgi = plan == null ? null : names.kgi(plan, text(p, "kgiId"));
        String kgiUnit = plan == null ? null : names.kgiUnit(plan, text(p, "kgiId"));
        String fy = p.hasNonNull("fiscalYear") ? fmt.fiscalYear(p.get("fiscalYear").asInt()) : "";
        String year = p.hasNonNull("year") ? fmt.year(p.get("year").asInt()) : "";
        String type = event.type();
        String sentence = switch (type) {
            case "ProjectRegistered" -> message("audit.row.ProjectRegistered", text(p, "name"),
                    fmt.fiscalYear(p.path("firstFiscalYear").asInt()), fmt.fiscalYear(p.path("lastFiscalYear").asInt()));
            case "ProjectDetailsCorrected" -> message("audit.row.ProjectDetailsCorrected", text(p, "name"));
            case "KpiDefined" -> message("audit.row.KpiDefined", text(p, "name"), text(p, "unit"));
            case "KpiRenamed" -> message("audit.row.KpiRenamed", text(p, "name"));
            case "TargetRevised" -> figure(type, previous, fy, kpi, figure(p.get("target"), kpiUnit),
                    previous == null ? null : figure(previous.get("target"), kpiUnit), null);
            case "ActualRecorded" -> figure(type, previous, fy, kpi, figure(p.get("actual"), kpiUnit),
                    previous == null ? null : figure(previous.get("actual"), kpiUnit), status(p));
            case "ProjectCostRecorded" -> figure(type, previous, fy, message("audit.row.totalCost"),
                    fmt.number(p.path("totalCost").decimalValue(), "円"),
                    previous == null ? null : fmt.number(previous.path("totalCost").decimalValue(), "円"), null);
            case "ProjectActivitiesRecorded" -> message("audit.row.ProjectActivitiesRecorded", fy);
            case "EvaluationSubmitted", "EvaluationRevised" -> message("audit.row." + type, fy,
                    label("effect.", text(p, "effect")), label("policy.", text(p, "policy")));
            case "ReportSubmitted" -> message("audit.row.ReportSubmitted", member(p), fy,
                    String.valueOf(p.path("submission").asInt()));
            case "ReviewCommentAdded" -> message("audit.row.ReviewCommentAdded", label("sector.", text(p, "sector")),
                    abbreviate(text(p, "text")));
            case "ReviewCommentAnswered" -> message("audit.row.ReviewCommentAnswered", abbreviate(text(p, "text")));
            case "ReportPublished" -> message("audit.row.ReportPublished", member(p), fy,
                    String.valueOf(p.path("version").asInt()));
            case "PlanDefined" -> message("audit.row.PlanDefined", text(p, "name"),
                    fmt.fiscalYear(p.path("firstFiscalYear").asInt()), fmt.fiscalYear(p.path("lastFiscalYear").asInt()));
            case "KgiDefined" -> message("audit.row.KgiDefined", text(p, "name"), text(p, "unit"));
            case "PlanTargetRevised" -> figure(type, previous, year, kgi, figure(p.get("target"), kgiUnit),
                    previous == null ? null : figure(previous.get("target"), kgiUnit), null);
            case "KgiFigureReported" -> figure(type, previous, year, member(p) + " " + kgi,
                    figure(p.get("value"), kgiUnit), previous == null ? null : figure(previous.get("value"), kgiUnit),
                    status(p));
            case "PartnershipFigureReported" -> figure(type, previous, year, kgi, figure(p.get("value"), kgiUnit),
                    previous == null ? null : figure(previous.get("value"), kgiUnit), status(p));
            default -> label("event.", type);
        };
        return new Row(sentence, subject(event, p, names), who(event.metaData()));
    }

    /** 「実績値を記録 令和6年度 KPI 170件 (確定)」 the first time, 「実績値を訂正 … 167件 → 170件 (確定)」 after. */
    private String figure(String type, JsonNode previous, String when, String what, String now, String was,
                          String status) {
        String sentence = previous == null
                ? message("audit.row." + type + ".first", when, what, now)
                : message("audit.row." + type + ".change", when, what, was, now);
        return status == null ? sentence : sentence + " (" + status + ")";
    }

    private String subject(AuditEvent event, JsonNode p, Names names) {
        String project = text(p, "projectId");
        if (project != null) {
            return names.project(project);
        }
        String plan = text(p, "planId");
        if (plan != null) {
            return names.plan(plan);
        }
        if (p.hasNonNull("municipality") && p.hasNonNull("fiscalYear")) {
            return message("audit.row.report", member(p), fmt.fiscalYear(p.get("fiscalYear").asInt()));
        }
        String aggregate = event.aggregateId();
        // a comment names its report by id only: report-<member>-<fiscal year>
        if (aggregate != null && aggregate.matches("report-\\d{5}-\\d{4}")) {
            try {
                return message("audit.row.report", fmt.memberName(aggregate.substring(7, 12)),
                        fmt.fiscalYear(Integer.parseInt(aggregate.substring(13))));
            } catch (IllegalArgumentException notAMember) {
                return aggregate;
            }
        }
        return aggregate;
    }

    private String who(JsonNode meta) {
        if (meta == null) {
            return Formats.UNKNOWN;
        }
        String user = text(meta, EventMetadata.USER);
        String role = text(meta, EventMetadata.ROLE);
        String member = text(meta, EventMetadata.MUNICIPALITY);
        String sector = text(meta, EventMetadata.SECTOR);
        StringBuilder who = new StringBuilder(user == null ? Formats.UNKNOWN : user);
        List<String> about = new ArrayList<>();
        if (role != null) {
            about.add(label("role.", role));
        }
        if (member != null) {
            about.add(memberName(member));
        }
        if (sector != null) {
            about.add(label("sector.", sector));
        }
        if (!about.isEmpty()) {
            who.append(" (").append(String.join("・", about)).append(")");
        }
        return who.toString();
    }

    /**
     * For each figure event, the payload of the latest earlier event of the same type in the same aggregate for the
     * same KPI, KGI, member and year: what the figure was before it.
     */
    private Map<Long, JsonNode> before(List<AuditEvent> events) {
        Long[] positions = events.stream().filter(e -> FIGURES.contains(e.type())).map(AuditEvent::position)
                .toArray(Long[]::new);
        Map<Long, JsonNode> before = new HashMap<>();
        if (positions.length == 0) {
            return before;
        }
        Map<Long, AuditEvent> byPosition = new HashMap<>();
        events.forEach(e -> byPosition.put(e.position(), e));
        jdbc.query("""
                SELECT e.global_index, previous.payload::text
                FROM public.domain_event_entry e
                CROSS JOIN LATERAL (SELECT query.event_json(e.payload) AS p) j
                CROSS JOIN LATERAL (
                    SELECT o.p AS payload FROM public.domain_event_entry b
                    CROSS JOIN LATERAL (SELECT query.event_json(b.payload) AS p) o
                    WHERE b.aggregate_identifier = e.aggregate_identifier AND b.payload_type = e.payload_type
                      AND b.sequence_number < e.sequence_number
                      AND o.p->>'kpiId' IS NOT DISTINCT FROM j.p->>'kpiId'
                      AND o.p->>'kgiId' IS NOT DISTINCT FROM j.p->>'kgiId'
                      AND o.p->>'municipality' IS NOT DISTINCT FROM j.p->>'municipality'
                      AND coalesce(o.p->>'fiscalYear', o.p->>'year') IS NOT DISTINCT FROM coalesce(j.p->>'fiscalYear', j.p->>'year')
                    ORDER BY b.sequence_number DESC LIMIT 1) previous
                WHERE e.global_index = ANY (?)""", row -> {
            try {
                before.put(row.getLong(1), EVENTS.readTree(row.getString(2)));
            } catch (IOException unreadable) {
                // described as a first figure; the raw event is beside it
            }
        }, (Object) positions);
        return before;
    }

    /** The names the views give projects, KPIs, plans and KGIs now (the latest correction of each). */
    private Names names() {
        Names names = new Names(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        jdbc.query("""
                SELECT DISTINCT ON (project_id) project_id, name FROM (
                    SELECT project_id, sequence_number, name FROM query.project
                    UNION ALL SELECT project_id, sequence_number, name FROM query.project_details) n
                ORDER BY project_id, sequence_number DESC""",
                row -> { names.projects().put(row.getString(1), row.getString(2)); });
        jdbc.query("SELECT project_id, kpi_id, name, unit FROM query.kpi", row -> {
            names.kpis().put(row.getString(1) + "/" + row.getString(2), row.getString(3));
            names.units().put(row.getString(1) + "/" + row.getString(2), row.getString(4));
        });
        jdbc.query("""
                SELECT DISTINCT ON (project_id, kpi_id) project_id, kpi_id, name FROM query.kpi_name
                ORDER BY project_id, kpi_id, sequence_number DESC""",
                row -> { names.kpis().put(row.getString(1) + "/" + row.getString(2), row.getString(3)); });
        jdbc.query("SELECT plan_id, name FROM query.plan", row -> { names.plans().put(row.getString(1), row.getString(2)); });
        jdbc.query("SELECT plan_id, kgi_id, name, unit FROM query.kgi", row -> {
            names.kgis().put("plan:" + row.getString(1) + "/" + row.getString(2), row.getString(3));
            names.units().put("plan:" + row.getString(1) + "/" + row.getString(2), row.getString(4));
        });
        return names;
    }

    /** Names by id; an id the views do not know is shown as it is. */
    private record Names(Map<String, String> projects, Map<String, String> kpis, Map<String, String> plans,
                         Map<String, String> kgis, Map<String, String> units) {

        String project(String id) {
            return projects.getOrDefault(id, id);
        }

        String kpi(String project, String kpi) {
            return kpi == null ? "" : kpis.getOrDefault(project + "/" + kpi, kpi);
        }

        String kpiUnit(String project, String kpi) {
            return kpi == null ? null : units.get(project + "/" + kpi);
        }

        String plan(String id) {
            return plans.getOrDefault(id, id);
        }

        String kgi(String plan, String kgi) {
            return kgi == null ? "" : kgis.getOrDefault("plan:" + plan + "/" + kgi, kgi);
        }

        String kgiUnit(String plan, String kgi) {
            return kgi == null ? null : units.get("plan:" + plan + "/" + kgi);
        }
    }

    /** A figure of a payload ({@code {"value": 170, "unit": "件"}}), or 不明 when the event records none. */
    private String figure(JsonNode figure, String unit) {
        if (figure == null || figure.isNull() || !figure.hasNonNull("value")) {
            return message("audit.row.unknown");
        }
        BigDecimal value = figure.get("value").decimalValue();
        String shownUnit = figure.hasNonNull("unit") ? figure.get("unit").asText() : unit;
        return fmt.number(value, shownUnit);
    }

    private String status(JsonNode p) {
        String status = text(p, "status");
        return status == null ? null : label("actual.", status);
    }

    private String memberName(String code) {
        try {
            return fmt.memberName(code);
        } catch (IllegalArgumentException notAMember) {
            return code;
        }
    }

    private String member(JsonNode p) {
        String code = text(p, "municipality");
        return code == null ? "" : memberName(code);
    }

    private String label(String prefix, String code) {
        return code == null ? Formats.UNKNOWN : messages.getMessage(prefix + code, null, code, locale());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
