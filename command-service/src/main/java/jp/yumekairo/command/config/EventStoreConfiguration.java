package jp.yumekairo.command.config;

import jp.yumekairo.command.web.CommandMetaData;
import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.project.ProjectUpcasters;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.sql.SQLException;

/**
 * Axon's JDBC storage engine on the Flyway-owned tables (snake_case columns, bytea payloads), every message
 * as JSON in the one form {@link EventJson} defines, and the metadata every event inherits from its command.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return EventJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Older revisions of the project events read as the current one (Axon registers every upcaster bean). */
    @Bean
    EventUpcaster projectEventUpcasters() {
        return new EventUpcasterChain(ProjectUpcasters.all());
    }

    /** PostgreSQL reports a duplicate (aggregate, sequence) as SQLState 23505, not as Axon's default expects. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Who, for which member, why and in which request: copied from each command onto its events. */
    @Bean
    CorrelationDataProvider commandMetaDataProvider() {
        return new SimpleCorrelationDataProvider(CommandMetaData.KEYS);
    }
}
