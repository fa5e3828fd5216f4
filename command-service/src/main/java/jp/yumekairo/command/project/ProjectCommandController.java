package jp.yumekairo.command.project;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.project.ProjectCommands.CorrectProjectDetails;
import jp.yumekairo.command.project.ProjectCommands.DefineKpi;
import jp.yumekairo.command.project.ProjectCommands.RecordActivities;
import jp.yumekairo.command.project.ProjectCommands.RecordActual;
import jp.yumekairo.command.project.ProjectCommands.RecordProjectCost;
import jp.yumekairo.command.project.ProjectCommands.RegisterProject;
import jp.yumekairo.command.project.ProjectCommands.RenameKpi;
import jp.yumekairo.command.project.ProjectCommands.ReviseEvaluation;
import jp.yumekairo.command.project.ProjectCommands.ReviseTarget;
import jp.yumekairo.command.project.ProjectCommands.SubmitEvaluation;
import jp.yumekairo.command.project.ProjectRequests.CorrectProjectDetailsRequest;
import jp.yumekairo.command.project.ProjectRequests.DefineKpiRequest;
import jp.yumekairo.command.project.ProjectRequests.EvaluationRequest;
import jp.yumekairo.command.project.ProjectRequests.RecordActivitiesRequest;
import jp.yumekairo.command.project.ProjectRequests.RecordActualRequest;
import jp.yumekairo.command.project.ProjectRequests.RecordProjectCostRequest;
import jp.yumekairo.command.project.ProjectRequests.RegisterProjectRequest;
import jp.yumekairo.command.project.ProjectRequests.RenameKpiRequest;
import jp.yumekairo.command.project.ProjectRequests.ReviseTargetRequest;
import jp.yumekairo.command.web.CommandDispatcher;
import jp.yumekairo.command.web.Versions;
import jp.yumekairo.command.web.Write;
import jp.yumekairo.command.web.WriteRefusals.DuplicateAggregate;
import jp.yumekairo.events.FiscalYear;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Writes to grant projects. Each answers {@code {projectId, version}} with the version as ETag; defining a KPI
 * also answers its {@code kpiId}.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectCommandController {

    private static final String PROJECT = "project";

    /** How often a made id is tried again when a registration at the same moment took it. */
    private static final int MADE_ID_ATTEMPTS = 5;

    private final CommandDispatcher dispatcher;
    private final ProjectIds ids;

    ProjectCommandController(CommandDispatcher dispatcher, ProjectIds ids) {
        this.dispatcher = dispatcher;
        this.ids = ids;
    }

    /** Registers a grant project led by the caller's municipality; without a {@code projectId} the service makes one. */
    @PostMapping
    ResponseEntity<String> register(@Valid @RequestBody RegisterProjectRequest body, Actor actor,
                                    HttpServletRequest request) {
        if (body.projectId() != null) {
            var command = registration(body.projectId(), body);
            return dispatcher.send(request, actor, Write.creation(PROJECT, body.projectId(), command,
                    URI.create("/api/projects/" + body.projectId())));
        }
        FiscalYear first = FiscalYear.of(body.firstFiscalYear());
        for (int attempt = 1; ; attempt++) {
            String projectId = ids.next(body.leadMunicipality(), first);
            try {
                return dispatcher.send(request, actor, Write.creation(PROJECT, projectId, registration(projectId, body),
                        URI.create("/api/projects/" + projectId), registration(null, body)));
            } catch (DuplicateAggregate taken) {
                if (attempt == MADE_ID_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    private static RegisterProject registration(String projectId, RegisterProjectRequest body) {
        return new RegisterProject(projectId, body.leadMunicipality(),
                body.participants() == null ? List.of() : body.participants(), body.name(), body.summary(),
                body.scope(), body.grantProgram(), body.department(), FiscalYear.of(body.firstFiscalYear()),
                FiscalYear.of(body.lastFiscalYear()));
    }

    /** Corrects the project's 名称, 概要, 所管課 and participants, with the reason (required). */
    @PutMapping("/{projectId}/details")
    ResponseEntity<String> correctDetails(@PathVariable String projectId,
                                          @Valid @RequestBody CorrectProjectDetailsRequest body,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          Actor actor, HttpServletRequest request) {
        var command = new CorrectProjectDetails(projectId, body.name(), body.summary(), body.department(),
                body.participants() == null ? List.of() : body.participants(), body.reason(),
                Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }

    /** Corrects a KPI's 名称, with the reason (required); its unit, direction and measure never change. */
    @PutMapping("/{projectId}/kpis/{kpiId}/name")
    ResponseEntity<String> renameKpi(@PathVariable String projectId, @PathVariable String kpiId,
                                     @Valid @RequestBody RenameKpiRequest body,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     Actor actor, HttpServletRequest request) {
        var command = new RenameKpi(projectId, kpiId, body.name(), body.reason(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }

    /** Records the year's 事業実績 (recording it again is a correction and needs a reason). */
    @PutMapping("/{projectId}/activities/{fiscalYear}")
    ResponseEntity<String> recordActivities(@PathVariable String projectId, @PathVariable FiscalYear fiscalYear,
                                            @Valid @RequestBody RecordActivitiesRequest body,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            Actor actor, HttpServletRequest request) {
        var command = new RecordActivities(projectId, fiscalYear, body.activities(), body.reason(),
                Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }

    /** Defines a KPI of the project. */
    @PostMapping("/{projectId}/kpis")
    ResponseEntity<String> defineKpi(@PathVariable String projectId, @Valid @RequestBody DefineKpiRequest body,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     Actor actor, HttpServletRequest request) {
        var command = new DefineKpi(projectId, body.kpiId(), body.name(), body.unit(), body.direction(),
                body.measure(), body.baseline() == null ? null : body.baseline().value(),
                body.baseline() == null || body.baseline().fiscalYear() == null ? null
                        : FiscalYear.of(body.baseline().fiscalYear()),
                body.finalTarget(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, ""));
    }

    /** Sets or revises a KPI's target for a fiscal year (a revision needs a reason). */
    @PutMapping("/{projectId}/kpis/{kpiId}/targets/{fiscalYear}")
    ResponseEntity<String> reviseTarget(@PathVariable String projectId, @PathVariable String kpiId,
                                        @PathVariable FiscalYear fiscalYear, @Valid @RequestBody ReviseTargetRequest body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Actor actor, HttpServletRequest request) {
        var command = new ReviseTarget(projectId, kpiId, fiscalYear, body.value(), body.reason(),
                Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }

    /** Records a KPI's actual for a fiscal year (recording it again is a correction and needs a reason). */
    @PutMapping("/{projectId}/kpis/{kpiId}/actuals/{fiscalYear}")
    ResponseEntity<String> recordActual(@PathVariable String projectId, @PathVariable String kpiId,
                                        @PathVariable FiscalYear fiscalYear, @Valid @RequestBody RecordActualRequest body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Actor actor, HttpServletRequest request) {
        var command = new RecordActual(projectId, kpiId, fiscalYear, body.value(), body.status(),
                body.source(), body.note(), body.reason(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }

    /** Records 総事業費 and 交付実績 of a fiscal year, in yen. */
    @PutMapping("/{projectId}/costs/{fiscalYear}")
    ResponseEntity<String> recordCost(@PathVariable String projectId, @PathVariable FiscalYear fiscalYear,
                                      @Valid @RequestBody RecordProjectCostRequest body,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Actor actor, HttpServletRequest request) {
        var command = new RecordProjectCost(projectId, fiscalYear, body.totalCost(),
                body.grantAmount(), body.reason(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }

    /** Submits the yearly effect evaluation (効果検証) of the project. */
    @PostMapping("/{projectId}/evaluations/{fiscalYear}")
    ResponseEntity<String> submitEvaluation(@PathVariable String projectId, @PathVariable FiscalYear fiscalYear,
                                            @Valid @RequestBody EvaluationRequest body,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            Actor actor, HttpServletRequest request) {
        var command = new SubmitEvaluation(projectId, fiscalYear, body.effect(), body.policy(),
                body.rationale(), body.policyRationale(), body.situation(), body.obstacles(), body.revisions(),
                body.shortfallReasons(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, ""));
    }

    /** Revises a submitted effect evaluation, with the reason for the revision. */
    @PutMapping("/{projectId}/evaluations/{fiscalYear}")
    ResponseEntity<String> reviseEvaluation(@PathVariable String projectId, @PathVariable FiscalYear fiscalYear,
                                            @Valid @RequestBody EvaluationRequest body,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            Actor actor, HttpServletRequest request) {
        var command = new ReviseEvaluation(projectId, fiscalYear, body.effect(), body.policy(),
                body.rationale(), body.policyRationale(), body.situation(), body.obstacles(), body.revisions(),
                body.shortfallReasons(), body.reason(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PROJECT, projectId, command, body.reason()));
    }
}
