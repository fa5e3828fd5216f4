package jp.yumekairo.query.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The links of the tamper-evident hash chain over the event log (改ざん検知). Link n is SHA-256 over link n−1 and
 * every stored field of event n: global index, event id, aggregate id, sequence number, aggregate type, payload
 * type and revision, timestamp, payload bytes and metadata bytes. Each field is length-prefixed (null as −1), so
 * no byte can move from one field to the next without changing the link. The first event's predecessor is
 * {@link #GENESIS}, 32 zero bytes. Plain Java: the service and the command-line verifier both hash with it.
 */
public final class ChainHash {

    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** The link of {@code event}, following {@code previous}. */
    public static byte[] link(byte[] previous, StoredEvent event) {
        if (previous == null || previous.length != 32) {
            throw new IllegalArgumentException("a link follows a 32-byte link");
        }
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        number(sha256, event.globalIndex());
        text(sha256, event.eventIdentifier());
        text(sha256, event.aggregateIdentifier());
        number(sha256, event.sequenceNumber());
        text(sha256, event.type());
        text(sha256, event.payloadType());
        text(sha256, event.payloadRevision());
        text(sha256, event.timestamp());
        bytes(sha256, event.payload());
        bytes(sha256, event.metaData());
        return sha256.digest();
    }

    /** SHA-256 of some bytes (null hashes like empty): which part of an event changed, for the verifier's reason. */
    public static byte[] digest(byte[] content) {
        return sha256().digest(content == null ? new byte[0] : content);
    }

    public static String hex(byte[] link) {
        return HEX.formatHex(link);
    }

    /** A link from its 64 hexadecimal digits; {@link IllegalArgumentException} for anything else. */
    public static byte[] parse(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a link is 64 hexadecimal digits (SHA-256)");
        }
        return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    }

    private static void number(MessageDigest sha256, long value) {
        sha256.update(ByteBuffer.allocate(8).putLong(value).array());
    }

    private static void text(MessageDigest sha256, String value) {
        bytes(sha256, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha256, byte[] value) {
        sha256.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha256.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
