package jp.yumekairo.command.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.ser.Serializers;
import jp.yumekairo.events.EventJson;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * Snapshots for cold loads: after every {@code yumekairo.aggregates.snapshot-after-events} events an aggregate
 * handled, Axon's snapshotter stores its state in {@code snapshot_event_entry} (replacing the older one; on a thread
 * of its own, which the write does not wait for: {@link #aggregateSnapshotter}), and an
 * aggregate that is not in the cache ({@link AggregateCaching}) loads from the newest snapshot and the events after
 * it instead of from its whole stream. The aggregates name {@link #AGGREGATE_SNAPSHOT_TRIGGER} in their
 * {@code @Aggregate}; each carries a {@code @Revision}, and Axon's snapshot filter (a {@code RevisionSnapshotFilter}
 * per aggregate, given to the storage engine in {@code signing.EventSigning}) skips a snapshot of any other revision,
 * so the aggregate replays its events instead of misreading a state of another shape.
 * <p>
 * Snapshots are not part of the signed log: nothing verifies them and nothing but the command service reads them.
 * They are a cache the service may drop at any time ({@code DELETE FROM snapshot_event_entry} costs one slower load
 * per aggregate); the events stay the record.
 */
@Configuration(proxyBeanMethods = false)
class AggregateSnapshots {

    static final String AGGREGATE_SNAPSHOT_TRIGGER = "aggregateSnapshotTrigger";
    private static final Logger LOG = LoggerFactory.getLogger(AggregateSnapshots.class);

    /**
     * Axon's snapshotter as its auto-configuration makes it, except that snapshots are taken on a thread of their
     * own once the unit of work that asked for one has committed: the write does not wait for it, and it never runs
     * in the write's transaction (under an Idempotency-Key, or in an import, that transaction is still open when
     * Axon asks) but in one of its own, reading what the log has committed. One at a time; beyond 1,000 waiting,
     * more are dropped (an aggregate whose snapshot was dropped asks again after its next events).
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    @Qualifier("snapshotExecutor") Executor snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean
    @Qualifier("snapshotExecutor")
    ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("aggregate-snapshot-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1000);
        executor.setRejectedExecutionHandler((task, pool) -> LOG.debug("a snapshot was dropped: too many wait"));
        // a snapshot not taken at shutdown is only one slower load later
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean(AGGREGATE_SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${yumekairo.aggregates.snapshot-after-events}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }

    /**
     * The snapshots' JSON: the one form of the events ({@link EventJson}), with two differences an aggregate's state
     * needs. Maps keyed by records (a KPI and fiscal year, a fiscal year) write each key as the record's own JSON
     * text and read it back with the record's own creator ({@link RecordKeys}); and their entries are not sorted,
     * since such keys have no order (nothing signs or compares a snapshot's bytes). The aggregates let their private
     * fields be serialised ({@code @JsonAutoDetect}).
     */
    @Bean
    @Qualifier("snapshotSerializer")
    Serializer snapshotSerializer() {
        ObjectMapper mapper = EventJson.copy().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        mapper.registerModule(new RecordKeys(EventJson.copy()));
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Map keys that are records, written as the record's JSON text (a JSON object's keys are strings). */
    static final class RecordKeys extends Module {

        private final ObjectMapper keys;

        RecordKeys(ObjectMapper keys) {
            this.keys = keys;
        }

        @Override
        public String getModuleName() {
            return "record-map-keys";
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }

        @Override
        public void setupModule(SetupContext context) {
            context.addKeySerializers(new Serializers.Base() {
                @Override
                public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                                                        BeanDescription description) {
                    return type.isRecordType() ? new KeySerializer() : null;
                }
            });
            context.addKeyDeserializers(new KeyDeserializers() {
                @Override
                public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                                                           BeanDescription description) {
                    return type.isRecordType() ? new KeyDeserializer() {
                        @Override
                        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                            return keys.readValue(key, type);
                        }
                    } : null;
                }
            });
        }

        private final class KeySerializer extends JsonSerializer<Object> {
            @Override
            public void serialize(Object key, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeFieldName(keys.writeValueAsString(key));
            }
        }
    }
}
