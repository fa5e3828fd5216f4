package jp.yumekairo.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.plan.PlanCommands.DefineKgi;
import jp.yumekairo.command.plan.PlanCommands.DefinePlan;
import jp.yumekairo.command.plan.PlanCommands.ReportKgiFigure;
import jp.yumekairo.command.plan.PlanCommands.ReportPartnershipFigure;
import jp.yumekairo.command.plan.PlanCommands.RevisePlanTarget;
import jp.yumekairo.command.plan.PlanRefusals.DuplicateKgi;
import jp.yumekairo.command.plan.PlanRefusals.InvalidMembers;
import jp.yumekairo.command.plan.PlanRefusals.InvalidPlanPeriod;
import jp.yumekairo.command.plan.PlanRefusals.NotAPlanMember;
import jp.yumekairo.command.ReasonRequired;
import jp.yumekairo.command.plan.PlanRefusals.UnknownKgi;
import jp.yumekairo.command.ValueDoesNotMatchStatus;
import jp.yumekairo.command.plan.PlanRefusals.YearOutsidePlanPeriod;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.plan.KgiDefined;
import jp.yumekairo.events.plan.KgiFigureReported;
import jp.yumekairo.events.plan.PartnershipFigureReported;
import jp.yumekairo.events.plan.PlanDefined;
import jp.yumekairo.events.plan.PlanTargetRevised;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The wide-area plan of the partnership: the secretariat defines it and its KGIs and sets plan targets;
 * each member reports its own KGI figures, from the KGI's baseline year (census history) to the plan's end, and
 * the secretariat reports the partnership's figure where the source publishes only the total.
 * <p>
 * Its snapshot ({@code config.AggregateSnapshots}) is its fields as JSON: change {@code @Revision} whenever they
 * change (or the events kept in them do), so that older snapshots are skipped and the state is replayed instead.
 */
