package jp.yumekairo.command.config;

import jp.yumekairo.edge.SqlStates;
import jp.yumekairo.events.EventMetadata;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What only the writer of the event log needs beside the schema and JSON form the edge sets for both services
 * ({@code jp.yumekairo.edge.EventStoreAutoConfiguration}): a concurrent append recognised as such, and the
 * metadata every event inherits from its command.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** PostgreSQL reports a duplicate (aggregate, sequence) as SQLState 23505, not as Axon's default expects. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return SqlStates::isUniqueViolation;
    }

    /** Who, for which member, why and in which request: copied from each command onto its events. */
    @Bean
    CorrelationDataProvider commandMetaDataProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.KEYS.toArray(String[]::new));
    }
}
