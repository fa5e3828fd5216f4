package jp.yumekairo.events.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;

/** An Ed25519 key pair held in memory: signs, and is known by the key id of its public half. */
public final class SigningKey implements Signer {

    private final PrivateKey privateKey;
    private final PublicKeys.Entry publicKey;

    public SigningKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
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
        try {
            Signature ed25519 = Signature.getInstance(KeyFiles.ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(content);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
