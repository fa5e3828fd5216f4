package jp.yumekairo.query.project;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.ProjectScope;
import jp.yumekairo.query.ui.CommandService;
import jp.yumekairo.query.ui.Forms;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.PathValues;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The member's editor registers a project and defines its KPIs in the browser, every choice a Japanese label and no
 * id typed (the command service makes the ids), and corrects a project's descriptive fields and a KPI's name with a
 * reason. A KPI's unit, direction and measure are never corrected: every figure recorded carries them.
 */
@Controller
@UiPage
class ProjectRegistrationController {

    /** The units the members' reports use; any other may be typed. */
    static final List<String> USUAL_UNITS = List.of("人", "件", "円", "千円", "個", "社", "事業体", "%", "ha", "回");

    private final ProjectViews views;
    private final ViewVersions versions;
    private final Forms forms;

    ProjectRegistrationController(ProjectViews views, ViewVersions versions, Forms forms) {
        this.views = views;
        this.versions = versions;
        this.forms = forms;
    }

    /** The registration page of a project led by the member. */
    @GetMapping("/members/{code}/projects/new")
    String registration(@PathVariable String code, @AuthenticationPrincipal SignedIn me, Model model) {
        MunicipalityCode member = editableMember(code, me);
        model.addAttribute("member", member);
        model.addAttribute("partners", Arrays.stream(MunicipalityCode.values()).filter(m -> m != member).toList());
        model.addAttribute("grantPrograms", GrantProgram.values());
        model.addAttribute("scopes", ProjectScope.values());
        model.addAttribute("fiscalYears", fiscalYears());
        int current = FiscalYear.containing(LocalDate.now(AsOf.JAPAN)).startYear();
        model.addAttribute("defaultFirst", current);
        model.addAttribute("defaultLast", current + 2);
        model.addAttribute("localNotice", true);
        return "project-new";
    }

    /** Registers the project (the command service makes its id), then on to its KPIs. */
    @PostMapping("/members/{code}/projects")
    String register(@PathVariable String code, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "SINGLE") String scope,
                    @RequestParam(required = false) List<String> participants,
                    @RequestParam(defaultValue = "") String grantProgram, @RequestParam(defaultValue = "") String department,
                    @RequestParam int firstFiscalYear, @RequestParam int lastFiscalYear,
                    @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        MunicipalityCode member = editableMember(code, me);
        List<String> partners = "WIDE_AREA".equals(scope) && participants != null ? participants : List.of();
        String formId = "register";
        Map<String, String> values = Forms.values("name", name, "summary", summary, "scope", scope,
                "participants", String.join(",", partners), "grantProgram", grantProgram, "department", department,
                "firstFiscalYear", String.valueOf(firstFiscalYear), "lastFiscalYear", String.valueOf(lastFiscalYear));
        Map<String, String> refused = new LinkedHashMap<>();
        if (name.isBlank()) {
            refused.put("name", "form.required");
        }
        if (grantProgram.isBlank()) {
            refused.put("grantProgram", "form.choose");
        }
        if (lastFiscalYear < firstFiscalYear) {
            refused.put("lastFiscalYear", "form.periodReversed");
        }
        if ("WIDE_AREA".equals(scope) && partners.isEmpty()) {
            refused.put("participants", "form.participantsRequired");
        }
        String again = "redirect:/members/" + member.code() + "/projects/new#" + formId;
        if (!refused.isEmpty()) {
            forms.refuse(formId, refused, values, flash);
            return again;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        // no projectId: the command service makes one from the lead member and answers it
        body.put("leadMunicipality", member.code());
        body.put("participants", partners);
        body.put("name", name.strip());
        body.put("summary", summary.strip());
        body.put("scope", scope);
        body.put("grantProgram", grantProgram);
        body.put("department", department.strip());
        body.put("firstFiscalYear", firstFiscalYear);
        body.put("lastFiscalYear", lastFiscalYear);
        CommandService.Outcome outcome = forms.submit(request, me, new Forms.Submission(formId, "POST", "/api/projects",
                        body, null, values),
                answer -> versions.awaitVersion(answer.body().path("projectId").asText(), answer.version()), flash);
        if (outcome == null) {
            return again;
        }
        // the clerk lands on the KPI form: the confirmation is shown there, not beside the registration left behind
        forms.noticeAt("kpi-new", "edit.registered", flash);
        return "redirect:/projects/" + outcome.body().path("projectId").asText() + "/edit#kpi-new";
    }

    /** A project's page of descriptive fields and KPIs: define a KPI, correct the name, summary, department. */
    @GetMapping("/projects/{projectId}/edit")
    String edit(@PathVariable String projectId, @AuthenticationPrincipal SignedIn me, Model model) {
        ProjectView project = EditableProject.of(views, projectId, me);
        model.addAttribute("project", project);
        model.addAttribute("member", MunicipalityCode.of(project.leadMunicipality()));
        model.addAttribute("partners", Arrays.stream(MunicipalityCode.values())
                .filter(m -> !m.code().equals(project.leadMunicipality())).toList());
        model.addAttribute("units", USUAL_UNITS);
        model.addAttribute("directions", Direction.values());
        model.addAttribute("measures", Measure.values());
        List<Integer> baselineYears = new ArrayList<>(IntStream.rangeClosed(project.firstFiscalYear() - 10,
                project.lastFiscalYear()).boxed().toList());
        java.util.Collections.reverse(baselineYears);
        model.addAttribute("baselineYears", baselineYears);
        model.addAttribute("localNotice", true);
        return "project-edit";
    }

