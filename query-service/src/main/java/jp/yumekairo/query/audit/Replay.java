package jp.yumekairo.query.audit;

import com.zaxxer.hikari.HikariDataSource;
import jp.yumekairo.query.projection.ProjectionChecksums;
import jp.yumekairo.query.projection.ProjectionRows;
import jp.yumekairo.query.projection.ProjectionSchema;
import jp.yumekairo.query.projection.RebuildableProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays the log, up to a point, into the rebuild schema through a copy of every feature's projection, in
 * segments at once, one per core.
 *
 * <p>One reader takes the log in global order with Axon's JDBC engine, as a live processor does (in batches of
 * {@value #READ_BATCH} events), and gives each event to the segment of its aggregate (its id's hash, as Axon's
 * sequential-per-aggregate policy splits a live processor's segments). So every aggregate's events are applied by
 * one worker, in their order: what the projections need, since a table's unique keys (a project's id, a KPI's id
 * within its project, a comment's id within its report) keep an aggregate's first row and drop a later one, as
 * live. Every {@value #CHUNK} events it has read, the reader hands each segment its share of them as a chunk,
 * which the segment's worker applies in one transaction, as a live processor applies a batch, before it reports
 * the progress. The workers write on connections of the rebuild's own, on which pgjdbc sends each table's JDBC
 * batch as multi-row inserts ({@code reWriteBatchedInserts}).
 */
@Component
class Replay implements DisposableBean {

    /** Events the reader reads before it hands each segment its share of them as a chunk. */
    private static final int CHUNK = 500;
    /**
     * Segments replayed at once: one per core (at least two), each worker's time split between its own CPU work
     * (the events' JSON, the rows' parameters) and PostgreSQL's (the inserts). On a busy two-core machine four
     * segments cost more CPU per event than two (measured once on 63,000 events: their chunks, and transactions,
     * are smaller).
     */
    private static final int SEGMENTS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /**
     * Events the reader fetches per query: Axon's default of 100 made the reader, one query and transaction per
     * 100 events, the replay's bottleneck.
     */
    private static final int READ_BATCH = 2_000;
    /** Chunks handed to a segment and not yet applied: bounds the memory while its worker is behind the reader. */
    private static final int QUEUED_CHUNKS = 4;
    /** Handed to a segment after its last chunk. */
    private static final List<TrackedEventMessage<?>> END = new ArrayList<>(0);

    private final JdbcTemplate jdbc;
    private final EventStorageEngine storageEngine;
    private final ProjectionChecksums checksums;
    private final List<RebuildableProjection> projections;
    private final HikariDataSource connections;
    private final ProjectionRows rows;
    private final TransactionManager rebuildTransactions;

    Replay(JdbcTemplate jdbc, Serializer serializer, ConnectionProvider connectionProvider,
           TransactionManager transactionManager, EventSchema eventSchema, Configuration axon,
           DataSourceProperties dataSource, ProjectionChecksums checksums, List<RebuildableProjection> projections) {
        this.jdbc = jdbc;
        // built as the live processors' engine is (config.EventStoreConfiguration), reading larger batches
        this.storageEngine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(READ_BATCH)
                .build();
        this.checksums = checksums;
        this.projections = List.copyOf(projections);
        this.connections = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        connections.setPoolName("rebuild");
        connections.setMaximumPoolSize(SEGMENTS);
        connections.setMinimumIdle(0);
        connections.setIdleTimeout(30_000);
        connections.addDataSourceProperty("reWriteBatchedInserts", "true");
        this.rows = new ProjectionRows(new JdbcTemplate(connections), ProjectionSchema.REBUILD);
        this.rebuildTransactions = new SpringTransactionManager(new DataSourceTransactionManager(connections));
    }

    /** How many events of the log a replay up to {@code headIndex} reads. */
    long eventsUpTo(long headIndex) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM public.domain_event_entry WHERE global_index <= ?",
                Long.class, headIndex);
        return total == null ? 0 : total;
    }

    /**
     * Empties the rebuild schema and replays every event up to {@code headIndex} into it, telling {@code progress}
     * how many events it has applied after each chunk; returns that number once every segment has applied its last.
     */
    long replay(long headIndex, LongConsumer progress) throws Exception {
        checksums.clear(ProjectionSchema.REBUILD);
        List<AnnotationEventHandlerAdapter> copies = projections.stream()
                .map(projection -> new AnnotationEventHandlerAdapter(projection.writingTo(rows))).toList();
        AtomicLong applied = new AtomicLong();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(SEGMENTS, task -> {
            Thread thread = new Thread(task, "projection-rebuild-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Segment> segments = new ArrayList<>();
            Runnable applying = () -> {
                synchronized (progress) { // one report at a time, so that the number never goes back
                    progress.accept(applied.get());
                }
            };
            for (int i = 0; i < SEGMENTS; i++) {
                Segment segment = new Segment(copies, applied, applying);
                segment.work = workers.submit(segment);
                segments.add(segment);
            }
            long read = 0;
            try (Stream<? extends TrackedEventMessage<?>> log = storageEngine.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> events = log.iterator();
                while (events.hasNext()) {
                    TrackedEventMessage<?> event = events.next();
                    if (ProjectionRows.position(event) > headIndex) {
                        break;
                    }
                    String aggregateId = ((DomainEventMessage<?>) event).getAggregateIdentifier();
                    segments.get(Math.floorMod(aggregateId.hashCode(), SEGMENTS)).add(event);
                    if (++read % CHUNK == 0) {
                        for (Segment segment : segments) {
                            segment.handPending();
                        }
                    }
                }
            }
            for (Segment segment : segments) {
                segment.finish();
            }
            for (Segment segment : segments) {
                segment.await();
            }
            return applied.get();
        } finally {
            workers.shutdownNow();
        }
    }

    @Override
    public void destroy() {
        connections.close();
    }

    /** One segment of the log: the reader adds its events, its worker applies them chunk by chunk. */
    private final class Segment implements Callable<Void> {

        private final BlockingQueue<List<TrackedEventMessage<?>>> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final List<AnnotationEventHandlerAdapter> copies;
        private final AtomicLong applied;
        private final Runnable progress;
        private List<TrackedEventMessage<?>> pending = new ArrayList<>();
        private Future<Void> work;

        Segment(List<AnnotationEventHandlerAdapter> copies, AtomicLong applied, Runnable progress) {
            this.copies = copies;
            this.applied = applied;
            this.progress = progress;
        }

        /** On the reader's thread. */
        void add(TrackedEventMessage<?> event) {
            pending.add(event);
        }

        /** On the reader's thread: the events added since the last chunk, as the next chunk. */
        void handPending() throws Exception {
            if (!pending.isEmpty()) {
                hand(pending);
                pending = new ArrayList<>();
            }
        }

        /** On the reader's thread, after the last event up to the head. */
        void finish() throws Exception {
            handPending();
            hand(END);
        }

        /** Waits for the worker to apply the last chunk; its failure, if it failed. */
        void await() throws Exception {
            try {
                work.get();
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }

        private void hand(List<TrackedEventMessage<?>> chunk) throws Exception {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (work.isDone()) {
                    await();
                    throw new IllegalStateException("a replaying worker stopped");
                }
            }
        }

        @Override
        public Void call() throws Exception {
            for (List<TrackedEventMessage<?>> chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                apply(chunk, copies);
                applied.addAndGet(chunk.size());
                progress.run();
            }
            return null;
        }
    }

    private void apply(List<TrackedEventMessage<?>> chunk, List<AnnotationEventHandlerAdapter> copies)
            throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(chunk));
        unitOfWork.attachTransaction(rebuildTransactions);
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
