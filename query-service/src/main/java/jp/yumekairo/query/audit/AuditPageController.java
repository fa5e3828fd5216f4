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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final List<String> FILTERS = List.of("municipality", "project", "kpi", "fiscalYear", "type", "from", "to");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final AuditLog log;
    private final ChainVerification verification;
    private final Rebuild rebuild;
    private final RebuildRuns runs;
    private final ObjectMapper json;

    AuditPageController(AuditLog log, ChainVerification verification, Rebuild rebuild, RebuildRuns runs,
                        ObjectMapper json) {
        this.log = log;
        this.verification = verification;
        this.rebuild = rebuild;
        this.runs = runs;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The log, filtered; {@code after} pages on from the last event shown. */
    @GetMapping("/audit")
    String audit(@RequestParam Map<String, String> parameters, @RequestParam(required = false) Long run, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            filters.put(filter, parameters.getOrDefault(filter, "").trim());
        }
        model.addAttribute("filters", filters);
        try {
            // a dashboard figure's 根拠をたどる: the events behind one KGI figure (plan, kgi, member or total, year)
            String plan = given(parameters, "plan");
            model.addAttribute("tracedKgi", plan == null ? null : parameters.get("kgi"));
            EventCriteria criteria = plan != null
                    ? FigureTrace.of(null, null, null, plan, given(parameters, "kgi"), given(parameters, "member"),
                            number(parameters, "year", Integer::valueOf), given(parameters, "figure"))
                    : LogFilters.criteria(given(filters, "municipality"), given(filters, "project"),
                    given(filters, "kpi"), fiscalYear(given(filters, "fiscalYear")),
                    given(filters, "type") == null ? null : List.of(filters.get("type")), given(filters, "from"),
                    given(filters, "to"), number(parameters, "after", Long::valueOf));
            if (plan != null && number(parameters, "after", Long::valueOf) != null) {
                criteria.after(number(parameters, "after", Long::valueOf));
            }
            if ((Boolean) model.getAttribute("past")) {
                criteria.to(Timestamp.from(PageAsOf.parse(parameters.get("asOf"))));
            }
            Map<String, Object> page = asJson(log.page(criteria, LogFilters.DEFAULT_LIMIT));
            model.addAttribute("logAvailable", true);
            model.addAttribute("logStatus", 200);
            model.addAttribute("logCode", "");
            model.addAttribute("events", page.get("events"));
            model.addAttribute("next", page.get("next"));
        } catch (QueryRefused refused) {
            model.addAttribute("logAvailable", false);
            model.addAttribute("logStatus", refused.status().value());
            model.addAttribute("logCode", refused.code());
            model.addAttribute("events", List.of());
            model.addAttribute("next", null);
        }
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