    /** Corrects the project's name, summary, department and participants, with a reason. */
    @PostMapping("/projects/{projectId}/details")
    String correctDetails(@PathVariable String projectId, @RequestParam(defaultValue = "") String name,
                          @RequestParam(defaultValue = "") String summary,
                          @RequestParam(defaultValue = "") String department,
                          @RequestParam(required = false) List<String> participants,
                          @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Long version,
                          @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        ProjectView project = EditableProject.of(views, projectId, me);
        String formId = "details";
        List<String> partners = "WIDE_AREA".equals(project.scope()) && participants != null ? participants : List.of();
        Map<String, String> values = Forms.values("name", name, "summary", summary, "department", department,
                "participants", String.join(",", partners), "reason", reason);
        Map<String, String> refused = new LinkedHashMap<>();
        if (name.isBlank()) {
            refused.put("name", "form.required");
        }
        if (reason.isBlank()) {
            refused.put("reason", "problem.reason-required");
        }
        if (refused.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name.strip());
            body.put("summary", summary.strip());
            body.put("department", department.strip());
            body.put("participants", partners);
            body.put("reason", reason.strip());
            forms.send(request, me, new Forms.Submission(formId, "PUT", "/api/projects/" + projectId + "/details",
                    body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        } else {
            forms.refuse(formId, refused, values, flash);
        }
        return back(projectId, formId);
    }

    /** Defines a KPI (the command service makes its id); its baseline and the baseline's year may be unknown. */
    @PostMapping("/projects/{projectId}/kpis")
    String defineKpi(@PathVariable String projectId, @RequestParam(defaultValue = "") String name,
                     @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String direction,
                     @RequestParam(defaultValue = "") String measure,
                     @RequestParam(defaultValue = "") String baseline,
                     @RequestParam(defaultValue = "") String baselineFiscalYear,
                     @RequestParam(defaultValue = "") String finalTarget, @RequestParam(required = false) Long version,
                     @AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes flash) {
        EditableProject.of(views, projectId, me);
        String formId = "kpi-new";
        Map<String, String> values = Forms.values("name", name, "unit", unit, "direction", direction, "measure", measure,
                "baseline", baseline, "baselineFiscalYear", baselineFiscalYear, "finalTarget", finalTarget);
        try {
            Map<String, String> refused = new LinkedHashMap<>();
            if (name.isBlank()) {
                refused.put("name", "form.required");
            }
            if (unit.isBlank()) {
                refused.put("unit", "form.required");
            }
            if (direction.isBlank()) {
                refused.put("direction", "form.choose");
            }
            if (measure.isBlank()) {
                refused.put("measure", "form.choose");
            }
            BigDecimal baselineValue = Forms.figure("baseline", baseline);
            BigDecimal target = Forms.figure("finalTarget", finalTarget);
            if (baselineValue == null && !baselineFiscalYear.isBlank()) {
                refused.put("baseline", "form.baselineYearWithoutValue");
            }
            if (!refused.isEmpty()) {
                forms.refuse(formId, refused, values, flash);
                return back(projectId, formId);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            // no kpiId: the command service makes one, unique within the project, and answers it
            body.put("name", name.strip());
            body.put("unit", unit.strip());
            body.put("direction", direction);
            body.put("measure", measure);
            if (baselineValue != null) {
                Map<String, Object> base = new LinkedHashMap<>();
                base.put("value", baselineValue);
                base.put("fiscalYear", baselineFiscalYear.isBlank() ? null : Integer.valueOf(baselineFiscalYear));
                body.put("baseline", base);
            }
            body.put("finalTarget", target);
            forms.send(request, me, new Forms.Submission(formId, "POST", "/api/projects/" + projectId + "/kpis",
                    body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        } catch (Forms.Unreadable unreadable) {
            forms.unreadable(unreadable, formId, values, flash);
        }
        return back(projectId, formId);
    }

    /** Renames a KPI, with a reason; its unit, direction and measure stay. */
    @PostMapping("/projects/{projectId}/kpis/{kpiId}/name")
    String renameKpi(@PathVariable String projectId, @PathVariable String kpiId,
                     @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String reason,
                     @RequestParam(required = false) Long version, @AuthenticationPrincipal SignedIn me,
                     HttpServletRequest request, RedirectAttributes flash) {
        EditableProject.of(views, projectId, me);
        String formId = "rename-" + kpiId;
        Map<String, String> values = Forms.values("name", name, "reason", reason);
        Map<String, String> refused = new LinkedHashMap<>();
        if (name.isBlank()) {
            refused.put("name", "form.required");
        }
        if (reason.isBlank()) {
            refused.put("reason", "problem.reason-required");
        }
        if (refused.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name.strip());
            body.put("reason", reason.strip());
            forms.send(request, me, new Forms.Submission(formId, "PUT", "/api/projects/" + projectId + "/kpis/" + kpiId
                    + "/name", body, version, values), v -> versions.awaitVersion(projectId, v), flash);
        } else {
            forms.refuse(formId, refused, values, flash);
        }
        return back(projectId, formId);
    }

    /** The fiscal years a project may span, as the selects offer them: 平成30年度 to ten years ahead. */
    static List<Integer> fiscalYears() {
        int current = FiscalYear.containing(LocalDate.now(AsOf.JAPAN)).startYear();
        List<Integer> years = new ArrayList<>();
        for (int year = 2018; year <= current + 10; year++) {
            years.add(year);
        }
        return years;
    }

    private static MunicipalityCode editableMember(String code, SignedIn me) {
        MunicipalityCode member = PathValues.member(code);
        if (me == null || !me.editorOf(member.code())) {
            throw new AccessDeniedException("only the member's editor registers its projects");
        }
        return member;
    }

    private static String back(String projectId, String formId) {
        return "redirect:/projects/" + projectId + "/edit#" + formId;
    }

}
