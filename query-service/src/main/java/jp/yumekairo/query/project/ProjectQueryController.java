package jp.yumekairo.query.project;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.PathValues;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The members and their projects, each as of any instant ({@code asOf}), read-your-writes with {@code minVersion}. */
@RestController
@RequestMapping("/api")
class ProjectQueryController {

    private final ProjectViews views;
    private final ProjectHistory history;
    private final ViewVersions versions;
    private final MunicipalityCounts counts;

    ProjectQueryController(ProjectViews views, ProjectHistory history, ViewVersions versions, MunicipalityCounts counts) {
        this.views = views;
        this.history = history;
        this.versions = versions;
        this.counts = counts;
    }

    /** The seven members with their codes, names and how many projects each leads and takes part in. */
    @GetMapping("/municipalities")
    Map<String, Object> municipalities(@RequestParam(required = false) String asOf) {
        Instant at = AsOf.parse(asOf);
        return Map.of("asOf", AsOf.LATEST.equals(at) ? Instant.now() : at, "municipalities", counts.of(at));
    }

    /** One member's projects (led or taken part in), with KPIs per fiscal year, costs and evaluations. */
    @GetMapping("/municipalities/{code}/projects")
    Map<String, Object> projectsOf(@PathVariable String code, @RequestParam(required = false) String asOf) {
        MunicipalityCode member = PathValues.member(code);
        Instant at = AsOf.parse(asOf);
        return Map.of("municipalityCode", member.code(), "municipalityName", member.nameJa(),
                "projects", views.projectsOf(member, at));
    }

    /** One project in full; with {@code minVersion}, waits (bounded) until the view holds that version. */
    @GetMapping("/projects/{projectId}")
    ResponseEntity<ProjectView> project(@PathVariable String projectId, @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) Long minVersion) {
        Instant at = AsOf.parse(asOf);
        versions.awaitVersion(projectId, minVersion);
        ProjectView view = views.project(projectId, at).orElseThrow(ProjectQueryController::unknownProject);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    /** Every revision of the project's targets, actuals, costs and evaluations: before, after, when, who, why. */
    @GetMapping("/projects/{projectId}/history")
    Map<String, Object> history(@PathVariable String projectId, @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) Long minVersion) {
        Instant at = AsOf.parse(asOf);
        versions.awaitVersion(projectId, minVersion);
        if (!views.exists(projectId, at)) {
            throw unknownProject();
        }
        List<ProjectHistory.Revision> revisions = history.of(projectId, at);
        return Map.of("projectId", projectId, "revisions", revisions);
    }

    private static QueryRefused unknownProject() {
        return QueryRefused.unknown("unknown-project", "no project with that id (at that moment)");
    }
}
