package jp.yumekairo.query.dashboard;

import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.CurrentViews;
import jp.yumekairo.query.web.CurrentViews.Kept;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.function.Supplier;

/** The consolidated KGI dashboard of the wide-area plan. */
@RestController
class DashboardQueryController {

    private final DashboardViews dashboards;
    private final ViewVersions versions;
    private final CurrentViews current;

    DashboardQueryController(DashboardViews dashboards, ViewVersions versions, CurrentViews current) {
        this.dashboards = dashboards;
        this.versions = versions;
        this.current = current;
    }

    /** What the JSON of a current dashboard is kept under. */
    private record Json(String planId, Integer year) {
    }

    /** Per KGI: each member's figure, the total, the target and the trend; {@code year} defaults to each KGI's latest. */
    @GetMapping("/api/plans/{planId}/dashboard")
    ResponseEntity<Kept<Dashboard>> dashboard(@PathVariable String planId, @RequestParam(required = false) Integer year,
                                              @RequestParam(required = false) String asOf,
                                              @RequestParam(required = false) Long minVersion) {
        checkYear(year);
        Instant at = AsOf.parse(asOf);
        versions.awaitVersion(planId, minVersion);
        long atLeast = minVersion == null ? 0 : minVersion;
        Supplier<Dashboard> dashboard = () -> dashboards.of(planId, year, at, atLeast).orElseThrow(() ->
                QueryRefused.unknown("unknown-plan", "no wide-area plan with that id (at that moment)"));
        Kept<Dashboard> kept = AsOf.LATEST.equals(at)
                ? current.json(new Json(planId, year), atLeast, dashboard, Dashboard::version)
                : current.serialised(dashboard.get());
        return ResponseEntity.ok().eTag("\"" + kept.view().version() + "\"").body(kept);
    }

    static void checkYear(Integer year) {
        if (year != null && (year < 1900 || year > 2100)) {
            throw QueryRefused.invalid("year-out-of-range", "year must be between 1900 and 2100");
        }
    }
}
