package jp.yumekairo.query.audit;

import jp.yumekairo.query.audit.RebuildRuns.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The auditor's projection rebuild (AUDITOR or ADMIN): start one, and follow its progress and verdict. */
@RestController
class RebuildController {

    private final Rebuild rebuild;
    private final RebuildRuns runs;

    RebuildController(Rebuild rebuild, RebuildRuns runs) {
        this.rebuild = rebuild;
        this.runs = runs;
    }

    /** Replays the whole log into fresh tables while the live views keep serving; 202 with the run to follow. */
    @PostMapping("/api/audit/rebuild")
    ResponseEntity<RebuildStatus> start(Authentication who) {
        long runId = rebuild.start(who.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/audit/rebuild/" + runId))
                .body(runs.status(runId));
    }

    /** The latest run. */
    @GetMapping("/api/audit/rebuild")
    RebuildStatus latest() {
        return runs.latest();
    }

    /** One run: progress while it runs, then whether the rebuilt views equal the live ones and how long it took. */
    @GetMapping("/api/audit/rebuild/{runId}")
    RebuildStatus status(@PathVariable long runId) {
        return runs.status(runId);
    }
}
