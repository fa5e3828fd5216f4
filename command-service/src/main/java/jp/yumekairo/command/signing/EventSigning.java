package jp.yumekairo.command.signing;

import jp.yumekairo.events.signing.Signer;
import jp.yumekairo.events.signing.KeyFiles;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing key, read at start, and Axon's JDBC storage engine set up as its auto-configuration would be,
 * except that every event is appended with its signature ({@link SignedAppends}) and snapshots are written in their
 * own JSON form ({@code config.AggregateSnapshots}). Snapshots are not signed: they are not part of the record, only
 * a shortcut to an aggregate's state, skipped by the snapshot filter when their revision is not the aggregate's.
 */
@Configuration(proxyBeanMethods = false)
class EventSigning {

    private static final Logger LOG = LoggerFactory.getLogger(EventSigning.class);
    /** Axon's default: the events of an aggregate read in one query. */
    private static final int AGGREGATE_BATCH = 100;

    @Bean
    Signer eventSigner(SigningProperties properties) {
        if (properties.eventKey() == null) {
            throw new IllegalStateException("yumekairo.signing.event-key (EVENT_SIGNING_KEY) names no key file: "
                    + "the command service signs every event it appends and does not start without its key");
        }
        Signer signer = properties.createMissingKey()
                ? KeyFiles.loadOrCreate(properties.eventKey())
                : KeyFiles.load(properties.eventKey());
        LOG.info("events are signed with key {} ({}; public key {})", signer.keyId(), properties.eventKey(),
                KeyFiles.publicKeyFile(properties.eventKey()));
        return signer;
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("snapshotSerializer") Serializer snapshotSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, Signer signer) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                // An aggregate's stream has no gaps (Axon appends at consecutive sequence numbers, and V1's triggers
                // refuse every DELETE), so a batch of fewer events than asked for is its last. Axon's JDBC default
                // queries once more until a batch comes back empty, which only a log with gaps needs: one SELECT
                // fewer for every aggregate loaded and every snapshot taken.
                .batchSize(AGGREGATE_BATCH)
                .finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(new SignedAppends(signer))
                .build();
    }
}