@Aggregate(cache = "planCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY)
class WideAreaPlan {

    @AggregateIdentifier
    private String planId;
    private Set<MunicipalityCode> members;
    private FiscalYear firstFiscalYear;
    private FiscalYear lastFiscalYear;
    private final Map<String, KgiDefined> kgis = new HashMap<>();
    private final Map<KgiYear, Figure> targets = new HashMap<>();
    private final Map<MemberFigure, KgiFigureReported> figures = new HashMap<>();
    private final Map<KgiYear, PartnershipFigureReported> partnershipFigures = new HashMap<>();

    private record KgiYear(String kgiId, int year) {
    }

    private record MemberFigure(String kgiId, MunicipalityCode municipality, int year) {
    }

    WideAreaPlan() {
        // rebuilt from its events
    }

    @CommandHandler
    WideAreaPlan(DefinePlan command, Actor actor) {
        actor.requireAdmin("define a wide-area plan");
        if (command.firstFiscalYear().isAfter(command.lastFiscalYear())) {
            throw new InvalidPlanPeriod(command.firstFiscalYear(), command.lastFiscalYear());
        }
        if (command.members().size() < 2) {
            throw new InvalidMembers("a wide-area plan has at least two members");
        }
        if (new HashSet<>(command.members()).size() != command.members().size()) {
            throw new InvalidMembers("a member is named twice");
        }
        apply(new PlanDefined(command.planId(), command.name(), command.members(), command.firstFiscalYear(),
                command.lastFiscalYear()));
    }

    @CommandHandler
    long handle(DefineKgi command, Actor actor) {
        actor.requireAdmin("define a KGI");
        if (kgis.containsKey(command.kgiId())) {
            throw new DuplicateKgi(planId, command.kgiId());
        }
        if (command.baseline().year() > lastFiscalYear.startYear()) {
            throw new YearOutsidePlanPeriod(command.baseline().year(), FiscalYear.EARLIEST,
                    lastFiscalYear.startYear(), "the baseline year");
        }
        apply(new KgiDefined(planId, command.kgiId(), command.name(), command.unit(), command.direction(),
                command.aggregation(), command.baseline()));
        return getVersion();
    }

    @CommandHandler
    long handle(RevisePlanTarget command, Actor actor) {
        actor.requireAdmin("set a plan target");
        KgiDefined kgi = requireKgi(command.kgiId());
        if (command.year() < firstFiscalYear.startYear() || command.year() > lastFiscalYear.startYear()) {
            throw new YearOutsidePlanPeriod(command.year(), firstFiscalYear.startYear(), lastFiscalYear.startYear(),
                    "a plan target's year");
        }
        Figure target = Figure.of(command.value(), kgi.unit());
        KgiYear key = new KgiYear(command.kgiId(), command.year());
        Figure current = targets.get(key);
        if (target.sameValueAs(current)) {
            return getVersion();
        }
        if (current != null) {
            ReasonRequired.require(command.reason(), "revising the plan target of " + command.year());
        }
        apply(new PlanTargetRevised(planId, command.kgiId(), command.year(), target, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(ReportKgiFigure command, Actor actor) {
        actor.requireEditorOfOrAdmin(command.municipality(), "report a KGI figure");
        if (!members.contains(command.municipality())) {
            throw new NotAPlanMember(planId, command.municipality());
        }
        KgiDefined kgi = requireKgi(command.kgiId());
        requireFigureYear(kgi, command.year());
        Figure value = figure(kgi, command.value(), command.status());
        KgiFigureReported reported = new KgiFigureReported(planId, command.kgiId(), command.municipality(),
                command.year(), value, command.status(), command.source(), command.reason());
        KgiFigureReported current = figures.get(new MemberFigure(command.kgiId(), command.municipality(), command.year()));
        if (current != null) {
            if (sameFigure(current, reported)) {
                return getVersion();
            }
            ReasonRequired.require(command.reason(), "reporting the " + command.year() + " figure again");
        }
        apply(reported);
        return getVersion();
    }

    @CommandHandler
    long handle(ReportPartnershipFigure command, Actor actor) {
        actor.requireAdmin("report a KGI figure for the whole partnership");
        KgiDefined kgi = requireKgi(command.kgiId());
        requireFigureYear(kgi, command.year());
        Figure value = figure(kgi, command.value(), command.status());
        PartnershipFigureReported reported = new PartnershipFigureReported(planId, command.kgiId(), command.year(),
                value, command.status(), command.source(), command.reason());
        PartnershipFigureReported current = partnershipFigures.get(new KgiYear(command.kgiId(), command.year()));
        if (current != null) {
            if (sameFigure(current.value(), current.status(), current.source(), reported.value(), reported.status(),
                    reported.source())) {
                return getVersion();
            }
            ReasonRequired.require(command.reason(), "reporting the partnership's " + command.year() + " figure again");
        }
        apply(reported);
        return getVersion();
    }

    private void requireFigureYear(KgiDefined kgi, int year) {
        int from = kgi.baseline().year();
        if (year < from || year > lastFiscalYear.startYear()) {
            throw new YearOutsidePlanPeriod(year, from, lastFiscalYear.startYear(),
                    "a figure's year (from the KGI's baseline year to the plan's last year)");
        }
    }

    private static Figure figure(KgiDefined kgi, BigDecimal value, ActualStatus status) {
        if (status == null) {
            throw new ValueDoesNotMatchStatus("a figure needs a status: PROVISIONAL, CONFIRMED, PENDING or NOT_APPLICABLE");
        }
        if (status.requiresValue() != (value != null)) {
            throw new ValueDoesNotMatchStatus(status.requiresValue()
                    ? "a " + status + " figure needs a value"
                    : "a " + status + " figure has no value");
        }
        return value == null ? null : Figure.of(value, kgi.unit());
    }

    private KgiDefined requireKgi(String kgiId) {
        KgiDefined kgi = kgis.get(kgiId);
        if (kgi == null) {
            throw new UnknownKgi(planId, kgiId);
        }
        return kgi;
    }


    private static boolean sameFigure(KgiFigureReported current, KgiFigureReported next) {
        return sameFigure(current.value(), current.status(), current.source(), next.value(), next.status(),
                next.source());
    }

    private static boolean sameFigure(Figure value, ActualStatus status, String source, Figure nextValue,
                                      ActualStatus nextStatus, String nextSource) {
        boolean sameValue = value == null ? nextValue == null : value.sameValueAs(nextValue);
        return sameValue && status == nextStatus && source.equals(nextSource);
    }

    @EventSourcingHandler
    void on(PlanDefined event) {
        planId = event.planId();
        members = Set.copyOf(event.members());
        firstFiscalYear = event.firstFiscalYear();
        lastFiscalYear = event.lastFiscalYear();
    }

    @EventSourcingHandler
    void on(KgiDefined event) {
        kgis.put(event.kgiId(), event);
    }

    @EventSourcingHandler
    void on(PlanTargetRevised event) {
        targets.put(new KgiYear(event.kgiId(), event.year()), event.target());
    }

    @EventSourcingHandler
    void on(PartnershipFigureReported event) {
        partnershipFigures.put(new KgiYear(event.kgiId(), event.year()), event);
    }

    @EventSourcingHandler
    void on(KgiFigureReported event) {
        figures.put(new MemberFigure(event.kgiId(), event.municipality(), event.year()), event);
    }
}
