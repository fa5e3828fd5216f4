package jp.yumekairo.edge;

import jp.yumekairo.events.signing.PemFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The RSA key pair that signs the bearer tokens (RS256), in PEM files outside the database, laid out like the event
 * signing key ({@link PemFiles}); the public key file is what the query service is given.
 */
public final class TokenKeyFiles {

    /** The command service's token key pair. */
    public record TokenKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    }

    private TokenKeyFiles() {
    }

    /** The key pair of {@code privateKeyFile}; a clear {@link IllegalStateException} when it is missing or unreadable. */
    public static TokenKey load(Path privateKeyFile) {
        if (!Files.isRegularFile(privateKeyFile)) {
            throw new IllegalStateException("the token signing key " + privateKeyFile + " does not exist");
        }
        try {
            var privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(PemFiles.der(privateKeyFile, "PRIVATE KEY")));
            return new TokenKey(readPublicKey(publicKeyFile(privateKeyFile)), privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unreadable) {
            throw new IllegalStateException("the token signing key " + privateKeyFile + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** The key pair of {@code privateKeyFile}, made first if there is none: for the demo only. */
    public static TokenKey loadOrCreate(Path privateKeyFile) {
        try {
            PemFiles.createIfMissing(privateKeyFile, ".token-key.lock", () -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            });
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the token signing key " + privateKeyFile + ": "
                    + e.getMessage(), e);
        }
        return load(privateKeyFile);
    }

    public static Path publicKeyFile(Path privateKeyFile) {
        return PemFiles.publicKeyFile(privateKeyFile);
    }

    /** The published public key in {@code file}; a clear {@link IllegalStateException} when missing or unreadable. */
    public static RSAPublicKey readPublicKey(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the token public key " + file + " does not exist");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(PemFiles.der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unreadable) {
            throw new IllegalStateException("the token public key " + file + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }
}
