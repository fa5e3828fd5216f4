package jp.yumekairo.query.project;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.CurrentViews;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Projects as they stood at an instant: their rows as of it ({@link ProjectRows}), assembled into the views every
 * reader shows ({@link ProjectAssembly}, labelled by {@link ProjectLabels}). The current views are assembled once
 * per change of the views and kept ({@link CurrentViews}); views as of a past instant are assembled per read.
 */
@Component
public class ProjectViews {

    /** What a current view is kept under: which view, of which project or member. */
    record Current(String view, String id) {
        static Current project(String projectId) {
            return new Current("project", projectId);
        }

        static Current projectsOf(MunicipalityCode member) {
            return new Current("projects-of", member.code());
        }
    }

    private final ProjectRows rows;
    private final CurrentViews current;
    private final TransactionTemplate reading;

    ProjectViews(ProjectRows rows, CurrentViews current, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.current = current;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    public Optional<ProjectView> project(String projectId, Instant asOf) {
        return project(projectId, asOf, 0);
    }

    /** The project; the current view at least of {@code minVersion} (read-your-writes). */
    Optional<ProjectView> project(String projectId, Instant asOf, long minVersion) {
        Supplier<Optional<ProjectView>> assemble = () -> read(() ->
                views(rows.project(projectId, asOf), asOf).stream().findFirst());
        return AsOf.LATEST.equals(asOf)
                ? current.get(Current.project(projectId), minVersion, assemble, ProjectViews::versionOf)
                : assemble.get();
    }

    /** Whether the project was registered at or before the instant, without assembling its view. */
    public boolean exists(String projectId, Instant asOf) {
        return rows.exists(projectId, asOf);
    }

    /** The projects a member leads or takes part in (広域, as the participants stood then), in registration order. */
    public List<ProjectView> projectsOf(MunicipalityCode member, Instant asOf) {
        Supplier<List<ProjectView>> assemble = () -> read(() -> views(rows.projectsOf(member, asOf), asOf));
        return AsOf.LATEST.equals(asOf) ? current.get(Current.projectsOf(member), assemble) : assemble.get();
    }

    private <T> T read(Supplier<T> reads) {
        return reading.execute(status -> reads.get());
    }

    private static long versionOf(Optional<ProjectView> view) {
        return view.map(ProjectView::version).orElse(0L);
    }

    private static List<ProjectView> views(List<ProjectRows.Rows> found, Instant asOf) {
        ProjectLabels labels = new ProjectLabels(asOf);
        return found.stream().map(project -> ProjectAssembly.view(project, labels)).toList();
    }
}
