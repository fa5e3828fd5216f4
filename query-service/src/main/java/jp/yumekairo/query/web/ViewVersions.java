package jp.yumekairo.query.web;

import jp.yumekairo.query.config.FreshnessProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Read-your-writes: a write answers with the aggregate's version, and a read that passes it as
 * {@code minVersion} waits here, at most {@code yumekairo.freshness.max-wait}, until the views hold that version.
 * Any instance may have applied the events, so the views themselves are asked, not this JVM's processors: again
 * whenever a change is heard ({@link CurrentViews}), and at least every 10 ms.
 */
@Component
public class ViewVersions {

    /** Between two looks at the views when no change is heard: the fallback when notifications are lost. */
    private static final long POLL_NANOS = 10_000_000L;

    private final JdbcTemplate jdbc;
    private final FreshnessProperties freshness;
    private final CurrentViews changes;

    ViewVersions(JdbcTemplate jdbc, FreshnessProperties freshness, CurrentViews changes) {
        this.jdbc = jdbc;
        this.freshness = freshness;
        this.changes = changes;
    }

    /** The version of a project or plan the views hold: its number of events applied (0 = unknown here). */
    public long versionOf(String aggregateId) {
        Long version = jdbc.queryForObject("SELECT coalesce(max(sequence_number) + 1, 0) FROM query.event_origin "
                + "WHERE aggregate_id = ?", Long.class, aggregateId);
        return version == null ? 0 : version;
    }

    /** Returns once the views hold at least {@code minVersion} of the aggregate; 503 when that takes too long. */
    public void awaitVersion(String aggregateId, Long minVersion) {
        if (minVersion == null) {
            return;
        }
        if (minVersion < 0) {
            throw QueryRefused.invalid("invalid-min-version", "minVersion is a version a write answered with: 1 or more");
        }
        Instant deadline = Instant.now().plus(freshness.maxWait());
        long held;
        long heard = changes.generation();
        while ((held = versionOf(aggregateId)) < minVersion) {
            if (Instant.now().isAfter(deadline)) {
                throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "view-not-caught-up",
                        "the views hold version " + held + ", not yet " + minVersion
                                + " after " + freshness.maxWait().toMillis() + " ms; try again shortly");
            }
            // the views are asked again as soon as a change is heard, or after the polling interval
            try {
                changes.awaitChange(heard, POLL_NANOS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "view-not-caught-up",
                        "interrupted while waiting for the views; try again shortly");
            }
            heard = changes.generation();
        }
    }
}
