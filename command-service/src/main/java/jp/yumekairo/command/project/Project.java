package jp.yumekairo.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
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
import jp.yumekairo.command.project.ProjectRefusals.BaselineAfterProjectPeriod;
import jp.yumekairo.command.project.ProjectRefusals.DuplicateKpi;
import jp.yumekairo.command.project.ProjectRefusals.EvaluationAlreadySubmitted;
import jp.yumekairo.command.project.ProjectRefusals.FiscalYearOutsideProjectPeriod;
import jp.yumekairo.command.project.ProjectRefusals.InvalidCost;
import jp.yumekairo.command.project.ProjectRefusals.InvalidProjectPeriod;
import jp.yumekairo.command.project.ProjectRefusals.NoEvaluationToRevise;
import jp.yumekairo.command.project.ProjectRefusals.ParticipantsDoNotMatchScope;
import jp.yumekairo.command.ReasonRequired;
import jp.yumekairo.command.project.ProjectRefusals.ShortfallReasonForUnknownKpi;
import jp.yumekairo.command.project.ProjectRefusals.UnknownKpi;
import jp.yumekairo.command.ValueDoesNotMatchStatus;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Baseline;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.Figures;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.ProjectScope;
import jp.yumekairo.events.project.ActualRecorded;
import jp.yumekairo.events.project.EvaluationRevised;
import jp.yumekairo.events.project.EvaluationSubmitted;
import jp.yumekairo.events.project.KpiDefined;
import jp.yumekairo.events.project.KpiRenamed;
import jp.yumekairo.events.project.ProjectActivitiesRecorded;
import jp.yumekairo.events.project.ProjectDetailsCorrected;
import jp.yumekairo.events.project.ProjectCostRecorded;
import jp.yumekairo.events.project.ProjectRegistered;
import jp.yumekairo.events.project.TargetRevised;
import jp.yumekairo.command.web.Handled;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 事業: a grant project of one member (単独) or several (広域), led by one municipality whose editor alone
 * writes it. Each handler returns the aggregate's version after the command.
 * <p>
 * Its snapshot ({@code config.AggregateSnapshots}) is its fields as JSON: change {@code @Revision} whenever they
 * change (or the events kept in them do), so that older snapshots are skipped and the state is replayed instead.
 */
