package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.report.ReportIds;
import jp.yumekairo.query.report.ReportView.Comment;
import jp.yumekairo.query.ui.Forms;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.PathValues;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static jp.yumekairo.query.web.PathValues.member;

/**
 * The yearly 効果検証 reports (one per member and fiscal year): status and versions, the differences between two
 * versions highlighted, the reviewers' comments by sector with the member's answers; the editor submits and
 * publishes, a reviewer comments. Reads go through the beans the report API reads through (anyone signed in
 * reads a report, as through the API); writes go to the command service as the signed-in person.
 */
@Controller
@UiPage
class ReportPageController {

    private final ReportViews reports;
    private final ReportFiles files;
    private final Forms forms;
    private final ViewVersions versions;

    ReportPageController(ReportViews reports, ReportFiles files, Forms forms, ViewVersions versions) {
        this.reports = reports;
        this.files = files;
        this.forms = forms;
        this.versions = versions;
    }

    /**
     * A reviewer's home: every report that exists at the picker's moment (a member's report of a year exists only
     * when it leads or takes part in a project of that year), those submitted for review first, then by fiscal
     * year, each with its state and how many comments it has and how many are still without an answer.
     */
    @GetMapping("/reports")
    String reports(@RequestParam(required = false) String asOf, Model model) {
        boolean past = (Boolean) model.getAttribute("past");
        List<ReportViews.Summary> all = reports.overview(past ? PageAsOf.parse(asOf) : AsOf.LATEST);
        Map<Integer, List<ReportViews.Summary>> byYear = new TreeMap<>(Comparator.reverseOrder());
        all.forEach(summary -> byYear.computeIfAbsent(summary.fiscalYear(), year -> new ArrayList<>()).add(summary));
        model.addAttribute("submitted", all.stream().filter(ReportViews.Summary::submitted).toList());
        model.addAttribute("byYear", byYear);
        model.addAttribute("publishedYears", all.stream().filter(summary -> summary.latestVersion() != null)
                .map(ReportViews.Summary::fiscalYear).collect(java.util.stream.Collectors.toSet()));
        return "reports";
    }

    /** One report, as of the picker's moment; {@code from}/{@code to} choose the versions compared. */
    @GetMapping("/reports/{code}/{fiscalYear}")
    String report(@PathVariable String code, @PathVariable int fiscalYear, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                  @AuthenticationPrincipal SignedIn me, Model model) {
        MunicipalityCode member = member(code);
        FiscalYear year = PathValues.fiscalYear(fiscalYear);
        boolean past = (Boolean) model.getAttribute("past");
        Instant at = past ? PageAsOf.parse(asOf) : AsOf.LATEST;
        reports.requireExists(member, year, at);
        ReportView report = reports.current(member, year, at);
        List<ReportViews.Publication> published = reports.publications(member, year, at).versions();
        model.addAttribute("member", member);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("report", report);
        model.addAttribute("versions", published);
        int diffFrom = from != null ? from : published.size();
        model.addAttribute("diff", !published.isEmpty() || from != null
                ? reports.compare(member, year, diffFrom, to, at).orElse(null) : null);
        model.addAttribute("diffFrom", diffFrom);
        model.addAttribute("diffTo", to);
        model.addAttribute("commentsBySector", bySector(report.comments()));
        model.addAttribute("commentTargets", targets(report));
        model.addAttribute("editor", !past && me.editorOf(member.code()));
        model.addAttribute("reviewer", !past && me.is("REVIEWER"));
        return "report";
    }

    /** Every member's latest published 効果検証 of the fiscal year, PDF and workbook, in one ZIP. */
    @GetMapping("/reports/published/{fiscalYear}.zip")
    ResponseEntity<byte[]> published(@PathVariable int fiscalYear) {
        FiscalYear year = PathValues.fiscalYear(fiscalYear);
        return files.published(reports.overview(AsOf.LATEST).stream()
                .filter(summary -> summary.fiscalYear() == fiscalYear).toList(), year);
    }

    /** The report printed as PDF, through the session: the same file as the API's. */
    @GetMapping("/reports/{code}/{fiscalYear}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable int fiscalYear,
                               @RequestParam(required = false) Integer version,
                               @RequestParam(required = false) String asOf) {
        return files.pdf(print(code, fiscalYear, version, asOf));
    }

    /** The report as an Excel workbook, through the session like {@link #pdf}. */
    @GetMapping("/reports/{code}/{fiscalYear}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @PathVariable int fiscalYear,
                                @RequestParam(required = false) Integer version,
                                @RequestParam(required = false) String asOf) {
        return files.xlsx(print(code, fiscalYear, version, asOf));
    }

    /** Published version {@code version}; without it, the report at the page's moment ({@code asOf} is then read). */
    private PrintedReport print(String code, int fiscalYear, Integer version, String asOf) {
        return files.print(member(code), PathValues.fiscalYear(fiscalYear), version,
                version != null ? AsOf.LATEST : PageAsOf.parse(asOf));
    }

