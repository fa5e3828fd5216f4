package jp.yumekairo.query.audit;

import jp.yumekairo.events.signing.PublicKeys;
import jp.yumekairo.events.signing.SignedContent;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored, bytes and all: what the hash chain covers and what the audit log
 * shows, with the command service's signature over it. Read with {@link #COLUMNS}; shared by the service and
 * the command-line verifier.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, String timestamp, byte[] payload,
                          byte[] metaData, byte[] signature, String signingKeyId) {

    /** The columns {@link #read(ResultSet)} expects, in the command service's schema. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "payload_type, payload_revision, time_stamp, payload, meta_data, signature, signing_key_id";

    /** {@link #COLUMNS} of the table under an alias: {@code e.global_index, e.event_identifier, …}. */
    public static String columns(String alias) {
        return String.join(", ", java.util.Arrays.stream(COLUMNS.split(", ")).map(column -> alias + "." + column)
                .toList());
    }

    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getString("time_stamp"),
                row.getBytes("payload"), row.getBytes("meta_data"), row.getBytes("signature"),
                row.getString("signing_key_id"));
    }

    /** Whether the command service signed exactly these bytes with one of the published keys. */
    public boolean signedBy(PublicKeys published) {
        return published.verifies(SignedContent.of(eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                timestamp, payloadType, payloadRevision, payload, metaData), signingKeyId, signature);
    }

    /** The payload type's simple name, as the audit log's {@code type} filter takes it: {@code ActualRecorded}. */
    public String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
