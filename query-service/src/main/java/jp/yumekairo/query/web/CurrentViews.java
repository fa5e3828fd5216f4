package jp.yumekairo.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.query.config.ViewChanges;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The views as they stand now, each assembled once and kept (with its JSON) until the projections apply another
 * event. Every projection batch that commits into the live views notifies PostgreSQL's {@code yumekairo_views}
 * channel; whichever instance applied it, every instance hears it ({@link #changed()}) and drops what it kept.
 * While this instance is not listening (at start, or while its listening connection is lost) nothing is kept
 * and every read assembles its view, as reads "as of" a past instant always do.
 *
 * <p>A view is kept under the generation read before it was assembled, and only while no change has been heard
 * since: what it shows is never older than the last change heard. A change committed but not yet heard (a
 * notification takes about a millisecond) may be missing, as it would be from a view read a moment earlier;
 * read-your-writes still holds, because a read that names a {@code minVersion} never takes a kept view of an
 * older version ({@link #get(Object, long, Supplier, VersionOf)}).
 */
@Component
public class CurrentViews implements ViewChanges {

    /** Past this many views in one generation (projects nationwide, say), further views are not kept. */
    static final int MAX_VIEWS = 10_000;

    /** A kept view and, once a response asked for it, its JSON. */
    public record Kept<T>(T view, byte[] json) {
    }

    /** The version (events applied) of the aggregate a view shows, for read-your-writes. */
    @FunctionalInterface
    public interface VersionOf<T> {
        long of(T view);
    }

    private record Generation(long number, ConcurrentMap<Object, Kept<?>> views) {
    }

    private final ObjectMapper json;
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition change = lock.newCondition();
    private volatile boolean listening;
    private volatile Generation current = new Generation(-1, new ConcurrentHashMap<>());

    CurrentViews(ObjectMapper json) {
        this.json = json;
    }

    /** The current view under {@code key}, kept or assembled by {@code assemble} (and then kept). */
    public <T> T get(Object key, Supplier<T> assemble) {
        return kept(key, 0, assemble, view -> Long.MAX_VALUE).view();
    }

    /** As {@link #get(Object, Supplier)}, but never a kept view older than {@code minVersion}. */
    public <T> T get(Object key, long minVersion, Supplier<T> assemble, VersionOf<T> version) {
        return kept(key, minVersion, assemble, version).view();
    }

    /**
     * The current view under {@code key} with its JSON, written once per generation (a response's body:
     * {@link KeptJson} writes it as it is).
     */
    public <T> Kept<T> json(Object key, long minVersion, Supplier<T> assemble, VersionOf<T> version) {
        Kept<T> kept = kept(key, minVersion, assemble, version);
        if (kept.json() != null) {
            return kept;
        }
        Kept<T> written = serialised(kept.view());
        current.views().replace(key, kept, written);
        return written;
    }

    /** A view that is not kept (as of a past instant) with its JSON, for the same responses. */
    public <T> Kept<T> serialised(T view) {
        return new Kept<>(view, serialise(view));
    }

    @SuppressWarnings("unchecked")
    private <T> Kept<T> kept(Object key, long minVersion, Supplier<T> assemble, VersionOf<T> version) {
        if (!listening) {
            return new Kept<>(assemble.get(), null);
        }
        long number = generation.get();
        Generation held = current;
        if (held.number() != number) {
            held = new Generation(number, new ConcurrentHashMap<>());
            current = held;
        }
        Kept<T> found = (Kept<T>) held.views().get(key);
        if (found != null && version.of(found.view()) >= minVersion) {
            return found;
        }
        Kept<T> assembled = new Kept<>(assemble.get(), null);
        if (generation.get() == number && held.views().size() < MAX_VIEWS) {
            held.views().put(key, assembled);
        }
        return assembled;
    }

    private byte[] serialise(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a view that cannot be written as JSON", impossible);
        }
    }

    /** The projections applied events (heard on {@code yumekairo_views}): every kept view is out of date. */
    @Override
    public void changed() {
        generation.incrementAndGet();
        lock.lock();
        try {
            change.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether changes are being heard. When listening starts again, whatever happened while it was not is
     * unknown, so it counts as a change.
     */
    @Override
    public void listening(boolean heard) {
        if (heard) {
            changed();
        }
        listening = heard;
        if (!heard) {
            changed();
        }
    }

    /** The generation now: how many changes have been heard. */
    long generation() {
        return generation.get();
    }

    /** Waits at most {@code nanos} for a change after {@code since} ({@link #generation()}). */
    void awaitChange(long since, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (generation.get() == since && left > 0) {
                left = change.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
