package jp.yumekairo.query.report;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.ui.Forms;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.SelfApi;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static jp.yumekairo.query.web.PathValues.member;

/**
 * The yearly 効果検証 reports (one per member and fiscal year): status and versions, the differences between two
 * versions highlighted, the reviewers' comments by sector with the member's answers; the editor submits and
 * publishes, a reviewer comments. Reads and writes go through the report API, as the signed-in person.
 */
@Controller
@UiPage
class ReportPageController {

    static final List<String> SECTORS = List.of("INDUSTRY", "GOVERNMENT", "ACADEMIA", "FINANCE", "LABOUR", "MEDIA");

    private final SelfApi api;
    private final Forms forms;
    private final ViewVersions versions;

    ReportPageController(SelfApi api, Forms forms, ViewVersions versions) {
        this.api = api;
        this.forms = forms;
        this.versions = versions;
    }

    /** The reports of every member and fiscal year of the plan period: a reviewer's home. */
    @GetMapping("/reports")
    String reports(Model model) {
        model.addAttribute("members", MunicipalityCode.values());
        model.addAttribute("fiscalYears", IntStream.rangeClosed(2022, 2026).boxed().toList());
        return "reports";
    }

    /** One report, as of the picker's moment; {@code from}/{@code to} choose the versions compared. */
    @GetMapping("/reports/{code}/{fiscalYear}")
    String report(@PathVariable String code, @PathVariable int fiscalYear, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                  @AuthenticationPrincipal SignedIn me, Model model, HttpServletRequest request) {
        MunicipalityCode member = member(code);
        year(fiscalYear);
        boolean past = (Boolean) model.getAttribute("past");
        String at = past ? PageAsOf.parse(asOf).toString() : null;
        String base = "/api/reports/" + member.code() + "/" + fiscalYear;
        SelfApi.Read report = api.get(request, me, withAsOf(base, at));
        model.addAttribute("member", member);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("reportFound", report.ok());
        model.addAttribute("reportCode", report.code());
        model.addAttribute("report", report.ok() ? report.body() : Map.of());
        SelfApi.Read published = api.get(request, me, withAsOf(base + "/versions", at));
        List<?> versionList = published.ok() && published.body().get("versions") instanceof List<?> list ? list : List.of();
        model.addAttribute("versions", versionList);
        Map<String, Object> diff = Map.of();
        if (!versionList.isEmpty() || from != null) {
            UriComponentsBuilder diffUri = UriComponentsBuilder.fromPath(base + "/diff")
                    .queryParam("from", from != null ? from : versionList.size());
            if (to != null) {
                diffUri.queryParam("to", to);
            }
            if (at != null) {
                diffUri.queryParam("asOf", at);
            }
            SelfApi.Read differences = api.get(request, me, diffUri.build().toUriString());
            diff = differences.ok() ? differences.body() : Map.of();
        }
        model.addAttribute("diff", diff);
        model.addAttribute("diffFrom", from != null ? from : versionList.size());
        model.addAttribute("diffTo", to);
        model.addAttribute("commentsBySector", bySector(report.ok() ? report.body().get("comments") : null));
        model.addAttribute("sectors", SECTORS);
        model.addAttribute("editor", !past && me.editorOf(member.code()));
        model.addAttribute("reviewer", !past && me.is("REVIEWER"));
        return "report";
    }

    /** The report printed as PDF, through the session: the API's own bytes, read as the signed-in person. */
    @GetMapping("/reports/{code}/{fiscalYear}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable int fiscalYear,
                               @RequestParam(required = false) Integer version,
                               @RequestParam(required = false) String asOf, @AuthenticationPrincipal SignedIn me,
                               HttpServletRequest request) {
        return download(code, fiscalYear, "pdf", version, asOf, me, request);
    }

    /** The report as an Excel workbook, through the session like {@link #pdf}. */
    @GetMapping("/reports/{code}/{fiscalYear}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @PathVariable int fiscalYear,
                                @RequestParam(required = false) Integer version,
                                @RequestParam(required = false) String asOf, @AuthenticationPrincipal SignedIn me,
                                HttpServletRequest request) {
        return download(code, fiscalYear, "xlsx", version, asOf, me, request);
    }

    private ResponseEntity<byte[]> download(String code, int fiscalYear, String type, Integer version, String asOf,
                                            SignedIn me, HttpServletRequest request) {
        MunicipalityCode member = member(code);
        year(fiscalYear);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/municipalities/" + member.code() + "/reports/"
                + fiscalYear + "." + type);
        if (version != null) {
            uri.queryParam("version", version);
        } else if (asOf != null && !asOf.isBlank()) {
            uri.queryParam("asOf", PageAsOf.parse(asOf).toString());
        }
        SelfApi.Download file = api.download(request, me, uri.build().toUriString());
        if (file.status() == 404) {
            throw QueryRefused.unknown("unknown-report-version", "the report has no published version " + version);
        }
        if (file.status() == 403) {
            throw new AccessDeniedException("the API refused the download");
        }
        if (!file.ok()) {
            throw new QueryRefused(HttpStatus.BAD_GATEWAY, "download-failed", "the export answered " + file.status());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()));
        if (file.disposition() != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, file.disposition());
        }
        return answer.body(file.body());
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

    /** A reviewer's comment, on the whole report or on one project or KPI; the sector comes from their token. */
    @PostMapping("/reports/{code}/{fiscalYear}/comments")
    String comment(@PathVariable String code, @PathVariable int fiscalYear, @RequestParam(defaultValue = "") String text,
                   @RequestParam(defaultValue = "") String projectId, @RequestParam(defaultValue = "") String kpiId,
                   @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        if (!me.is("REVIEWER")) {
            throw new AccessDeniedException("only reviewers comment");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("projectId", projectId.isBlank() ? null : projectId);
        body.put("kpiId", kpiId.isBlank() ? null : kpiId);
        return write(code, fiscalYear, "comment", "comments", body, me, false, request, flash,
                Map.of("text", text, "projectId", projectId, "kpiId", kpiId));
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
        year(fiscalYear);
        if (editorOnly && !me.editorOf(member.code())) {
            throw new AccessDeniedException("only the member's editor does this");
        }
        String path = "/api/reports/" + member.code() + "/" + fiscalYear + "/" + action;
        boolean sent = forms.send(request, me, new Forms.Submission(formId, "POST", path, body, null, values),
                version -> versions.awaitVersion(ReportViews.reportId(member, FiscalYear.of(fiscalYear)), version), flash);
        return "redirect:/reports/" + member.code() + "/" + fiscalYear + (sent ? "" : "#" + formId);
    }

    private static Map<String, List<Map<?, ?>>> bySector(Object comments) {
        Map<String, List<Map<?, ?>>> bySector = new LinkedHashMap<>();
        if (comments instanceof List<?> list) {
            for (Object comment : list) {
                if (comment instanceof Map<?, ?> map) {
                    bySector.computeIfAbsent(String.valueOf(map.get("sector")), sector -> new java.util.ArrayList<>())
                            .add(map);
                }
            }
        }
        return bySector;
    }

    private static String withAsOf(String path, String at) {
        return at == null ? path : path + "?asOf=" + at;
    }


    private static void year(int fiscalYear) {
        try {
            FiscalYear.of(fiscalYear);
        } catch (InvalidValueException invalid) {
            throw QueryRefused.invalid(invalid.code(), invalid.getMessage());
        }
    }
}
