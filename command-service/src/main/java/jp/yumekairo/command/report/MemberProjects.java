package jp.yumekairo.command.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.project.KpiDefined;
import jp.yumekairo.events.project.ProjectDetailsCorrected;
import jp.yumekairo.events.project.ProjectRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The projects a yearly report is about: those the member leads or takes part in, as their events tell it now. A
 * report exists only for a year one of them covers, and a comment names one of them and one of its KPIs.
 */
@Component
class MemberProjects {

    /** One of the member's projects: its period and its KPIs. */
    record MemberProject(String projectId, int first, int last, Set<String> kpiIds) {
        boolean covers(FiscalYear year) {
            return first <= year.startYear() && year.startYear() <= last;
        }
    }

    private final JdbcTemplate jdbc;
    private final EventStore events;

    MemberProjects(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Refuses a report for a year none of the member's projects covers. */
    List<MemberProject> requireReportYear(MunicipalityCode member, FiscalYear year) {
        List<MemberProject> projects = of(member);
        if (projects.stream().noneMatch(project -> project.covers(year))) {
            throw new ReportRefusals.ReportYearWithoutProjects(member, year);
        }
        return projects;
    }

    /** Refuses a comment naming a project that is not the member's, or a KPI that is not that project's. */
    void requireCommentTarget(MunicipalityCode member, FiscalYear year, String projectId, String kpiId) {
        List<MemberProject> projects = requireReportYear(member, year);
        if (projectId == null || projectId.isBlank()) {
            return;
        }
        MemberProject named = projects.stream().filter(project -> project.projectId().equals(projectId)).findFirst()
                .orElseThrow(() -> new ReportRefusals.CommentOnAnotherProject(member, projectId));
        if (kpiId != null && !kpiId.isBlank() && !named.kpiIds().contains(kpiId)) {
            throw new ReportRefusals.CommentOnAnotherKpi(projectId, kpiId);
        }
    }

    /** The projects the member leads or takes part in (now, after any correction of the participants). */
    List<MemberProject> of(MunicipalityCode member) {
        List<String> ids = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                        + "WHERE (payload_type LIKE ? OR payload_type LIKE ?) AND ("
                        + "convert_from(payload, 'UTF8')::jsonb ->> 'leadMunicipality' = ? "
                        + "OR convert_from(payload, 'UTF8')::jsonb -> 'participants' @> to_jsonb(?::text)) "
                        + "ORDER BY aggregate_identifier", String.class,
                "%." + ProjectRegistered.class.getSimpleName(), "%." + ProjectDetailsCorrected.class.getSimpleName(),
                member.code(), member.code());
        List<MemberProject> projects = new ArrayList<>();
        for (String id : ids) {
            MunicipalityCode lead = null;
            List<MunicipalityCode> participants = List.of();
            int first = 0;
            int last = -1;
            Set<String> kpis = new HashSet<>();
            DomainEventStream stream = events.readEvents(id);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                Object payload = event.getPayload();
                if (payload instanceof ProjectRegistered registered) {
                    lead = registered.leadMunicipality();
                    participants = registered.participants() == null ? List.of() : registered.participants();
                    first = registered.firstFiscalYear().startYear();
                    last = registered.lastFiscalYear().startYear();
                } else if (payload instanceof ProjectDetailsCorrected corrected) {
                    participants = corrected.participants();
                } else if (payload instanceof KpiDefined kpi) {
                    kpis.add(kpi.kpiId());
                }
            }
            if (lead == member || participants.contains(member)) {
                projects.add(new MemberProject(id, first, last, Set.copyOf(kpis)));
            }
        }
        return projects;
    }
}
