package jp.yumekairo.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.edge.SqlStates;
import jp.yumekairo.query.web.QueryRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rebuild runs, recorded in {@code query.rebuild_run}, one at a time across all instances.
 *
 * <p>A running rebuild holds a PostgreSQL session advisory lock named after its run on a connection of its own,
 * taken in the transaction that records the run. PostgreSQL drops the lock the moment that session ends, so a
 * RUNNING run whose lock nobody holds belongs to an instance that died (or lost its database), whatever its
 * heartbeat says; any instance marks it FAILED on start, on the next request to rebuild, and when asked for it.
 */
@Component
class RebuildRuns {

    /** A run as the status endpoint shows it; {@code result} holds the per-table comparison once it finished. */
    record RebuildStatus(long runId, String state, String requestedBy, Instant startedAt, Instant finishedAt,
                         long headIndex, long totalEvents, long replayedEvents, JsonNode result) {
    }

    /** A run this instance is running; closing it releases its lock. */
    static final class Run implements AutoCloseable {

        private final long id;
        private final Connection lock;

        private Run(long id, Connection lock) {
            this.id = id;
            this.lock = lock;
        }

        long id() {
            return id;
        }

        @Override
        public void close() {
            try (PreparedStatement unlocked = lock.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                unlocked.setInt(1, LOCK_SPACE);
                unlocked.setInt(2, Math.toIntExact(id));
                unlocked.execute();
            } catch (SQLException lost) {
                LOG.debug("rebuild {}: lock already gone with its connection ({})", id, lost.getMessage());
            } finally {
                RebuildRuns.close(lock);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RebuildRuns.class);
    private static final String STOPPED = "the instance running it stopped";
    /** The first key of the runs' advisory locks ("YKRB"); the second is the run id. */
    private static final int LOCK_SPACE = 0x594B5242;
    private static final String ABANDONED = "UPDATE query.rebuild_run SET state = 'FAILED', finished_at = now(), "
            + "result = ?::jsonb WHERE state = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM pg_locks l "
            + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND l.classid::bigint = " + LOCK_SPACE + " AND l.objid::bigint = run_id)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;

    RebuildRuns(JdbcTemplate jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Records a RUNNING run of the log up to {@code headIndex} and takes its lock, after marking FAILED the runs of
     * instances that are gone; {@link RebuildAlreadyRunning} when one is under way on any instance.
     */
    Run open(String requestedBy, long headIndex, long totalEvents) {
        Connection lock = null;
        try {
            lock = dataSource.getConnection();
            lock.setAutoCommit(false);
            try (PreparedStatement abandoned = lock.prepareStatement(ABANDONED)) {
                abandoned.setString(1, failureJson(STOPPED));
                abandoned.executeUpdate();
            }
            long runId;
            try (PreparedStatement insert = lock.prepareStatement("INSERT INTO query.rebuild_run (requested_by, "
                    + "started_at, state, head_index, total_events) VALUES (?, now(), 'RUNNING', ?, ?) RETURNING run_id")) {
                insert.setString(1, requestedBy);
                insert.setLong(2, headIndex);
                insert.setLong(3, totalEvents);
                try (ResultSet inserted = insert.executeQuery()) {
                    inserted.next();
                    runId = inserted.getLong(1);
                }
            }
            // taken before the run is visible to anyone: no other instance can see it RUNNING without its lock
            try (PreparedStatement locked = lock.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                locked.setInt(1, LOCK_SPACE);
                locked.setInt(2, Math.toIntExact(runId));
                locked.execute();
            }
            lock.commit();
            lock.setAutoCommit(true);
            return new Run(runId, lock);
        } catch (SQLException failed) {
            close(lock);
            if (SqlStates.UNIQUE_VIOLATION.equals(failed.getSQLState())) {
                throw new RebuildAlreadyRunning();
            }
            throw new IllegalStateException("could not start a rebuild", failed);
        }
    }

    /** The run is alive and has replayed this many events. */
    void progressed(Run run, long replayedEvents) {
        jdbc.update("UPDATE query.rebuild_run SET replayed_events = ?, heartbeat_at = now() WHERE run_id = ?",
                replayedEvents, run.id());
    }

    /** The run is alive, waiting. */
    void heartbeat(Run run) {
        jdbc.update("UPDATE query.rebuild_run SET heartbeat_at = now() WHERE run_id = ?", run.id());
    }

    void succeeded(Run run, Object result) {
        try {
            jdbc.update("UPDATE query.rebuild_run SET state = 'SUCCEEDED', finished_at = now(), result = ?::jsonb "
                    + "WHERE run_id = ? AND state = 'RUNNING'", json.writeValueAsString(result), run.id());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    void failed(Run run, Throwable failure) {
        jdbc.update("UPDATE query.rebuild_run SET state = 'FAILED', finished_at = now(), result = ?::jsonb "
                + "WHERE run_id = ? AND state = 'RUNNING'", failureJson(String.valueOf(failure.getMessage())), run.id());
    }

    /** The latest run. */
    @PreAuthorize(AuditLog.AUDITORS)
    public RebuildStatus latest() {
        List<Long> ids = jdbc.queryForList("SELECT max(run_id) FROM query.rebuild_run", Long.class);
        if (ids.isEmpty() || ids.get(0) == null) {
            throw QueryRefused.unknown("no-rebuild", "no rebuild has been run yet; start one with POST /api/audit/rebuild");
        }
        return read(ids.get(0));
    }

    /** One run, FAILED rather than RUNNING once the instance running it is gone. */
    @PreAuthorize(AuditLog.AUDITORS)
    public RebuildStatus status(long runId) {
        RebuildStatus status = read(runId);
        if (status.state().equals("RUNNING") && markAbandoned() > 0) {
            return read(runId);
        }
        return status;
    }

    /** Marks FAILED every RUNNING run whose instance is gone; returns how many there were. */
    int markAbandoned() {
        int abandoned = jdbc.update(ABANDONED, failureJson(STOPPED));
        if (abandoned > 0) {
            LOG.warn("{} rebuild run(s) marked FAILED: the instance running them stopped", abandoned);
        }
        return abandoned;
    }

    /** A run left RUNNING by an instance that was killed shows as FAILED as soon as any instance is back. */
    @EventListener(ApplicationReadyEvent.class)
    void markAbandonedOnStart() {
        try {
            markAbandoned();
        } catch (RuntimeException unavailable) {
            LOG.warn("could not look for abandoned rebuild runs: {}", unavailable.getMessage());
        }
    }

    private RebuildStatus read(long runId) {
        List<RebuildStatus> found = jdbc.query("SELECT * FROM query.rebuild_run WHERE run_id = ?",
                (row, index) -> new RebuildStatus(row.getLong("run_id"), row.getString("state"),
                        row.getString("requested_by"), row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                        row.getLong("head_index"), row.getLong("total_events"), row.getLong("replayed_events"),
                        tree(row.getString("result"))), runId);
        return found.stream().findFirst().orElseThrow(() -> QueryRefused.unknown("unknown-rebuild", "no such rebuild run"));
    }

    private JsonNode tree(String result) {
        try {
            return result == null ? null : json.readTree(result);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException(corrupt);
        }
    }

    private String failureJson(String error) {
        try {
            return json.writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException impossible) {
            return "{}";
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection by itself
            }
        }
    }
}
