package jp.yumekairo.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.audit.RebuildRuns.RebuildStatus;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The auditor's page (AUDITOR and ADMIN): the event log with filters, tracing a figure to the events behind it,
 * verifying the log's hash chain, and a projection rebuild whose progress the page follows. It reads through the
 * API's own beans, which check the signed-in person's role as they check a token's. The template reads their
 * answers as the API's JSON shows them, so the page and the API show the same.
 */
@Controller
@UiPage
class AuditPageController {

    /** Every event type the log holds, in the order the type filter offers them. */
    static final List<String> EVENT_TYPES = List.of("ProjectRegistered", "ProjectDetailsCorrected", "KpiDefined",
            "KpiRenamed", "TargetRevised", "ActualRecorded", "ProjectCostRecorded", "ProjectActivitiesRecorded",
            "EvaluationSubmitted", "EvaluationRevised", "ReportSubmitted", "ReviewCommentAdded",
            "ReviewCommentAnswered", "ReportPublished", "PlanDefined", "KgiDefined", "PlanTargetRevised",
            "KgiFigureReported", "PartnershipFigureReported");
    static final List<String> FILTERS = List.of("municipality", "project", "kpi", "user", "fiscalYear", "type", "from",
            "to");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final AuditLog log;
    private final LogRows rows;
    private final ChainVerification verification;
    private final Rebuild rebuild;
    private final RebuildRuns runs;
    private final ObjectMapper json;

    AuditPageController(AuditLog log, LogRows rows, ChainVerification verification, Rebuild rebuild, RebuildRuns runs,
                        ObjectMapper json) {
        this.log = log;
        this.rows = rows;
        this.verification = verification;
        this.rebuild = rebuild;
        this.runs = runs;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The log, filtered; {@code after} pages on from the last event shown. */
    @GetMapping("/audit")
    String audit(@RequestParam Map<String, String> parameters, @RequestParam(required = false) Long run, Model model) {
        Map<String, String> filters = filters(parameters);
        model.addAttribute("filters", filters);
        try {
            AuditLog.Page page = log.page(criteria(parameters, filters, (Boolean) model.getAttribute("past")),
                    LogFilters.DEFAULT_LIMIT);
            model.addAttribute("tracedKgi", given(parameters, "plan") == null ? null : parameters.get("kgi"));
            model.addAttribute("logAvailable", true);
            model.addAttribute("logStatus", 200);
            model.addAttribute("logCode", "");
            model.addAttribute("events", asJson(page).get("events"));
            model.addAttribute("rows", rows.of(page.events()));
            model.addAttribute("next", page.next());
        } catch (QueryRefused refused) {
            model.addAttribute("tracedKgi", null);
            model.addAttribute("logAvailable", false);
            model.addAttribute("logStatus", refused.status().value());
            model.addAttribute("logCode", refused.code());
            model.addAttribute("events", List.of());
            model.addAttribute("rows", Map.of());
            model.addAttribute("next", null);
        }
        model.addAttribute("choices", rows.choices());
        model.addAttribute("exportQuery", exportQuery(parameters));
        Map<String, Object> shown = null;
        try {
            shown = asJson(run != null ? runs.status(run) : runs.latest());
        } catch (QueryRefused noRunYet) {
            // the page offers to start the first one
        }
        model.addAttribute("rebuild", shown);
        model.addAttribute("members", MunicipalityCode.values());
        model.addAttribute("eventTypes", EVENT_TYPES);
        model.addAttribute("fiscalYears", java.util.stream.IntStream.rangeClosed(2019, 2030).boxed().toList());
        return "audit";
    }

    /** The filtered log as the API exports it: every matching event, one JSON object per line. */
    @GetMapping(value = "/audit/export.ndjson", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> exportNdjson(@RequestParam Map<String, String> parameters) {
        EventCriteria criteria = criteria(parameters, filters(parameters), given(parameters, "asOf") != null);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-log.ndjson").build().toString())
                .body(out -> log.export(criteria, out));
    }

    /**
     * The filtered log for a spreadsheet: one row per event with the page's columns in words (when, what, concerning
     * what, who, why, the request), the raw payload in the last column; UTF-8 with a byte-order mark for Excel.
     */
    @GetMapping(value = "/audit/export.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv(@RequestParam Map<String, String> parameters) {
        EventCriteria criteria = criteria(parameters, filters(parameters), given(parameters, "asOf") != null);
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-log.csv").build().toString())
                .body(out -> rows.csv(criteria, out, locale));
    }

    /** Verifies the hash chain of the stored log and shows whether it is intact. */
    @PostMapping("/audit/verify")
    String verify(RedirectAttributes flash) {
        flash.addFlashAttribute("verification", asJson(verification.verify()));
        flash.addFlashAttribute("verificationStatus", 200);
        return "redirect:/audit#verify";
    }

    /** Starts a rebuild of every projection from the log; the page then follows its progress. */
    @PostMapping("/audit/rebuild")
    String rebuild(@AuthenticationPrincipal SignedIn me, RedirectAttributes flash) {
        try {
            return "redirect:/audit?run=" + rebuild.start(me.userId()) + "#rebuild";
        } catch (QueryRefused refused) {
            flash.addFlashAttribute("rebuildRefused", refused.code());
            return "redirect:/audit#rebuild";
        }
    }

    /** A run's progress for the page's script: state, replayed of total events, and the verdict once finished. */
    @GetMapping("/audit/rebuild/{runId}")
    @ResponseBody
    ResponseEntity<RebuildStatus> rebuildStatus(@PathVariable long runId) {
        return ResponseEntity.ok(runs.status(runId));
    }

    private static Map<String, String> filters(Map<String, String> parameters) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            filters.put(filter, parameters.getOrDefault(filter, "").trim());
        }
        return filters;
    }