@Aggregate(cache = "projectCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY)
class Project {

    @AggregateIdentifier
    private String projectId;
    private MunicipalityCode leadMunicipality;
    private FiscalYear firstFiscalYear;
    private FiscalYear lastFiscalYear;
    private ProjectScope scope;
    private ProjectDetailsCorrected details;
    private final Map<String, String> kpiUnits = new HashMap<>();
    private final Map<String, String> kpiNames = new HashMap<>();
    private final Map<FiscalYear, String> activities = new HashMap<>();
    private final Map<KpiYear, Figure> targets = new HashMap<>();
    private final Map<KpiYear, ActualRecorded> actuals = new HashMap<>();
    private final Map<FiscalYear, ProjectCostRecorded> costs = new HashMap<>();
    private final Set<FiscalYear> evaluated = new HashSet<>();

    private record KpiYear(String kpiId, FiscalYear fiscalYear) {
    }

    Project() {
        // rebuilt from its events
    }

    @CommandHandler
    Project(RegisterProject command, Actor actor) {
        actor.requireEditorOf(command.leadMunicipality(), "register a project");
        if (command.firstFiscalYear().isAfter(command.lastFiscalYear())) {
            throw new InvalidProjectPeriod(command.firstFiscalYear(), command.lastFiscalYear());
        }
        List<MunicipalityCode> named = command.participants() == null ? List.of() : command.participants();
        requireParticipants(command.scope(), command.leadMunicipality(), named);
        apply(new ProjectRegistered(command.projectId(), command.leadMunicipality(), named,
                command.name(), command.summary(), command.scope(), command.grantProgram(), command.department(),
                command.firstFiscalYear(), command.lastFiscalYear()));
    }

    /** Answers the KPI's id with the version: the one given, or {@code kpi-<n>}, the first free number. */
    @CommandHandler
    Handled handle(DefineKpi command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "define a KPI of a project");
        String kpiId = command.kpiId() == null ? nextKpiId() : command.kpiId();
        if (kpiUnits.containsKey(kpiId)) {
            throw new DuplicateKpi(projectId, kpiId);
        }
        // built only now, after the permission check: a reviewer's or another member's figure is never examined
        Baseline baseline = command.baselineValue() == null ? null
                : new Baseline(command.baselineValue(), command.baselineYear());
        if (baseline != null && baseline.fiscalYear() != null && baseline.fiscalYear().isAfter(lastFiscalYear)) {
            throw new BaselineAfterProjectPeriod(baseline.fiscalYear(), lastFiscalYear);
        }
        var finalTarget = command.finalTarget() == null ? null
                : Figures.requireSane(command.finalTarget(), "final target");
        apply(new KpiDefined(projectId, kpiId, command.name(), command.unit(), command.direction(),
                command.measure(), baseline, finalTarget));
        return new Handled(getVersion(), Map.of("kpiId", kpiId));
    }

    /** Corrects the KPI's 名称 (never its unit, direction or measure), with the reason. */
    @CommandHandler
    long handle(RenameKpi command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "rename a KPI of a project");
        requireKpi(command.kpiId());
        if (command.name().equals(kpiNames.get(command.kpiId()))) {
            return getVersion();
        }
        ReasonRequired.require(command.reason(), "renaming a KPI");
        apply(new KpiRenamed(projectId, command.kpiId(), command.name(), command.reason()));
        return getVersion();
    }

    /** Corrects 名称, 概要, 所管課 and the participants, with the reason; scope, grant and period stay. */
    @CommandHandler
    long handle(CorrectProjectDetails command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "correct the details of a project");
        List<MunicipalityCode> named = command.participants() == null ? List.of() : command.participants();
        requireParticipants(scope, leadMunicipality, named);
        ProjectDetailsCorrected corrected = new ProjectDetailsCorrected(projectId, command.name(), command.summary(),
                command.department(), named, command.reason());
        if (details.name().equals(corrected.name()) && details.summary().equals(corrected.summary())
                && details.department().equals(corrected.department())
                && new HashSet<>(details.participants()).equals(new HashSet<>(corrected.participants()))) {
            return getVersion();
        }
        ReasonRequired.require(command.reason(), "correcting the details of a project");
        apply(corrected);
        return getVersion();
    }

    /** Records the year's 事業実績; recording a year again is a correction and needs a reason. */
    @CommandHandler
    long handle(RecordActivities command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "record the activities of a project");
        requireInPeriod(command.fiscalYear());
        String current = activities.get(command.fiscalYear());
        String text = command.activities() == null ? "" : command.activities();
        if (text.equals(current)) {
            return getVersion();
        }
        if (current != null) {
            ReasonRequired.require(command.reason(),
                    "recording the activities of " + command.fiscalYear().toJapanese() + " again");
        }
        apply(new ProjectActivitiesRecorded(projectId, command.fiscalYear(), text, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(ReviseTarget command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "revise a target of a project");
        String unit = requireKpi(command.kpiId());
        requireInPeriod(command.fiscalYear());
        Figure target = Figure.of(command.value(), unit);
        KpiYear key = new KpiYear(command.kpiId(), command.fiscalYear());
        Figure current = targets.get(key);
        if (target.sameValueAs(current)) {
            return getVersion();
        }
        if (current != null) {
            ReasonRequired.require(command.reason(), "revising the target of " + command.fiscalYear().toJapanese());
        }
        apply(new TargetRevised(projectId, command.kpiId(), command.fiscalYear(), target, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(RecordActual command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "record an actual of a project");
        String unit = requireKpi(command.kpiId());
        requireInPeriod(command.fiscalYear());
        if (command.status() == null) {
            throw new ValueDoesNotMatchStatus("an actual needs a status: PROVISIONAL, CONFIRMED, PENDING or NOT_APPLICABLE");
        }
        if (command.status().requiresValue() && command.value() == null) {
            throw new ValueDoesNotMatchStatus("a " + command.status().labelJa() + " (" + command.status()
                    + ") actual needs a value");
        }
        if (!command.status().requiresValue() && command.value() != null) {
            throw new ValueDoesNotMatchStatus("a " + command.status().labelJa() + " (" + command.status()
                    + ") actual has no value yet; record it with the status it has once known");
        }
        Figure actual = command.value() == null ? null : Figure.of(command.value(), unit);
        ActualRecorded recorded = new ActualRecorded(projectId, command.kpiId(), command.fiscalYear(), actual,
                command.status(), command.source(), command.note(), command.reason());
        KpiYear key = new KpiYear(command.kpiId(), command.fiscalYear());
        ActualRecorded current = actuals.get(key);
        if (current != null) {
            if (sameActual(current, recorded)) {
                return getVersion();
            }
            ReasonRequired.require(command.reason(), "recording the actual of " + command.fiscalYear().toJapanese() + " again");
        }
        apply(recorded);
        return getVersion();
    }

    @CommandHandler
    long handle(RecordProjectCost command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "record the cost of a project");
        requireInPeriod(command.fiscalYear());
        if (command.totalCost() < 0 || command.grantAmount() != null && command.grantAmount() < 0) {
            throw new InvalidCost("costs are amounts in yen and cannot be negative");
        }
        if (command.grantAmount() != null && command.grantAmount() > command.totalCost()) {
            throw new InvalidCost("the grant paid (交付実績) " + command.grantAmount()
                    + "円 exceeds the total project cost (総事業費) " + command.totalCost() + "円");
        }
        ProjectCostRecorded current = costs.get(command.fiscalYear());
        if (current != null) {
            if (current.totalCost() == command.totalCost()
                    && Objects.equals(current.grantAmount(), command.grantAmount())) {
                return getVersion();
            }
            ReasonRequired.require(command.reason(), "recording the cost of " + command.fiscalYear().toJapanese() + " again");
        }
        apply(new ProjectCostRecorded(projectId, command.fiscalYear(), command.totalCost(), command.grantAmount(),
                command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(SubmitEvaluation command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "submit an evaluation of a project");
        requireInPeriod(command.fiscalYear());
        if (evaluated.contains(command.fiscalYear())) {
            throw new EvaluationAlreadySubmitted(command.fiscalYear());
        }
        requireKnownKpis(command.shortfallReasons());
        apply(new EvaluationSubmitted(projectId, command.fiscalYear(), command.effect(), command.policy(),
                command.rationale(), command.policyRationale(), command.situation(), command.obstacles(),
                command.revisions(), command.shortfallReasons()));
        return getVersion();
    }

    @CommandHandler
    long handle(ReviseEvaluation command, Actor actor) {
        actor.requireEditorOf(leadMunicipality, "revise an evaluation of a project");
        requireInPeriod(command.fiscalYear());
        if (!evaluated.contains(command.fiscalYear())) {
            throw new NoEvaluationToRevise(command.fiscalYear());
        }
        requireKnownKpis(command.shortfallReasons());
        ReasonRequired.require(command.reason(), "revising the evaluation of " + command.fiscalYear().toJapanese());
        apply(new EvaluationRevised(projectId, command.fiscalYear(), command.effect(), command.policy(),
                command.rationale(), command.policyRationale(), command.situation(), command.obstacles(),
                command.revisions(), command.shortfallReasons(), command.reason()));
        return getVersion();
    }

    /** {@code kpi-<n>} with the lowest n from the KPI count up that no KPI of the project has. */
    private String nextKpiId() {
        int n = kpiUnits.size() + 1;
        while (kpiUnits.containsKey("kpi-" + n)) {
            n++;
        }
        return "kpi-" + n;
    }

    /** Participants are other members than the lead, each named once, and only a 広域 project has them. */
    private static void requireParticipants(ProjectScope scope, MunicipalityCode lead, List<MunicipalityCode> named) {
        Set<MunicipalityCode> participants = new HashSet<>(named);
        if (participants.size() != named.size()) {
            throw new ParticipantsDoNotMatchScope("a participating member is named twice");
        }
        if (participants.contains(lead)) {
            throw new ParticipantsDoNotMatchScope("the lead municipality is not also a participant");
        }
        if (scope == ProjectScope.SINGLE && !participants.isEmpty()) {
            throw new ParticipantsDoNotMatchScope("a single-municipality (単独) project has no other participants");
        }
        if (scope == ProjectScope.WIDE_AREA && participants.isEmpty()) {
            throw new ParticipantsDoNotMatchScope("a wide-area (広域) project names the other participating members");
        }
    }

    private String requireKpi(String kpiId) {
        String unit = kpiUnits.get(kpiId);
        if (unit == null) {
            throw new UnknownKpi(projectId, kpiId);
        }
        return unit;
    }

    private void requireKnownKpis(Map<String, String> shortfallReasons) {
        if (shortfallReasons == null) {
            return;
        }
        for (String kpiId : shortfallReasons.keySet()) {
            if (!kpiUnits.containsKey(kpiId)) {
                throw new ShortfallReasonForUnknownKpi(projectId, kpiId);
            }
        }
    }

    private void requireInPeriod(FiscalYear year) {
        if (year.isBefore(firstFiscalYear) || year.isAfter(lastFiscalYear)) {
            throw new FiscalYearOutsideProjectPeriod(year, firstFiscalYear, lastFiscalYear);
        }
    }


    /** The same figure, status, source and note: recording it again changes nothing. */
    private static boolean sameActual(ActualRecorded current, ActualRecorded next) {
        boolean sameFigure = current.actual() == null ? next.actual() == null : current.actual().sameValueAs(next.actual());
        return sameFigure && current.status() == next.status() && current.source().equals(next.source())
                && current.note().equals(next.note());
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
        leadMunicipality = event.leadMunicipality();
        firstFiscalYear = event.firstFiscalYear();
        lastFiscalYear = event.lastFiscalYear();
        scope = event.scope();
        details = new ProjectDetailsCorrected(event.projectId(), event.name(), event.summary(), event.department(),
                event.participants(), "");
    }

    @EventSourcingHandler
    void on(ProjectDetailsCorrected event) {
        details = event;
    }

    @EventSourcingHandler
    void on(KpiDefined event) {
        kpiUnits.put(event.kpiId(), event.unit());
        kpiNames.put(event.kpiId(), event.name());
    }

    @EventSourcingHandler
    void on(KpiRenamed event) {
        kpiNames.put(event.kpiId(), event.name());
    }

    @EventSourcingHandler
    void on(ProjectActivitiesRecorded event) {
        activities.put(event.fiscalYear(), event.activities());
    }

    @EventSourcingHandler
    void on(TargetRevised event) {
        targets.put(new KpiYear(event.kpiId(), event.fiscalYear()), event.target());
    }

    @EventSourcingHandler
    void on(ActualRecorded event) {
        actuals.put(new KpiYear(event.kpiId(), event.fiscalYear()), event);
    }

    @EventSourcingHandler
    void on(ProjectCostRecorded event) {
        costs.put(event.fiscalYear(), event);
    }

    @EventSourcingHandler
    void on(EvaluationSubmitted event) {
        evaluated.add(event.fiscalYear());
    }
}
