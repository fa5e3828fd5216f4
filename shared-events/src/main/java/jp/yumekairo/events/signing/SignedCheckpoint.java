package jp.yumekairo.events.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A checkpoint as the query service signs and publishes it, after Certificate Transparency's signed tree heads
 * (RFC 9162): the position of an event in the log, the hash chain's link there, when it was signed, and the
 * Ed25519 signature over those three by the checkpoint key. Whoever keeps a copy can later show that the log no
 * longer extends it, whatever the database says then.
 */
public record SignedCheckpoint(long position, String hash, String signedAt, String keyId, String signature) {

    private static final byte[] LABEL = "yumekairo checkpoint v1\0".getBytes(StandardCharsets.UTF_8);

    /** The bytes the signature covers. */
    public static byte[] content(long position, byte[] link, String signedAt) {
        byte[] time = signedAt.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(LABEL.length + 8 + 4 + link.length + 4 + time.length).put(LABEL).putLong(position)
                .putInt(link.length).put(link).putInt(time.length).put(time).array();
    }

    public static SignedCheckpoint sign(long position, byte[] link, String signedAt, Signer signer) {
        return new SignedCheckpoint(position, HexFormat.of().formatHex(link), signedAt, signer.keyId(),
                Base64.getEncoder().encodeToString(signer.sign(content(position, link, signedAt))));
    }

    public byte[] link() {
        return HexFormat.of().parseHex(hash);
    }

    public byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }

    /** Whether one of {@code published} signed exactly this position, hash and time. */
    public boolean signedBy(PublicKeys published) {
        try {
            return published.verifies(content(position, link(), signedAt), keyId, signatureBytes());
        } catch (IllegalArgumentException notHexOrBase64) {
            return false;
        }
    }
}
