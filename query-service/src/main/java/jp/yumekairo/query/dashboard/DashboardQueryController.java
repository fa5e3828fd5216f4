package jp.yumekairo.query.dashboard;

import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The consolidated KGI dashboard of the wide-area plan. */
@RestController
class DashboardQueryController {

    private final DashboardViews dashboards;
    private final ViewVersions versions;

    DashboardQueryController(DashboardViews dashboards, ViewVersions versions) {
        this.dashboards = dashboards;
        this.versions = versions;
    }

    /** Per KGI: each member's figure, the total, the target and the trend; {@code year} defaults to each KGI's latest. */
    @GetMapping("/api/plans/{planId}/dashboard")
    ResponseEntity<Dashboard> dashboard(@PathVariable String planId, @RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) Long minVersion) {
        checkYear(year);
        Instant at = AsOf.parse(asOf);
        versions.awaitVersion(planId, minVersion);
        Dashboard dashboard = dashboards.of(planId, year, at).orElseThrow(() -> QueryRefused.unknown("unknown-plan",
                "no wide-area plan with that id (at that moment)"));
        return ResponseEntity.ok().eTag("\"" + dashboard.version() + "\"").body(dashboard);
    }

    static void checkYear(Integer year) {
        if (year != null && (year < 1900 || year > 2100)) {
            throw QueryRefused.invalid("year-out-of-range", "year must be between 1900 and 2100");
        }
    }
}
