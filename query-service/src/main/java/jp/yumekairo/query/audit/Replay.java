package jp.yumekairo.query.audit;

import jp.yumekairo.query.projection.ProjectionChecksums;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import jp.yumekairo.query.projection.RebuildableProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays the log, up to a point, into the rebuild schema through a copy of every feature's projection, in chunks
 * of events each applied in one transaction, as a live processor applies a batch.
 */
@Component
class Replay {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final EventStorageEngine storageEngine;
    private final TransactionManager transactionManager;
    private final ProjectionChecksums checksums;
    private final List<RebuildableProjection> projections;

    Replay(JdbcTemplate jdbc, EventStorageEngine storageEngine, TransactionManager transactionManager,
           ProjectionChecksums checksums, List<RebuildableProjection> projections) {
        this.jdbc = jdbc;
        this.storageEngine = storageEngine;
        this.transactionManager = transactionManager;
        this.checksums = checksums;
        this.projections = List.copyOf(projections);
    }

    /** How many events of the log a replay up to {@code headIndex} reads. */
    long eventsUpTo(long headIndex) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM public.domain_event_entry WHERE global_index <= ?",
                Long.class, headIndex);
        return total == null ? 0 : total;
    }

    /**
     * Empties the rebuild schema and replays every event up to {@code headIndex} into it, telling {@code progress}
     * how many events it has applied after each chunk; returns that number.
     */
    long replay(long headIndex, LongConsumer progress) throws Exception {
        checksums.clear(ProjectionSchema.REBUILD);
        ProjectionRows rows = new ProjectionRows(jdbc, ProjectionSchema.REBUILD);
        List<AnnotationEventHandlerAdapter> copies = projections.stream()
                .map(projection -> new AnnotationEventHandlerAdapter(projection.writingTo(rows))).toList();
        long replayed = 0;
        try (Stream<? extends TrackedEventMessage<?>> log = storageEngine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = log.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            boolean more = true;
            while (more) {
                chunk.clear();
                while (chunk.size() < CHUNK && (more = events.hasNext())) {
                    TrackedEventMessage<?> event = events.next();
                    if (ProjectionRows.position(event) > headIndex) {
                        more = false;
                        break;
                    }
                    chunk.add(event);
                }
                if (!chunk.isEmpty()) {
                    apply(chunk, copies);
                    replayed += chunk.size();
                    progress.accept(replayed);
                }
            }
        }
        return replayed;
    }

    private void apply(List<TrackedEventMessage<?>> chunk, List<AnnotationEventHandlerAdapter> copies)
            throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(chunk));
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter copy : copies) {
                if (copy.canHandle(event)) {
                    copy.handle(event);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException("replay failed", unitOfWork.getExecutionResult().getExceptionResult());
        }
    }
}
