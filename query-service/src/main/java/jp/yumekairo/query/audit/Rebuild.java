package jp.yumekairo.query.audit;

import jp.yumekairo.query.dashboard.PlanProjection;
import jp.yumekairo.query.project.ProjectProjection;
import jp.yumekairo.query.report.ReportProjection;
import jp.yumekairo.query.projection.ProcessorPositions;
import jp.yumekairo.query.projection.ProjectionChecksums;
import jp.yumekairo.query.projection.ProjectionChecksums.TableComparison;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Replays the whole log into the rebuild schema with the very projection code the live processors run, while
 * the live views keep serving; then waits until the live processors have passed the same point of the log and
 * compares both copies table by table. Runs are recorded in {@code query.rebuild_run}, one at a time.
 *
 * <p>A running rebuild holds a PostgreSQL session advisory lock named after its run on a connection of its own,
 * taken in the transaction that records the run. PostgreSQL drops the lock the moment that session ends, so a
 * RUNNING run whose lock nobody holds belongs to an instance that died (or lost its database), whatever its
 * heartbeat says; any instance marks it FAILED on start, on the next request to rebuild, and when asked for it.
 */
@Component
class Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final int CHUNK = 500;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String STOPPED = "the instance running it stopped";
    private static final Duration LIVE_CATCH_UP = Duration.ofMinutes(2);
    /** The first key of the runs' advisory locks ("YKRB"); the second is the run id. */
    private static final int LOCK_SPACE = 0x594B5242;
    private static final String ABANDONED = "UPDATE query.rebuild_run SET state = 'FAILED', finished_at = now(), "
            + "result = ?::jsonb WHERE state = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM pg_locks l "
            + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND l.classid::bigint = " + LOCK_SPACE + " AND l.objid::bigint = run_id)";

    /** The outcome of a finished run. */
    record Result(boolean equal, long replayedEvents, long headIndex, long durationMillis, List<TableComparison> tables) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final EventStorageEngine storageEngine;
    private final TransactionManager transactionManager;
    private final ProjectionChecksums checksums;
    private final ProcessorPositions positions;
    private final ObjectMapper json;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    Rebuild(JdbcTemplate jdbc, DataSource dataSource, EventStorageEngine storageEngine,
            TransactionManager transactionManager, ProjectionChecksums checksums, ProcessorPositions positions,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.storageEngine = storageEngine;
        this.transactionManager = transactionManager;
        this.checksums = checksums;
        this.positions = positions;
        this.json = json;
    }

    /** Starts a run and returns its id; {@link RebuildAlreadyRunning} when one is under way on any instance. */
    long start(String requestedBy) {
        long head = positions.head();
        Long total = jdbc.queryForObject("SELECT count(*) FROM public.domain_event_entry WHERE global_index <= ?",
                Long.class, head);
        Connection lock = null;
        long runId;
        try {
            lock = dataSource.getConnection();
            lock.setAutoCommit(false);
            try (PreparedStatement abandoned = lock.prepareStatement(ABANDONED)) {
                abandoned.setString(1, failureJson(new IllegalStateException(STOPPED)));
                abandoned.executeUpdate();
            }
            try (PreparedStatement insert = lock.prepareStatement("INSERT INTO query.rebuild_run (requested_by, "
                    + "started_at, state, head_index, total_events) VALUES (?, now(), 'RUNNING', ?, ?) RETURNING run_id")) {
                insert.setString(1, requestedBy);
                insert.setLong(2, head);
                insert.setLong(3, total);
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
        } catch (SQLException failed) {
            close(lock);
            if (UNIQUE_VIOLATION.equals(failed.getSQLState())) {
                throw new RebuildAlreadyRunning();
            }
            throw new IllegalStateException("could not start a rebuild", failed);
        }
        Connection held = lock;
        runner.submit(() -> {
            try {
                run(runId, head);
            } finally {
                unlock(held, runId);
            }
        });
        return runId;
    }

    /** Marks FAILED every RUNNING run whose instance is gone; returns how many there were. */
    int markAbandoned() {
        int abandoned = jdbc.update(ABANDONED, failureJson(new IllegalStateException(STOPPED)));
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

    private static void unlock(Connection lock, long runId) {
        try (PreparedStatement unlocked = lock.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlocked.setInt(1, LOCK_SPACE);
            unlocked.setInt(2, Math.toIntExact(runId));
            unlocked.execute();
        } catch (SQLException lost) {
            LOG.debug("rebuild {}: lock already gone with its connection ({})", runId, lost.getMessage());
        } finally {
            close(lock);
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

    private void run(long runId, long head) {
        Instant started = Instant.now();
        try {
            checksums.clear(ProjectionSchema.REBUILD);
            ProjectionRows rows = new ProjectionRows(jdbc, ProjectionSchema.REBUILD);
            List<AnnotationEventHandlerAdapter> projections = List.of(
                    new AnnotationEventHandlerAdapter(new ProjectProjection(rows)),
                    new AnnotationEventHandlerAdapter(new PlanProjection(rows)),
                    new AnnotationEventHandlerAdapter(new ReportProjection(rows)));
            long replayed = 0;
            try (Stream<? extends TrackedEventMessage<?>> log = storageEngine.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> events = log.iterator();
                List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
                boolean more = true;
                while (more) {
                    chunk.clear();
                    while (chunk.size() < CHUNK && (more = events.hasNext())) {
                        TrackedEventMessage<?> event = events.next();
                        if (ProjectionRows.position(event) > head) {
                            more = false;
                            break;
                        }
                        chunk.add(event);
                    }
                    if (!chunk.isEmpty()) {
                        apply(chunk, projections);
                        replayed += chunk.size();
                        jdbc.update("UPDATE query.rebuild_run SET replayed_events = ?, heartbeat_at = now() WHERE run_id = ?",
                                replayed, runId);
                    }
                }
            }
            awaitLiveViews(runId, head);
            List<TableComparison> tables = checksums.compare(head);
            boolean equal = tables.stream().allMatch(TableComparison::equal);
            Result result = new Result(equal, replayed, head, Duration.between(started, Instant.now()).toMillis(), tables);
            jdbc.update("UPDATE query.rebuild_run SET state = 'SUCCEEDED', finished_at = now(), result = ?::jsonb "
                    + "WHERE run_id = ? AND state = 'RUNNING'", json.writeValueAsString(result), runId);
            LOG.info("rebuild {} replayed {} events in {} ms; views {}", runId, replayed, result.durationMillis(),
                    equal ? "equal" : "DIFFER");
        } catch (Exception | Error failure) {
            LOG.error("rebuild {} failed", runId, failure);
            try {
                jdbc.update("UPDATE query.rebuild_run SET state = 'FAILED', finished_at = now(), result = ?::jsonb "
                        + "WHERE run_id = ? AND state = 'RUNNING'", failureJson(failure), runId);
            } catch (RuntimeException unavailable) {
                // the database itself is gone; once the lock's session has ended too, any instance marks it FAILED
                LOG.error("rebuild {} could not be marked FAILED", runId, unavailable);
            }
        }
    }

    private void apply(List<TrackedEventMessage<?>> chunk, List<AnnotationEventHandlerAdapter> projections)
            throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(chunk));
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException("replay failed", unitOfWork.getExecutionResult().getExceptionResult());
        }
    }

    /** The comparison is fair only once the live processors have applied everything the replay did. */
    private void awaitLiveViews(long runId, long head) {
        Instant deadline = Instant.now().plus(LIVE_CATCH_UP);
        while (liveRowsMissing(head) > 0) {
            jdbc.update("UPDATE query.rebuild_run SET heartbeat_at = now() WHERE run_id = ?", runId);
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live views did not reach event " + head + " within " + LIVE_CATCH_UP);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private long liveRowsMissing(long head) {
        Long missing = jdbc.queryForObject("SELECT count(*) FROM public.domain_event_entry d WHERE d.global_index <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM query.event_origin o WHERE o.aggregate_id = d.aggregate_identifier "
                + "AND o.sequence_number = d.sequence_number)", Long.class, head);
        return missing == null ? 0 : missing;
    }

    private String failureJson(Throwable failure) {
        try {
            return json.writeValueAsString(java.util.Map.of("error", String.valueOf(failure.getMessage())));
        } catch (JsonProcessingException impossible) {
            return "{}";
        }
    }
}
