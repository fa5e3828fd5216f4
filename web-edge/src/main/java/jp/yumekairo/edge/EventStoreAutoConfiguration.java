package jp.yumekairo.edge;

import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.project.ProjectUpcasters;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The event log as both services read it: Axon's JDBC storage engine on the Flyway-owned tables (snake_case
 * columns, bytea payloads), every message as JSON in the one form {@link EventJson} defines, and older revisions
 * of the project events upcast to the current one. Ahead of Axon's auto-configuration, whose defaults it replaces.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@ConditionalOnClass(EventSchema.class)
@EnableConfigurationProperties(EdgeProperties.class)
public class EventStoreAutoConfiguration {

    @Bean
    EventSchema eventSchema(EdgeProperties properties) {
        String schema = properties.eventLogSchema() == null || properties.eventLogSchema().isBlank()
                ? "" : properties.eventLogSchema() + ".";
        return EventSchema.builder()
                .eventTable(schema + "domain_event_entry")
                .snapshotTable(schema + "snapshot_event_entry")
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
}
