package jp.yumekairo.query.web;

import jp.yumekairo.query.config.FreshnessProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes: a write answers with the aggregate's version, and a read that passes it as
 * {@code minVersion} waits here, at most {@code yumekairo.freshness.max-wait}, until the views hold that version.
 * Any instance may have applied the events, so the views themselves are asked, not this JVM's processors.
 */
@Component
public class ViewVersions {

    private static final long POLL_NANOS = 10_000_000L;

    private final JdbcTemplate jdbc;
    private final FreshnessProperties freshness;

    ViewVersions(JdbcTemplate jdbc, FreshnessProperties freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
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
        while ((held = versionOf(aggregateId)) < minVersion) {
            if (Instant.now().isAfter(deadline)) {
                throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "view-not-caught-up",
                        "the views hold version " + held + ", not yet " + minVersion
                                + " after " + freshness.maxWait().toMillis() + " ms; try again shortly");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
