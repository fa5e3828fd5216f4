package jp.yumekairo.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache that never holds what the log has not committed. Axon puts an aggregate in its cache when its
 * unit of work commits, but that unit of work may sit inside a longer transaction (an import, a dry run that always
 * rolls back, a write under an Idempotency-Key): a cached aggregate ahead of the log would let the next command
 * append after events that never existed. So inside a transaction a put takes the entry out at once and puts it back
 * only after the commit; meanwhile a command reads its aggregate from the log, as without a cache. Behind the log is
 * safe: the log's unique (aggregate, sequence) key refuses the stale append (see {@link AggregateCaching}).
 */
final class CommittedOnlyCache implements Cache {

    private final Cache cache;

    CommittedOnlyCache(Cache cache) {
        this.cache = cache;
    }

    @Override
    public <K, V> V get(K key) {
        return cache.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.put(key, value);
            return;
        }
        cache.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.put(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T cached = get(key);
        if (cached != null) {
            return cached;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V cached = get(key);
        if (cached != null) {
            put(key, update.apply(cached));
        }
    }

    @Override
    public boolean remove(Object key) {
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return cache.registerCacheEntryListener(listener);
    }
}
