package jp.yumekairo.events.signing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes an event's signature covers: every field of the stored event except its global index (which
 * PostgreSQL assigns at commit) — event id, aggregate id, sequence number, aggregate type, timestamp as stored,
 * payload type and revision, payload and metadata bytes. Each field is length-prefixed (null as −1) after a
 * fixed label, so no byte can move from one field to another and the bytes mean nothing else.
 */
public final class SignedContent {

    private static final byte[] LABEL = "yumekairo event signature v1\0".getBytes(StandardCharsets.UTF_8);

    private SignedContent() {
    }

    public static byte[] of(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                            String timestamp, String payloadType, String payloadRevision, byte[] payload,
                            byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
        out.writeBytes(LABEL);
        text(out, eventIdentifier);
        text(out, aggregateIdentifier);
        out.writeBytes(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        text(out, type);
        text(out, timestamp);
        text(out, payloadType);
        text(out, payloadRevision);
        bytes(out, payload);
        bytes(out, metaData);
        return out.toByteArray();
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
