package jp.yumekairo.query.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The event log as the processors' source, read straight from the storage engine and only when there is
 * something to read: {@link #wake()} (on PostgreSQL's NOTIFY, or the polling fallback) marks every open stream
 * as having news and calls the processor back at once. Axon's embedded store offers no such call-back, so a
 * pooled processor would look for new events only every 500 ms.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storageEngine;
    private final Set<NotifiedStream> streams = ConcurrentHashMap.newKeySet();

    public NotifiedEventSource(EventStorageEngine storageEngine) {
        this.storageEngine = storageEngine;
    }

    /** New events may have been committed: every open stream reads again and tells its processor. */
    public void wake() {
        streams.forEach(NotifiedStream::wake);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        NotifiedStream stream = new NotifiedStream(trackingToken);
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return storageEngine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storageEngine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageEngine.createTokenAt(dateTime);
    }

    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition news = lock.newCondition();
        private volatile boolean unread = true;
        private volatile Runnable callback = () -> {
        };
        private TrackingToken lastToken;
        private Stream<? extends TrackedEventMessage<?>> reading;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;

        NotifiedStream(TrackingToken from) {
            this.lastToken = from;
        }

        void wake() {
            lock.lock();
            try {
                unread = true;
                news.signalAll();
            } finally {
                lock.unlock();
            }
            callback.run();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fetch() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!fetch()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.lock();
                try {
                    if (!unread) {
                        news.awaitNanos(left);
                    }
                } finally {
                    lock.unlock();
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // wait until an event arrives
            }
            TrackedEventMessage<?> taken = next;
            next = null;
            lastToken = taken.trackingToken();
            return taken;
        }

        /** Whether an event is ready; reads the table only when it may hold something not yet read. */
        private synchronized boolean fetch() {
            if (next != null) {
                return true;
            }
            if (events != null && events.hasNext()) {
                next = events.next();
                return true;
            }
            if (!unread) {
                return false;
            }
            unread = false;
            closeReading();
            reading = storageEngine.readEvents(lastToken, false);
            events = reading.iterator();
            if (events.hasNext()) {
                next = events.next();
                return true;
            }
            return false;
        }

        private void closeReading() {
            if (reading != null) {
                reading.close();
                reading = null;
                events = null;
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public synchronized void close() {
            streams.remove(this);
            closeReading();
        }
    }
}
