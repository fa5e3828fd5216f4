package jp.yumekairo.query.dashboard;

import jp.yumekairo.events.plan.KgiDefined;
import jp.yumekairo.events.plan.KgiFigureReported;
import jp.yumekairo.events.plan.PartnershipFigureReported;
import jp.yumekairo.events.plan.PlanDefined;
import jp.yumekairo.events.plan.PlanTargetRevised;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static jp.yumekairo.query.projection.ProjectionRows.codes;
import static jp.yumekairo.query.projection.ProjectionRows.recordedAt;
import static jp.yumekairo.query.projection.ProjectionRows.sequenceNumber;
import static jp.yumekairo.query.projection.ProjectionRows.valueOf;
import static jp.yumekairo.query.projection.ProjectionTable.KGI;
import static jp.yumekairo.query.projection.ProjectionTable.KGI_FIGURE;
import static jp.yumekairo.query.projection.ProjectionTable.PARTNERSHIP_FIGURE;
import static jp.yumekairo.query.projection.ProjectionTable.PLAN;
import static jp.yumekairo.query.projection.ProjectionTable.PLAN_TARGET;

/** Every plan event as one appended row: the plan, its KGIs, and each revision of a plan target or member figure. */
@Component
@ProcessingGroup(PlanProjection.PROCESSOR)
public class PlanProjection {

    public static final String PROCESSOR = "plan-views";

    private final ProjectionRows rows;

    @Autowired
    PlanProjection(JdbcTemplate jdbc) {
        this(new ProjectionRows(jdbc, ProjectionSchema.LIVE));
    }

    /** Writing somewhere else than the live views: the auditor's rebuild. */
    public PlanProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(PlanDefined event, EventMessage<?> message) {
        rows.add(message, "", PLAN, event.planId(), sequenceNumber(message), recordedAt(message), event.name(),
                codes(event.members()), event.firstFiscalYear().startYear(), event.lastFiscalYear().startYear());
    }

    @EventHandler
    void on(KgiDefined event, EventMessage<?> message) {
        rows.add(message, "", KGI, event.planId(), sequenceNumber(message), event.kgiId(), recordedAt(message),
                event.name(), event.unit(), event.direction().name(), event.aggregation().name(),
                event.baseline().value(), event.baseline().year());
    }

    @EventHandler
    void on(PlanTargetRevised event, EventMessage<?> message) {
        rows.add(message, event.reason(), PLAN_TARGET, event.planId(), sequenceNumber(message),
                recordedAt(message), event.kgiId(), event.year(), valueOf(event.target()));
    }

    @EventHandler
    void on(PartnershipFigureReported event, EventMessage<?> message) {
        rows.add(message, event.reason(), PARTNERSHIP_FIGURE, event.planId(), sequenceNumber(message),
                recordedAt(message), event.kgiId(), event.year(), valueOf(event.value()), event.status().name(),
                event.source());
    }

    @EventHandler
    void on(KgiFigureReported event, EventMessage<?> message) {
        rows.add(message, event.reason(), KGI_FIGURE, event.planId(), sequenceNumber(message),
                recordedAt(message), event.kgiId(), event.municipality().code(),
                event.year(), valueOf(event.value()), event.status().name(), event.source());
    }
}
