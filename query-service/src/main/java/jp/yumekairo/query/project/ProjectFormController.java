package jp.yumekairo.query.project;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.query.ui.Forms;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editor's forms of the member page, forwarded to the command service as the editor, with the version the page
 * showed as If-Match: someone else's change in between is refused, not overwritten.
 */
@Controller
@UiPage
class ProjectFormController {

    private final ProjectViews views;
    private final ViewVersions versions;
    private final Forms forms;

    ProjectFormController(ProjectViews views, ViewVersions versions, Forms forms) {
        this.views = views;
        this.versions = versions;
        this.forms = forms;
    }

    /** Records (or corrects, with a reason) a KPI's actual for a fiscal year. */
    @PostMapping("/projects/{projectId}/kpis/{kpiId}/actual")
    String recordActual(@PathVariable String projectId, @PathVariable String kpiId, @RequestParam int fiscalYear,
                        @RequestParam(required = false) String value, @RequestParam String status,
                        @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String note,
                        @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Long version, @RequestParam(required = false) Integer year,
                        @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        ProjectView project = EditableProject.of(views, projectId, me);
        String formId = "actual-" + projectId + "-" + kpiId;
        Map<String, String> values = Forms.values("fiscalYear", String.valueOf(fiscalYear), "value", value, "status", status,
                "source", source, "note", note, "reason", reason);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", Forms.figure("value", value));
            body.put("status", status);
            body.put("source", source);
            body.put("note", note);
            body.put("reason", reason);
            forms.send(request, me, new Forms.Submission(formId, "PUT", "/api/projects/" + projectId + "/kpis/" + kpiId
                    + "/actuals/" + fiscalYear, body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return back(project, formId, year);
    }

    /** Sets or revises (with a reason) a KPI's target for a fiscal year. */
    @PostMapping("/projects/{projectId}/kpis/{kpiId}/target")
    String reviseTarget(@PathVariable String projectId, @PathVariable String kpiId, @RequestParam int fiscalYear,
                        @RequestParam(required = false) String value, @RequestParam(defaultValue = "") String reason,
                        @RequestParam(required = false) Long version, @RequestParam(required = false) Integer year, @AuthenticationPrincipal SignedIn me,
                        HttpServletRequest request, RedirectAttributes flash) {
        ProjectView project = EditableProject.of(views, projectId, me);
        String formId = "target-" + projectId + "-" + kpiId;
        Map<String, String> values = Forms.values("fiscalYear", String.valueOf(fiscalYear), "value", value, "reason", reason);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", Forms.figure("value", value));
            body.put("reason", reason);
            forms.send(request, me, new Forms.Submission(formId, "PUT", "/api/projects/" + projectId + "/kpis/" + kpiId
                    + "/targets/" + fiscalYear, body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return back(project, formId, year);
    }

    /** Submits the year's 効果検証, or revises it (with a reason) when one was submitted already. */
    @PostMapping("/projects/{projectId}/evaluation")
    String evaluate(@PathVariable String projectId, @RequestParam int fiscalYear, @RequestParam String effect,
                    @RequestParam String policy, @RequestParam(defaultValue = "") String rationale,
                    @RequestParam(defaultValue = "") String policyRationale,
                    @RequestParam(defaultValue = "") String situation, @RequestParam(defaultValue = "") String obstacles,
                    @RequestParam(defaultValue = "") String revisions, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(required = false) Long version, @RequestParam(required = false) Integer year, @AuthenticationPrincipal SignedIn me,
                    HttpServletRequest request, RedirectAttributes flash) {
        ProjectView project = EditableProject.of(views, projectId, me);
        String formId = "evaluation-" + projectId;
        boolean submitted = project.evaluations().stream()
                .anyMatch(evaluation -> evaluation.fiscalYear() == fiscalYear && evaluation.effect() != null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effect", effect);
        body.put("policy", policy);
        body.put("rationale", rationale);
        body.put("policyRationale", policyRationale);
        body.put("situation", situation);
        body.put("obstacles", obstacles);
        body.put("revisions", revisions);
        body.put("reason", reason);
        forms.send(request, me, new Forms.Submission(formId, submitted ? "PUT" : "POST",
                "/api/projects/" + projectId + "/evaluations/" + fiscalYear, body, version,
                Forms.values("fiscalYear", String.valueOf(fiscalYear), "effect", effect, "policy", policy,
                        "rationale", rationale, "policyRationale", policyRationale, "situation", situation, "obstacles", obstacles,
                        "revisions", revisions, "reason", reason)), v -> versions.awaitVersion(projectId, v), flash);
        return back(project, formId, year);
    }

    /**
     * Records (or corrects, with a reason) a fiscal year's 総事業費 and 交付実績, typed in 円 or 千円; a blank 交付実績 is
     * unknown and sent as null, never as 0.
     */
    @PostMapping("/projects/{projectId}/cost")
    String recordCost(@PathVariable String projectId, @RequestParam int fiscalYear,
                      @RequestParam(defaultValue = "") String totalCost, @RequestParam(defaultValue = "") String grantAmount,
                      @RequestParam(defaultValue = "yen") String unit, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(required = false) Long version, @RequestParam(required = false) Integer year,
                      @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        ProjectView project = EditableProject.of(views, projectId, me);
        String formId = "cost-" + projectId;
        Map<String, String> values = Forms.values("fiscalYear", String.valueOf(fiscalYear), "totalCost", totalCost,
                "grantAmount", grantAmount, "unit", unit, "reason", reason);
        try {
            Long total = Forms.yen("totalCost", totalCost, unit);
            if (total == null) {
                forms.refuse(formId, Map.of("totalCost", "form.required"), values, flash);
                return back(project, formId, year);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("totalCost", total);
            body.put("grantAmount", Forms.yen("grantAmount", grantAmount, unit));
            body.put("reason", reason);
            forms.send(request, me, new Forms.Submission(formId, "PUT", "/api/projects/" + projectId + "/costs/"
                    + fiscalYear, body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return back(project, formId, year);
    }

    /** Records (or corrects, with a reason) the year's 事業実績: what was done. */
    @PostMapping("/projects/{projectId}/activities")
    String recordActivities(@PathVariable String projectId, @RequestParam int fiscalYear,
                            @RequestParam(defaultValue = "") String activities,
                            @RequestParam(defaultValue = "") String reason,
                            @RequestParam(required = false) Long version, @RequestParam(required = false) Integer year,
                            @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        ProjectView project = EditableProject.of(views, projectId, me);
        String formId = "activities-" + projectId;
        Map<String, String> values = Forms.values("fiscalYear", String.valueOf(fiscalYear), "activities", activities,
                "reason", reason);
        if (activities.isBlank()) {
            forms.refuse(formId, Map.of("activities", "form.required"), values, flash);
            return back(project, formId, year);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activities", activities.strip());
        body.put("reason", reason);
        forms.send(request, me, new Forms.Submission(formId, "PUT", "/api/projects/" + projectId + "/activities/"
                + fiscalYear, body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        return back(project, formId, year);
    }

    /** Only the lead member's editor gets past here; the command service checks the same again. */

    /** Back to the member page, at the year the clerk was looking at, scrolled to the form they used. */
    private static String back(ProjectView project, String formId, Integer year) {
        return "redirect:/members/" + project.leadMunicipality() + (year == null ? "" : "?year=" + year) + "#" + formId;
    }

}
