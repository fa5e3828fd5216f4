package jp.yumekairo.events.signing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published public keys a verifier trusts, by key id: old keys stay so that events signed before a
 * rotation still verify.
 */
public final class PublicKeys {

    /** One public key and its id: {@code ed25519:} and the first 16 hex digits of SHA-256 over its encoding. */
    public record Entry(String keyId, PublicKey key) {

        public static Entry of(PublicKey key) {
            return new Entry(idOf(key), key);
        }

        public boolean verifies(byte[] content, byte[] signature) {
            if (signature == null) {
                return false;
            }
            try {
                Signature ed25519 = Signature.getInstance(KeyFiles.ALGORITHM);
                ed25519.initVerify(key);
                ed25519.update(content);
                return ed25519.verify(signature);
            } catch (GeneralSecurityException notASignature) {
                return false;
            }
        }

        /** The key as a PEM block, as it is published. */
        public String pem() {
            return PemFiles.pem("PUBLIC KEY", key.getEncoded());
        }
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();

    public PublicKeys(Collection<Entry> entries) {
        entries.forEach(entry -> byId.put(entry.keyId(), entry));
    }

    public static String idOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    public Optional<Entry> find(String keyId) {
        return Optional.ofNullable(keyId == null ? null : byId.get(keyId));
    }

    public List<Entry> all() {
        return List.copyOf(byId.values());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Whether {@code signature} is a valid signature of {@code content} by the key {@code keyId}. */
    public boolean verifies(byte[] content, String keyId, byte[] signature) {
        return find(keyId).map(entry -> entry.verifies(content, signature)).orElse(false);
    }
}
