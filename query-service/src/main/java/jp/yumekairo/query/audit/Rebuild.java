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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
 */
@Component
class Rebuild {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final int CHUNK = 500;
    private static final Duration LIVE_CATCH_UP = Duration.ofMinutes(2);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    /** The outcome of a finished run. */
    record Result(boolean equal, long replayedEvents, long headIndex, long durationMillis, List<TableComparison> tables) {
    }

    private final JdbcTemplate jdbc;
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

    Rebuild(JdbcTemplate jdbc, EventStorageEngine storageEngine, TransactionManager transactionManager,
            ProjectionChecksums checksums, ProcessorPositions positions, ObjectMapper json) {
        this.jdbc = jdbc;
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
        jdbc.update("UPDATE query.rebuild_run SET state = 'FAILED', finished_at = now(), result = ?::jsonb "
                + "WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)",
                failureJson(new IllegalStateException("the instance running it stopped")), ABANDONED_AFTER.toSeconds());
        long runId;
        try {
            runId = jdbc.queryForObject("INSERT INTO query.rebuild_run (requested_by, started_at, state, head_index, "
                    + "total_events) VALUES (?, now(), 'RUNNING', ?, ?) RETURNING run_id", Long.class,
                    requestedBy, head, total);
        } catch (DuplicateKeyException running) {
            throw new RebuildAlreadyRunning();
        }
        runner.submit(() -> run(runId, head));
        return runId;
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
                    + "WHERE run_id = ?", json.writeValueAsString(result), runId);
            LOG.info("rebuild {} replayed {} events in {} ms; views {}", runId, replayed, result.durationMillis(),
                    equal ? "equal" : "DIFFER");
        } catch (Exception | Error failure) {
            LOG.error("rebuild {} failed", runId, failure);
            jdbc.update("UPDATE query.rebuild_run SET state = 'FAILED', finished_at = now(), result = ?::jsonb "
                    + "WHERE run_id = ?", failureJson(failure), runId);
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
