package jp.yumekairo.query.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command service's event table read with Axon's JDBC engine, in the schema and JSON form the edge sets for
 * both services ({@code jp.yumekairo.edge.EventStoreAutoConfiguration}, {@code yumekairo.edge.event-log-schema});
 * processor tokens in the query schema. This service never appends to the log: its role may only read it.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("query.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /** The source of both processors (application.yml names it), woken by {@link EventNotifications}. */
    @Bean
    NotifiedEventSource notifiedEvents(EventStorageEngine storageEngine) {
        return new NotifiedEventSource(storageEngine);
    }
}
