package jp.yumekairo.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.EventJson;
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
import jp.yumekairo.query.projection.ProjectionRow.EvaluationRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiActualRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiNameRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiTargetRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectActivitiesRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectCostRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectDetailsRow;
import jp.yumekairo.query.projection.ProjectionRow.ProjectRow;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import jp.yumekairo.query.projection.RebuildableProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

import static jp.yumekairo.query.projection.ProjectionRows.codes;
import static jp.yumekairo.query.projection.ProjectionRows.valueOf;

/**
 * Every project event as one appended row: registrations, KPIs, and each revision of a target, actual, cost,
 * evaluation, year's activities (事業実績), the project's details or a KPI's name.
 */
@Component
@ProcessingGroup(ProjectProjection.PROCESSOR)
public class ProjectProjection implements RebuildableProjection {

    /** Built once: building a mapper per row was a fifth of the rebuild's time. */
    private static final ObjectMapper JSON = EventJson.objectMapper();

    public static final String PROCESSOR = "project-views";

    private final ProjectionRows rows;

    @Autowired
    ProjectProjection(JdbcTemplate jdbc) {
        this(new ProjectionRows(jdbc, ProjectionSchema.LIVE));
    }

    private ProjectProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @Override
    public RebuildableProjection writingTo(ProjectionRows rows) {
        return new ProjectProjection(rows);
    }

    @EventHandler
    void on(ProjectRegistered event, EventMessage<?> message) {
        rows.add(message, "", new ProjectRow(event.projectId(), event.leadMunicipality().code(),
                codes(event.participants()), event.name(), event.summary(), event.scope().name(),
                event.grantProgram().name(), event.department(), event.firstFiscalYear().startYear(),
                event.lastFiscalYear().startYear()));
    }

    @EventHandler
    void on(KpiDefined event, EventMessage<?> message) {
        rows.add(message, "", new KpiRow(event.projectId(), event.kpiId(), event.name(), event.unit(),
                event.direction().name(), event.measure().name(),
                event.baseline() == null ? null : event.baseline().value(),
                event.baseline() == null || event.baseline().fiscalYear() == null ? null
                        : event.baseline().fiscalYear().startYear(),
                event.finalTarget()));
    }

    @EventHandler
    void on(TargetRevised event, EventMessage<?> message) {
        rows.add(message, event.reason(), new KpiTargetRow(event.projectId(), event.kpiId(),
                event.fiscalYear().startYear(), valueOf(event.target())));
    }

    @EventHandler
    void on(ActualRecorded event, EventMessage<?> message) {
        rows.add(message, event.reason(), new KpiActualRow(event.projectId(), event.kpiId(),
                event.fiscalYear().startYear(), valueOf(event.actual()), event.status().name(), event.source(),
                event.note()));
    }

    @EventHandler
    void on(ProjectCostRecorded event, EventMessage<?> message) {
        rows.add(message, event.reason(), new ProjectCostRow(event.projectId(), event.fiscalYear().startYear(),
                event.totalCost(), event.grantAmount()));
    }

    @EventHandler
    void on(EvaluationSubmitted event, EventMessage<?> message) {
        rows.add(message, "", new EvaluationRow(event.projectId(), event.fiscalYear().startYear(),
                event.effect().name(), event.policy().name(), event.rationale(), event.situation(), event.obstacles(),
                event.revisions(), json(event.shortfallReasons()), event.policyRationale()));
    }

    @EventHandler
    void on(EvaluationRevised event, EventMessage<?> message) {
        rows.add(message, event.reason(), new EvaluationRow(event.projectId(), event.fiscalYear().startYear(),
                event.effect().name(), event.policy().name(), event.rationale(), event.situation(), event.obstacles(),
                event.revisions(), json(event.shortfallReasons()), event.policyRationale()));
    }

    @EventHandler
    void on(ProjectActivitiesRecorded event, EventMessage<?> message) {
        rows.add(message, event.reason(), new ProjectActivitiesRow(event.projectId(), event.fiscalYear().startYear(),
                event.activities()));
    }

    @EventHandler
    void on(ProjectDetailsCorrected event, EventMessage<?> message) {
        rows.add(message, event.reason(), new ProjectDetailsRow(event.projectId(), event.name(), event.summary(),
                event.department(), codes(event.participants())));
    }

    @EventHandler
    void on(KpiRenamed event, EventMessage<?> message) {
        rows.add(message, event.reason(), new KpiNameRow(event.projectId(), event.kpiId(), event.name()));
    }

    private static String json(Map<String, String> reasons) {
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
