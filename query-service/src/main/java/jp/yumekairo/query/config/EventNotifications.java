package jp.yumekairo.query.config;

import jp.yumekairo.query.projection.ProjectionRows;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Listens on PostgreSQL's {@code yumekairo_events} channel, which a trigger on the event table notifies on
 * every commit, and wakes the processors' event source; and on {@code yumekairo_views}, which every batch the
 * projections commit into the live views notifies, and tells {@link ViewChanges} (the current views kept) that what
 * it keeps is out of date. It holds one connection of its own, outside the pool; when that connection is lost the processors keep
 * polling ({@code yumekairo.freshness.poll-interval}) and no current view is kept until it is back.
 */
@Component
public class EventNotifications implements SmartLifecycle {

    static final String CHANNEL = "yumekairo_events";
    private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSourceProperties dataSource;
    private final NotifiedEventSource events;
    private final FreshnessProperties freshness;
    private final ViewChanges views;
    private ScheduledExecutorService polling;
    private volatile Thread thread;
    private volatile boolean running;

    EventNotifications(DataSourceProperties dataSource, NotifiedEventSource events, FreshnessProperties freshness,
                       ViewChanges views) {
        this.dataSource = dataSource;
        this.events = events;
        this.freshness = freshness;
        this.views = views;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "event-notifications");
        thread.setDaemon(true);
        thread.start();
        polling = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread poller = new Thread(task, "event-polling");
            poller.setDaemon(true);
            return poller;
        });
        long interval = freshness.pollInterval().toMillis();
        polling.scheduleWithFixedDelay(events::wake, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (polling != null) {
            polling.shutdownNow();
        }
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = WAIT_MILLIS;
        while (running) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + ProjectionRows.VIEWS_CHANNEL);
                }
                backoff = WAIT_MILLIS;
                // Events may have arrived, and views changed, while this connection was down.
                views.listening(true);
                appended();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        heard(received);
                    }
                }
            } catch (SQLException lost) {
                views.listening(false);
                if (!running) {
                    return;
                }
                LOG.warn("not listening for new events ({}); polling until the connection is back", lost.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void heard(PGNotification[] received) {
        boolean appended = false;
        boolean changed = false;
        for (PGNotification notification : received) {
            appended |= CHANNEL.equals(notification.getName());
            changed |= ProjectionRows.VIEWS_CHANNEL.equals(notification.getName());
        }
        if (changed) {
            views.changed();
        }
        if (appended) {
            appended();
        }
    }

    private void appended() {
        events.wake();
    }
}
