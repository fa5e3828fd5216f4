package jp.yumekairo.query.project;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.CurrentViews;
import jp.yumekairo.query.web.CurrentViews.Kept;
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
import java.util.function.Supplier;

/** The members and their projects, each as of any instant ({@code asOf}), read-your-writes with {@code minVersion}. */
@RestController
@RequestMapping("/api")
class ProjectQueryController {

    private final ProjectViews views;
    private final ProjectHistory history;
    private final ViewVersions versions;
    private final MunicipalityCounts counts;
    private final CurrentViews current;

    ProjectQueryController(ProjectViews views, ProjectHistory history, ViewVersions versions, MunicipalityCounts counts,
                           CurrentViews current) {
        this.views = views;
        this.history = history;
        this.versions = versions;
        this.counts = counts;
        this.current = current;
    }

    /** The members as of an instant (now when the current view was asked for). */
    record Municipalities(Instant asOf, List<MunicipalityCounts.Member> municipalities) {
    }

    /** A member's projects. */
    record MemberProjects(String municipalityCode, String municipalityName, List<ProjectView> projects) {
    }

    /** A project's revisions. */
    record Revisions(String projectId, List<ProjectHistory.Revision> revisions) {
    }

    /** The seven members with their codes, names and how many projects each leads and takes part in. */
    @GetMapping("/municipalities")
    Municipalities municipalities(@RequestParam(required = false) String asOf) {
        Instant at = AsOf.parse(asOf);
        return new Municipalities(AsOf.LATEST.equals(at) ? Instant.now() : at, counts.of(at));
    }

    /** One member's projects (led or taken part in), with KPIs per fiscal year, costs and evaluations. */
    @GetMapping("/municipalities/{code}/projects")
    Kept<MemberProjects> projectsOf(@PathVariable("code") MunicipalityCode member,
                                    @RequestParam(required = false) String asOf) {
        Instant at = AsOf.parse(asOf);
        Supplier<MemberProjects> view = () -> new MemberProjects(member.code(), member.nameJa(),
                views.projectsOf(member, at));
        return AsOf.LATEST.equals(at)
                ? current.json(new Json("projects-of", member.code()), 0, view, projects -> Long.MAX_VALUE)
                : current.serialised(view.get());
    }

    /** One project in full; with {@code minVersion}, waits (bounded) until the view holds that version. */
    @GetMapping("/projects/{projectId}")
    ResponseEntity<Kept<ProjectView>> project(@PathVariable String projectId,
                                              @RequestParam(required = false) String asOf,
                                              @RequestParam(required = false) Long minVersion) {
        Instant at = AsOf.parse(asOf);
        versions.awaitVersion(projectId, minVersion);
        long atLeast = minVersion == null ? 0 : minVersion;
        Supplier<ProjectView> view = () -> views.project(projectId, at, atLeast)
                .orElseThrow(ProjectQueryController::unknownProject);
        Kept<ProjectView> kept = AsOf.LATEST.equals(at)
                ? current.json(new Json("project", projectId), atLeast, view, ProjectView::version)
                : current.serialised(view.get());
        return ResponseEntity.ok().eTag("\"" + kept.view().version() + "\"").body(kept);
    }

    /** Every revision of the project's targets, actuals, costs and evaluations: before, after, when, who, why. */
    @GetMapping("/projects/{projectId}/history")
    Revisions history(@PathVariable String projectId, @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) Long minVersion) {
        Instant at = AsOf.parse(asOf);
        versions.awaitVersion(projectId, minVersion);
        if (!views.exists(projectId, at)) {
            throw unknownProject();
        }
        return new Revisions(projectId, history.of(projectId, at));
    }

    /** What the JSON of a current view is kept under. */
    private record Json(String view, String id) {
    }

    private static QueryRefused unknownProject() {
        return QueryRefused.unknown("unknown-project", "no project with that id (at that moment)");
    }
}
