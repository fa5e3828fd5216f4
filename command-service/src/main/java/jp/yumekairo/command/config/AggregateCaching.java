package jp.yumekairo.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates a command needs stay in memory between commands (bounded, least recently used out), so a
 * command does not read its aggregate's events again; only what the log has committed is ever cached
 * ({@link CommittedOnlyCache}). Several instances of the service stay correct: an
 * instance whose cached aggregate is behind the log appends at a sequence number another instance already used,
 * the log's unique (aggregate, sequence) key refuses it, Axon drops the entry, and the dispatcher tries the
 * command once more on the aggregate read afresh ({@code web.CommandDispatcher}). The names are those the
 * aggregates' {@code @Aggregate(cache = …)} give.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaching {

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Cache projectCache(CacheManager caches, @Value("${yumekairo.aggregates.cached-projects}") long entries) {
        return cache(caches, "project", entries);
    }

    @Bean
    Cache reportCache(CacheManager caches, @Value("${yumekairo.aggregates.cached-reports}") long entries) {
        return cache(caches, "report", entries);
    }

    @Bean
    Cache planCache(CacheManager caches) {
        return cache(caches, "plan", 16);
    }

    private static Cache cache(CacheManager caches, String name, long entries) {
        // on the heap and by reference: the entry is the aggregate itself, never copied or serialised
        return new CommittedOnlyCache(new EhCache3Adapter((Ehcache<Object, Object>) caches.createCache(name,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(entries)))));
    }
}
