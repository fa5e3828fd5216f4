package jp.yumekairo.query.project;

import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.security.access.AccessDeniedException;

/** The project a page form writes: it must exist, and only its lead member's editor may write it. */
final class EditableProject {

    private EditableProject() {
    }

    static ProjectView of(ProjectViews views, String projectId, SignedIn me) {
        ProjectView project = views.project(projectId, AsOf.LATEST)
                .orElseThrow(() -> QueryRefused.unknown("unknown-project", "no project with that id"));
        if (me == null || !me.editorOf(project.leadMunicipality())) {
            throw new AccessDeniedException("only the lead member's editor writes this project");
        }
        return project;
    }
}