    /**
     * The events the page's parameters select: a dashboard figure's 根拠をたどる (plan, kgi, member or total, year), or
     * the filters; a KPI chosen from the list names its project too ({@code project/kpi}); a past page stops at its
     * moment.
     */
    private static EventCriteria criteria(Map<String, String> parameters, Map<String, String> filters, boolean past) {
        String plan = given(parameters, "plan");
        Long after = number(parameters, "after", Long::valueOf);
        EventCriteria criteria;
        if (plan != null) {
            criteria = FigureTrace.of(null, null, null, plan, given(parameters, "kgi"), given(parameters, "member"),
                    number(parameters, "year", Integer::valueOf), given(parameters, "figure"));
            if (after != null) {
                criteria.after(after);
            }
        } else {
            String project = given(filters, "project");
            String kpi = given(filters, "kpi");
            if (kpi != null && kpi.contains("/")) {
                project = project == null ? kpi.substring(0, kpi.indexOf('/')) : project;
                kpi = kpi.substring(kpi.indexOf('/') + 1);
            }
            criteria = LogFilters.criteria(given(filters, "municipality"), project, kpi, given(filters, "user"),
                    fiscalYear(given(filters, "fiscalYear")),
                    given(filters, "type") == null ? null : List.of(filters.get("type")), given(filters, "from"),
                    given(filters, "to"), after);
        }
        if (past) {
            criteria.to(Timestamp.from(PageAsOf.parse(parameters.get("asOf"))));
        }
        return criteria;
    }

    /** The page's filters (or its trace) as the export links' query, without paging. */
    private static String exportQuery(Map<String, String> parameters) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        parameters.forEach((name, value) -> {
            if (!name.equals("after") && !name.equals("run") && !name.equals("lang") && value != null && !value.isBlank()) {
                query.queryParam(name, value);
            }
        });
        return query.build().encode().toUriString();
    }

    /** A fiscal year as people type it (令和6年度, R6, 2024), or the refusal that says so in Japanese. */
    private static Integer fiscalYear(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return FiscalYear.parse(typed).startYear();
        } catch (InvalidValueException unreadable) {
            throw QueryRefused.invalid("invalid-fiscal-year", "fiscalYear: " + unreadable.getMessage());
        }
    }

    private Map<String, Object> asJson(Object answer) {
        return json.convertValue(answer, JSON_OBJECT);
    }

    private static String given(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A number the API would have bound, or the API's refusal of it. */
    private static <T> T number(Map<String, String> values, String name, Function<String, T> parse) {
        String value = given(values, name);
        try {
            return value == null ? null : parse.apply(value.trim());
        } catch (NumberFormatException notANumber) {
            throw QueryRefused.invalid("invalid-parameter", "'" + name + "' is not valid here");
        }
    }
}
