package jp.yumekairo.events.signing;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
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

    /**
     * One public key and its id: {@code ed25519:} and the first 16 hex digits of SHA-256 over its encoding.
     * Signatures are checked with Bouncy Castle's Ed25519 ({@code verifier}, read once from the key).
     */
    public record Entry(String keyId, PublicKey key, Ed25519PublicKeyParameters verifier) {

        public static Entry of(PublicKey key) {
            try {
                return new Entry(idOf(key), key, (Ed25519PublicKeyParameters) PublicKeyFactory.createKey(key.getEncoded()));
            } catch (IOException | ClassCastException notEd25519) {
                throw new IllegalArgumentException("not an Ed25519 public key", notEd25519);
            }
        }

        public boolean verifies(byte[] content, byte[] signature) {
            if (signature == null) {
                return false;
            }
            Ed25519Signer ed25519 = new Ed25519Signer();
            ed25519.init(false, verifier);
            ed25519.update(content, 0, content.length);
            return ed25519.verifySignature(signature);
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
