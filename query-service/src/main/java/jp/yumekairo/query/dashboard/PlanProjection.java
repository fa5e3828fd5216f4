package jp.yumekairo.query.dashboard;

import jp.yumekairo.events.plan.KgiDefined;
import jp.yumekairo.events.plan.KgiFigureReported;
import jp.yumekairo.events.plan.PartnershipFigureReported;
import jp.yumekairo.events.plan.PlanDefined;
import jp.yumekairo.events.plan.PlanTargetRevised;
import jp.yumekairo.query.projection.ProjectionRow.KgiFigureRow;
import jp.yumekairo.query.projection.ProjectionRow.KgiRow;
import jp.yumekairo.query.projection.ProjectionRow.PartnershipFigureRow;
import jp.yumekairo.query.projection.ProjectionRow.PlanRow;
import jp.yumekairo.query.projection.ProjectionRow.PlanTargetRow;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import jp.yumekairo.query.projection.RebuildableProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static jp.yumekairo.query.projection.ProjectionRows.codes;
import static jp.yumekairo.query.projection.ProjectionRows.valueOf;

/** Every plan event as one appended row: the plan, its KGIs, and each revision of a plan target or member figure. */
@Component
@ProcessingGroup(PlanProjection.PROCESSOR)
class PlanProjection implements RebuildableProjection {

    static final String PROCESSOR = "plan-views";

    private final ProjectionRows rows;

    @Autowired
    PlanProjection(JdbcTemplate jdbc) {
        this(new ProjectionRows(jdbc, ProjectionSchema.LIVE));
    }

    private PlanProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @Override
    public RebuildableProjection writingTo(ProjectionRows rows) {
        return new PlanProjection(rows);
    }

    @EventHandler
    void on(PlanDefined event, EventMessage<?> message) {
        rows.add(message, "", new PlanRow(event.planId(), event.name(), codes(event.members()),
                event.firstFiscalYear().startYear(), event.lastFiscalYear().startYear()));
    }

    @EventHandler
    void on(KgiDefined event, EventMessage<?> message) {
        rows.add(message, "", new KgiRow(event.planId(), event.kgiId(), event.name(), event.unit(),
                event.direction().name(), event.aggregation().name(), event.baseline().value(),
                event.baseline().year()));
    }

    @EventHandler
    void on(PlanTargetRevised event, EventMessage<?> message) {
        rows.add(message, event.reason(), new PlanTargetRow(event.planId(), event.kgiId(), event.year(),
                valueOf(event.target())));
    }

    @EventHandler
    void on(PartnershipFigureReported event, EventMessage<?> message) {
        rows.add(message, event.reason(), new PartnershipFigureRow(event.planId(), event.kgiId(), event.year(),
                valueOf(event.value()), event.status().name(), event.source()));
    }

    @EventHandler
    void on(KgiFigureReported event, EventMessage<?> message) {
        rows.add(message, event.reason(), new KgiFigureRow(event.planId(), event.kgiId(),
                event.municipality().code(), event.year(), valueOf(event.value()), event.status().name(),
                event.source()));
    }
}
