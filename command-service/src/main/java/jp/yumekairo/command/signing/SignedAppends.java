package jp.yumekairo.command.signing;

import jp.yumekairo.events.signing.Signer;
import jp.yumekairo.events.signing.SignedContent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * The INSERT of the events a unit of work appends, each with its Ed25519 signature over exactly the bytes that
 * are stored ({@link SignedContent}) and the id of the key that made it. Each event is signed on its own, so
 * concurrent writers stay independent; the order of the log is the hash chain's business, not the writer's.
 */
final class SignedAppends implements AppendEventsStatementBuilder {

    private final Signer signer;

    SignedAppends(Signer signer) {
        this.signer = signer;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("events are stored as bytea; signing needs their bytes, not " + dataType);
        }
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ", signature, signing_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            // the column holds the timestamp as this text (three fraction digits, UTC): signed as stored
            String timestamp = formatInstant(event.getTimestamp());
            byte[] signature = signer.sign(SignedContent.of(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData()));
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, metaData.getData());
            insert.setBytes(10, signature);
            insert.setString(11, signer.keyId());
            insert.addBatch();
        }
        return insert;
    }
}
