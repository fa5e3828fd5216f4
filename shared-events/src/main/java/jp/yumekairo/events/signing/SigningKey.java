package jp.yumekairo.events.signing;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

import java.io.IOException;
import java.security.KeyPair;

/**
 * An Ed25519 key pair held in memory: signs (with Bouncy Castle's Ed25519, the same RFC 8032 signatures as the
 * JDK's at a fraction of its cost), and is known by the key id of its public half.
 */
public final class SigningKey implements Signer {

    private final Ed25519PrivateKeyParameters privateKey;
    private final PublicKeys.Entry publicKey;

    public SigningKey(KeyPair pair) {
        try {
            this.privateKey = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(pair.getPrivate().getEncoded());
        } catch (IOException | ClassCastException notEd25519) {
            throw new IllegalArgumentException("not an Ed25519 private key", notEd25519);
        }
        this.publicKey = PublicKeys.Entry.of(pair.getPublic());
        byte[] probe = "does the pair belong together".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!publicKey.verifies(probe, sign(probe))) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
    }

    @Override
    public String keyId() {
        return publicKey.keyId();
    }

    public PublicKeys.Entry publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] content) {
        Ed25519Signer ed25519 = new Ed25519Signer();
        ed25519.init(true, privateKey);
        ed25519.update(content, 0, content.length);
        return ed25519.generateSignature();
    }
}