    /** The editor submits the report for review (a reason when it was published before). */
    @PostMapping("/reports/{code}/{fiscalYear}/submission")
    String submit(@PathVariable String code, @PathVariable int fiscalYear, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        return write(code, fiscalYear, "submission", "submission", Map.of("reason", reason), me, true, request, flash,
                Map.of("reason", reason));
    }

    /** The editor publishes the reviewed report: a numbered, frozen version. */
    @PostMapping("/reports/{code}/{fiscalYear}/publication")
    String publish(@PathVariable String code, @PathVariable int fiscalYear, @RequestParam(defaultValue = "") String reason,
                   @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        return write(code, fiscalYear, "publication", "publication", Map.of("reason", reason), me, true, request, flash,
                Map.of("reason", reason));
    }

    /**
     * A reviewer's comment, on the whole report or on one project or KPI; the sector comes from their token. The
     * page's form names its target as {@code target}: "" for the whole report, a project id, or
     * {@code projectId/kpiId} (ids never hold a "/"); {@code projectId} and {@code kpiId} are read when it is absent.
     */
    @PostMapping("/reports/{code}/{fiscalYear}/comments")
    String comment(@PathVariable String code, @PathVariable int fiscalYear, @RequestParam(defaultValue = "") String text,
                   @RequestParam(required = false) String target,
                   @RequestParam(defaultValue = "") String projectId, @RequestParam(defaultValue = "") String kpiId,
                   @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        if (!me.is("REVIEWER")) {
            throw new AccessDeniedException("only reviewers comment");
        }
        if (target != null) {
            int slash = target.indexOf('/');
            projectId = slash < 0 ? target : target.substring(0, slash);
            kpiId = slash < 0 ? "" : target.substring(slash + 1);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("projectId", projectId.isBlank() ? null : projectId);
        body.put("kpiId", kpiId.isBlank() ? null : kpiId);
        return write(code, fiscalYear, "comment", "comments", body, me, false, request, flash,
                Map.of("text", text, "target", target != null ? target
                        : projectId + (kpiId.isBlank() ? "" : "/" + kpiId)));
    }

    /** The member's answer to a comment. */
    @PostMapping("/reports/{code}/{fiscalYear}/comments/{commentId}/answer")
    String answer(@PathVariable String code, @PathVariable int fiscalYear, @PathVariable String commentId,
                  @RequestParam(defaultValue = "") String text, @AuthenticationPrincipal SignedIn me,
                  HttpServletRequest request, RedirectAttributes flash) {
        return write(code, fiscalYear, "answer-" + commentId, "comments/" + commentId + "/answer", Map.of("text", text),
                me, true, request, flash, Map.of("text", text));
    }

    private String write(String code, int fiscalYear, String formId, String action, Map<String, ?> body, SignedIn me,
                         boolean editorOnly, HttpServletRequest request, RedirectAttributes flash,
                         Map<String, String> values) {
        MunicipalityCode member = member(code);
        FiscalYear year = PathValues.fiscalYear(fiscalYear);
        if (editorOnly && !me.editorOf(member.code())) {
            throw new AccessDeniedException("only the member's editor does this");
        }
        String path = "/api/reports/" + member.code() + "/" + fiscalYear + "/" + action;
        boolean sent = forms.send(request, me, new Forms.Submission(formId, "POST", path, body, null, values),
                version -> versions.awaitVersion(ReportIds.of(member, year), version), flash);
        return "redirect:/reports/" + member.code() + "/" + fiscalYear + (sent ? "" : "#" + formId);
    }

    /**
     * What each comment is about, by name ("事業名 / KPI名"), by comment id; a comment on the whole report has none.
     * A target the report does not show (the command service refuses such comments) maps to null.
     */
    private static Map<String, String> targets(ReportView report) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ReportView.ReportProject project : report.projects()) {
            names.put(project.projectId(), project.name());
            for (ReportView.ReportKpi kpi : project.kpis()) {
                names.put(project.projectId() + "/" + kpi.kpiId(), project.name() + " / " + kpi.name());
            }
        }
        Map<String, String> targets = new LinkedHashMap<>();
        for (Comment comment : report.comments()) {
            if (comment.projectId() == null) {
                continue;
            }
            String key = comment.projectId() + (comment.kpiId() == null ? "" : "/" + comment.kpiId());
            targets.put(comment.commentId(), names.get(key));
        }
        return targets;
    }

    private static Map<String, List<Comment>> bySector(List<Comment> comments) {
        Map<String, List<Comment>> bySector = new LinkedHashMap<>();
        for (Comment comment : comments) {
            bySector.computeIfAbsent(comment.sector(), sector -> new ArrayList<>()).add(comment);
        }
        return bySector;
    }
}
