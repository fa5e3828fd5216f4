package jp.yumekairo.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the processors' segments among the query-service instances alive. Axon lets the first instance claim
 * every segment; each instance therefore heartbeats in {@code query.processor_instance} and releases what it
 * holds beyond its fair share (segments ÷ live instances, rounded up), which another instance then claims.
 * When an instance dies its claims time out and the others take its segments over.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final long INTERVAL_SECONDS = 2;
    private static final long ALIVE_SECONDS = 10;
    private static final long RELEASE_SECONDS = 15;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final String nodeId = UUID.randomUUID().toString();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceSafely, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            jdbc.update("DELETE FROM query.processor_instance WHERE node_id = ?", nodeId);
        } catch (RuntimeException gone) {
            LOG.debug("could not sign off: {}", gone.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void balanceSafely() {
        try {
            balance();
        } catch (RuntimeException failed) {
            LOG.warn("segment balancing skipped: {}", failed.getMessage());
        }
    }

    private void balance() {
        jdbc.update("INSERT INTO query.processor_instance (node_id, last_seen) VALUES (?, now()) "
                + "ON CONFLICT (node_id) DO UPDATE SET last_seen = now()", nodeId);
        jdbc.update("DELETE FROM query.processor_instance WHERE last_seen < now() - make_interval(secs => ?)",
                ALIVE_SECONDS * 6);
        Long alive = jdbc.queryForObject("SELECT count(*) FROM query.processor_instance "
                + "WHERE last_seen >= now() - make_interval(secs => ?)", Long.class, ALIVE_SECONDS);
        if (alive == null || alive < 2) {
            return;
        }
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            Long segments = jdbc.queryForObject("SELECT count(*) FROM query.token_entry WHERE processor_name = ?",
                    Long.class, processor.getName());
            long fairShare = (segments + alive - 1) / alive;
            List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
            for (int i = 0; i < held.size() - fairShare; i++) {
                LOG.info("{} holds {} of {} segments with {} instances alive: releasing segment {}",
                        processor.getName(), held.size(), segments, alive, held.get(i));
                processor.releaseSegment(held.get(i), RELEASE_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
