package jp.yumekairo.query.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for open pages: a {@code changed} event whenever the live views moved on. The positions are
 * read from the token table every 300 ms, not from this JVM's processors, so a page connected to one instance hears
 * of events another instance applied.
 */
@RestController
class LiveUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final JdbcTemplate jdbc;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ui-live-updates");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String positions;

    LiveUpdates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream of {@code changed} events for the page that opened it; the browser reconnects when it ends. */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live() throws IOException {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(failure -> emitters.remove(emitter));
        emitters.add(emitter);
        emitter.send(SseEmitter.event().name("ready").data("ready").reconnectTime(1000));
        return emitter;
    }

    private void poll() {
        try {
            if (emitters.isEmpty()) {
                positions = null;
                return;
            }
            String now = jdbc.queryForObject("SELECT coalesce(string_agg(processor_name || segment || ':' "
                    + "|| md5(coalesce(token, ''::bytea)), ',' ORDER BY processor_name, segment), '') "
                    + "FROM query.token_entry", String.class);
            String before = positions;
            positions = now;
            if (before != null && !Objects.equals(before, now)) {
                for (SseEmitter emitter : emitters) {
                    try {
                        emitter.send(SseEmitter.event().name("changed").data("changed"));
                    } catch (IOException | IllegalStateException gone) {
                        emitters.remove(emitter);
                    }
                }
            }
        } catch (RuntimeException failure) {
            LOG.debug("live-update poll failed", failure);
        }
    }

    /**
     * Ends every open stream as soon as the service begins to stop, before the web server's graceful shutdown
     * waits for the requests in flight: an open stream would hold it up to its timeout, and a stream completed
     * after the server stopped fails. The browser reconnects to whichever instance answers.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        poller.shutdownNow();
        for (SseEmitter emitter : emitters) {
            emitters.remove(emitter);
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // that stream has ended by itself
            }
        }
    }
}
