package jp.yumekairo.query.project;

import jp.yumekairo.events.MunicipalityCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Projects as they stood at an instant: their rows as of it ({@link ProjectRows}), assembled into the views every
 * reader shows ({@link ProjectAssembly}, labelled by {@link ProjectLabels}).
 */
@Component
public class ProjectViews {

    private final ProjectRows rows;

    ProjectViews(ProjectRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public Optional<ProjectView> project(String projectId, Instant asOf) {
        return views(rows.project(projectId, asOf), asOf).stream().findFirst();
    }

    /** Whether the project was registered at or before the instant, without assembling its view. */
    public boolean exists(String projectId, Instant asOf) {
        return rows.exists(projectId, asOf);
    }

    /** The projects a member leads or takes part in (広域, as the participants stood then), in registration order. */
    @Transactional(readOnly = true)
    public List<ProjectView> projectsOf(MunicipalityCode member, Instant asOf) {
        return views(rows.projectsOf(member, asOf), asOf);
    }

    private static List<ProjectView> views(List<ProjectRows.Rows> found, Instant asOf) {
        ProjectLabels labels = new ProjectLabels(asOf);
        return found.stream().map(project -> ProjectAssembly.view(project, labels)).toList();
    }
}
