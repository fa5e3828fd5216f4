package jp.yumekairo.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.query.web.QueryRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The auditor's projection rebuild (AUDITOR or ADMIN): start one, and follow its progress and verdict. */
@RestController
class RebuildController {

    /** A run as the status endpoint shows it; {@code result} holds the per-table comparison once it finished. */
    record RebuildStatus(long runId, String state, String requestedBy, Instant startedAt, Instant finishedAt,
                         long headIndex, long totalEvents, long replayedEvents, JsonNode result) {
    }

    private final Rebuild rebuild;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RebuildController(Rebuild rebuild, JdbcTemplate jdbc, ObjectMapper json) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Replays the whole log into fresh tables while the live views keep serving; 202 with the run to follow. */
    @PostMapping("/api/audit/rebuild")
    ResponseEntity<RebuildStatus> start(Authentication who) {
        long runId = rebuild.start(who.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/audit/rebuild/" + runId))
                .body(status(runId));
    }

    /** The latest run. */
    @GetMapping("/api/audit/rebuild")
    RebuildStatus latest() {
        List<Long> ids = jdbc.queryForList("SELECT max(run_id) FROM query.rebuild_run", Long.class);
        if (ids.isEmpty() || ids.get(0) == null) {
            throw QueryRefused.unknown("no-rebuild", "no rebuild has been run yet; start one with POST /api/audit/rebuild");
        }
        return status(ids.get(0));
    }

    /** One run: progress while it runs, then whether the rebuilt views equal the live ones and how long it took. */
    @GetMapping("/api/audit/rebuild/{runId}")
    RebuildStatus status(@PathVariable long runId) {
        RebuildStatus status = read(runId);
        if (status.state().equals("RUNNING") && rebuild.markAbandoned() > 0) {
            return read(runId);
        }
        return status;
    }

    private RebuildStatus read(long runId) {
        List<RebuildStatus> found = jdbc.query("SELECT * FROM query.rebuild_run WHERE run_id = ?",
                (row, index) -> new RebuildStatus(row.getLong("run_id"), row.getString("state"),
                        row.getString("requested_by"), row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                        row.getLong("head_index"), row.getLong("total_events"), row.getLong("replayed_events"),
                        read(row.getString("result"))), runId);
        return found.stream().findFirst().orElseThrow(() -> QueryRefused.unknown("unknown-rebuild", "no such rebuild run"));
    }

    private JsonNode read(String result) {
        try {
            return result == null ? null : json.readTree(result);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException(corrupt);
        }
    }
}
