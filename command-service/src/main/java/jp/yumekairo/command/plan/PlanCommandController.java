package jp.yumekairo.command.plan;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.plan.PlanCommands.DefineKgi;
import jp.yumekairo.command.plan.PlanCommands.DefinePlan;
import jp.yumekairo.command.plan.PlanCommands.ReportKgiFigure;
import jp.yumekairo.command.plan.PlanCommands.ReportPartnershipFigure;
import jp.yumekairo.command.plan.PlanCommands.RevisePlanTarget;
import jp.yumekairo.command.plan.PlanRequests.DefineKgiRequest;
import jp.yumekairo.command.plan.PlanRequests.DefinePlanRequest;
import jp.yumekairo.command.plan.PlanRequests.ReportKgiFigureRequest;
import jp.yumekairo.command.plan.PlanRequests.RevisePlanTargetRequest;
import jp.yumekairo.command.web.CommandDispatcher;
import jp.yumekairo.command.web.Versions;
import jp.yumekairo.command.web.Write;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.KgiBaseline;
import jp.yumekairo.events.MunicipalityCode;
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

/** Writes to the wide-area plan. Each answers {@code {planId, version}} with the version as ETag. */
@RestController
@RequestMapping("/api/plans")
class PlanCommandController {

    private static final String PLAN = "plan";

    private final CommandDispatcher dispatcher;

    PlanCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Defines a wide-area plan with its members and period (secretariat only). */
    @PostMapping
    ResponseEntity<String> define(@Valid @RequestBody DefinePlanRequest body, Actor actor, HttpServletRequest request) {
        var command = new DefinePlan(body.planId(), body.name(), body.members(), FiscalYear.of(body.firstFiscalYear()),
                FiscalYear.of(body.lastFiscalYear()));
        return dispatcher.send(request, actor, Write.creation(PLAN, body.planId(), command,
                URI.create("/api/plans/" + body.planId())));
    }

    /** Defines a KGI of the plan (secretariat only). */
    @PostMapping("/{planId}/kgis")
    ResponseEntity<String> defineKgi(@PathVariable String planId, @Valid @RequestBody DefineKgiRequest body,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     Actor actor, HttpServletRequest request) {
        var command = new DefineKgi(planId, body.kgiId(), body.name(), body.unit(), body.direction(),
                body.aggregation(), new KgiBaseline(body.baseline().value(), body.baseline().year()),
                Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PLAN, planId, command, ""));
    }

    /** Sets or revises the partnership's target of a KGI for a year (a revision needs a reason). */
    @PutMapping("/{planId}/kgis/{kgiId}/targets/{year}")
    ResponseEntity<String> reviseTarget(@PathVariable String planId, @PathVariable String kgiId,
                                        @PathVariable int year, @Valid @RequestBody RevisePlanTargetRequest body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Actor actor, HttpServletRequest request) {
        var command = new RevisePlanTarget(planId, kgiId, year, body.value(), body.reason(),
                Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PLAN, planId, command, body.reason()));
    }

    /** Reports the partnership's figure of a KGI for a year where only the total is published (the secretariat). */
    @PutMapping("/{planId}/kgis/{kgiId}/figures/partnership/{year}")
    ResponseEntity<String> reportPartnershipFigure(@PathVariable String planId, @PathVariable String kgiId,
                                                   @PathVariable int year,
                                                   @Valid @RequestBody ReportKgiFigureRequest body,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch, Actor actor, HttpServletRequest request) {
        var command = new ReportPartnershipFigure(planId, kgiId, year, body.value(), body.status(), body.source(),
                body.reason(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PLAN, planId, command, body.reason()));
    }

    /** Reports a member's own figure of a KGI for a year (a second report is a correction with a reason). */
    @PutMapping("/{planId}/kgis/{kgiId}/figures/{municipalityCode}/{year}")
    ResponseEntity<String> reportFigure(@PathVariable String planId, @PathVariable String kgiId,
                                        @PathVariable MunicipalityCode municipalityCode, @PathVariable int year,
                                        @Valid @RequestBody ReportKgiFigureRequest body,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Actor actor, HttpServletRequest request) {
        var command = new ReportKgiFigure(planId, kgiId, municipalityCode, year, body.value(),
                body.status(), body.source(), body.reason(), Versions.expectedFrom(ifMatch));
        return dispatcher.send(request, actor, Write.update(PLAN, planId, command, body.reason()));
    }
}
