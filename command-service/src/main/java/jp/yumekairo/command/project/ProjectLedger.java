package jp.yumekairo.command.project;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.project.ActualRecorded;
import jp.yumekairo.events.project.KpiDefined;
import jp.yumekairo.events.project.KpiRenamed;
import jp.yumekairo.events.project.ProjectCostRecorded;
import jp.yumekairo.events.project.ProjectDetailsCorrected;
import jp.yumekairo.events.project.ProjectRegistered;
import jp.yumekairo.events.project.TargetRevised;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the import needs to know of a member's projects before it sends a command: names (to find a project and
 * a KPI by name, and to show them), units, periods and the current figures (to show each change as old → new and
 * to tell a change from a repetition). Read from the member's events in the event store, as the aggregates are.
 */
@Component
class ProjectLedger {

    /** A project the member leads, as its events tell it now. */
    static final class ProjectFacts {
        final String projectId;
        String name = "";
        int first;
        int last;
        final Map<String, KpiFacts> kpis = new LinkedHashMap<>();
        final Map<Integer, ProjectCostRecorded> costs = new HashMap<>();

        ProjectFacts(String projectId) {
            this.projectId = projectId;
        }
    }

    /** A KPI of a project, with its figures per fiscal year. */
    static final class KpiFacts {
        final String kpiId;
        String name;
        final String unit;
        final BigDecimal finalTarget;
        final Map<Integer, BigDecimal> targets = new HashMap<>();
        final Map<Integer, ActualRecorded> actuals = new HashMap<>();

        KpiFacts(String kpiId, String name, String unit, BigDecimal finalTarget) {
            this.kpiId = kpiId;
            this.name = name;
            this.unit = unit;
            this.finalTarget = finalTarget;
        }

        /** The year's target as the views show it: the revised one, else the final-year target of the KPI. */
        BigDecimal target(int year, int lastYear) {
            BigDecimal target = targets.get(year);
            return target == null && year == lastYear ? finalTarget : target;
        }
    }

    private final JdbcTemplate jdbc;
    private final EventStore events;

    ProjectLedger(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The projects the member leads (whose editor alone writes them), by id. */
    Map<String, ProjectFacts> ledOf(MunicipalityCode member) {
        List<String> ids = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> 'leadMunicipality' = ? "
                + "ORDER BY aggregate_identifier", String.class, "%." + ProjectRegistered.class.getSimpleName(), member.code());
        Map<String, ProjectFacts> projects = new LinkedHashMap<>();
        for (String id : ids) {
            projects.put(id, facts(id));
        }
        return projects;
    }

    private ProjectFacts facts(String projectId) {
        ProjectFacts project = new ProjectFacts(projectId);
        DomainEventStream stream = events.readEvents(projectId);
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            payloads.add(event.getPayload());
        }
        for (Object payload : payloads) {
            if (payload instanceof ProjectRegistered registered) {
                project.name = registered.name();
                project.first = registered.firstFiscalYear().startYear();
                project.last = registered.lastFiscalYear().startYear();
            } else if (payload instanceof KpiDefined kpi) {
                project.kpis.put(kpi.kpiId(), new KpiFacts(kpi.kpiId(), kpi.name(), kpi.unit(), kpi.finalTarget()));
            } else if (payload instanceof TargetRevised target && project.kpis.containsKey(target.kpiId())) {
                project.kpis.get(target.kpiId()).targets.put(target.fiscalYear().startYear(), target.target().value());
            } else if (payload instanceof ActualRecorded actual && project.kpis.containsKey(actual.kpiId())) {
                project.kpis.get(actual.kpiId()).actuals.put(actual.fiscalYear().startYear(), actual);
            } else if (payload instanceof ProjectCostRecorded cost) {
                project.costs.put(cost.fiscalYear().startYear(), cost);
            } else if (payload instanceof ProjectDetailsCorrected corrected) {
                project.name = corrected.name();
            } else if (payload instanceof KpiRenamed renamed && project.kpis.containsKey(renamed.kpiId())) {
                project.kpis.get(renamed.kpiId()).name = renamed.name();
            }
        }
        return project;
    }
}
