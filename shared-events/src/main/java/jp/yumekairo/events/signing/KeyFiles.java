package jp.yumekairo.events.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The events' Ed25519 keys, in the ledger's PEM layout ({@link PemFiles}). */
public final class KeyFiles {

    static final String ALGORITHM = "Ed25519";

    private KeyFiles() {
    }

    /** The key pair of {@code privateKeyFile}; a clear {@link IllegalStateException} when it is missing or unreadable. */
    public static SigningKey load(Path privateKeyFile) {
        if (!Files.isRegularFile(privateKeyFile)) {
            throw new IllegalStateException("the signing key " + privateKeyFile + " does not exist");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            var privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(PemFiles.der(privateKeyFile, "PRIVATE KEY")));
            PublicKey publicKey = readPublicKey(publicKeyFile(privateKeyFile));
            return new SigningKey(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("the signing key " + privateKeyFile + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * The key pair of {@code privateKeyFile}, made first if there is none: for the demo only. Processes starting
     * at once take turns under a file lock, so they all end up with the one pair the first of them made.
     */
    public static SigningKey loadOrCreate(Path privateKeyFile) {
        try {
            PemFiles.createIfMissing(privateKeyFile, ".signing-key.lock",
                    () -> KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the signing key " + privateKeyFile + ": " + e.getMessage(), e);
        }
        return load(privateKeyFile);
    }

    public static Path publicKeyFile(Path privateKeyFile) {
        return PemFiles.publicKeyFile(privateKeyFile);
    }

    public static PublicKey readPublicKey(Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(PemFiles.der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("the public key " + file + " cannot be read: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    /** The public keys in the given files and in the {@code *.pub.pem} files of the given directories. */
    public static PublicKeys readPublicKeys(List<Path> filesOrDirectories) {
        List<PublicKeys.Entry> entries = new ArrayList<>();
        for (Path path : filesOrDirectories) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".pub.pem")).sorted()
                            .forEach(file -> entries.add(PublicKeys.Entry.of(readPublicKey(file))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                entries.add(PublicKeys.Entry.of(readPublicKey(path)));
            }
        }
        return new PublicKeys(entries);
    }
}
