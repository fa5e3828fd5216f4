package jp.yumekairo.query.audit;

import jp.yumekairo.query.projection.ProcessorPositions;
import jp.yumekairo.query.projection.ProjectionChecksums.TableComparison;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The auditor's rebuild: replays the whole log into the rebuild schema with the very projection code the live
 * processors run ({@link Replay}), while the live views keep serving; then compares both copies table by table
 * ({@link ViewComparison}). Each run is recorded, and holds its lock, in {@link RebuildRuns}.
 */
@Component
class Rebuild {

    /** The outcome of a finished run. */
    record Result(boolean equal, long replayedEvents, long headIndex, long durationMillis, List<TableComparison> tables) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

    private final RebuildRuns runs;
    private final Replay replay;
    private final ViewComparison comparison;
    private final ProcessorPositions positions;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    Rebuild(RebuildRuns runs, Replay replay, ViewComparison comparison, ProcessorPositions positions) {
        this.runs = runs;
        this.replay = replay;
        this.comparison = comparison;
        this.positions = positions;
    }

    /** Starts a run and returns its id; {@link RebuildAlreadyRunning} when one is under way on any instance. */
    @PreAuthorize(AuditLog.AUDITORS)
    public long start(String requestedBy) {
        long head = positions.head();
        RebuildRuns.Run run = runs.open(requestedBy, head, replay.eventsUpTo(head));
        runner.submit(() -> {
            try (run) {
                run(run, head);
            }
        });
        return run.id();
    }

    private void run(RebuildRuns.Run run, long head) {
        Instant started = Instant.now();
        try {
            long replayed = replay.replay(head, events -> runs.progressed(run, events));
            Instant replayedAt = Instant.now();
            List<TableComparison> tables = comparison.compare(head, () -> runs.heartbeat(run));
            boolean equal = tables.stream().allMatch(TableComparison::equal);
            Result result = new Result(equal, replayed, head, Duration.between(started, Instant.now()).toMillis(), tables);
            runs.succeeded(run, result);
            LOG.info("rebuild {} replayed {} events in {} ms, then compared the views in {} ms: {}", run.id(),
                    replayed, Duration.between(started, replayedAt).toMillis(),
                    Duration.between(replayedAt, Instant.now()).toMillis(), equal ? "equal" : "DIFFER");
        } catch (Exception | Error failure) {
            LOG.error("rebuild {} failed", run.id(), failure);
            try {
                runs.failed(run, failure);
            } catch (RuntimeException unavailable) {
                // the database itself is gone; once the lock's session has ended too, any instance marks it FAILED
                LOG.error("rebuild {} could not be marked FAILED", run.id(), unavailable);
            }
        }
    }
}
