package jp.yumekairo.events.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;

/**
 * Key pairs in PEM files, the one layout of every key the ledger keeps outside its database (the events' Ed25519
 * key, the bearer tokens' RSA key): the private key as PKCS#8 ({@code name.pem}, readable by its owner only) and
 * its public key beside it as X.509 SubjectPublicKeyInfo ({@code name.pub.pem}), which is what gets published.
 */
public final class PemFiles {

    /** Makes a new key pair. */
    @FunctionalInterface
    public interface Generator {
        KeyPair generate() throws GeneralSecurityException;
    }

    private PemFiles() {
    }

    /** {@code name.pub.pem} beside {@code name.pem}. */
    public static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return privateKeyFile.resolveSibling(base + ".pub.pem");
    }

    /**
     * Writes a pair from {@code generator} to {@code privateKeyFile} and its public key file, unless the private key
     * is there already: for the demo only. Processes starting at once take turns under a file lock beside the key
     * ({@code lockName}), so they all end up with the one pair the first of them made.
     */
    public static void createIfMissing(Path privateKeyFile, String lockName, Generator generator)
            throws IOException, GeneralSecurityException {
        Path directory = privateKeyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        try (FileChannel lock = FileChannel.open(directory.resolve(lockName), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            if (!Files.exists(privateKeyFile)) {
                write(privateKeyFile, generator.generate());
            }
        }
    }

    private static void write(Path privateKeyFile, KeyPair pair) throws IOException {
        Files.writeString(publicKeyFile(privateKeyFile), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path aside = Files.createTempFile(privateKeyFile.toAbsolutePath().getParent(), ".key", ".tmp");
        try {
            Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's own directory already keeps it private
        }
        Files.writeString(aside, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        // the private key appears last and whole: whoever sees it finds its public key beside it
        Files.move(aside, privateKeyFile, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A PEM block of {@code der} under {@code label} ({@code PUBLIC KEY}, {@code PRIVATE KEY}). */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the {@code label} block in {@code file}; {@link IllegalArgumentException} when there is none. */
    public static byte[] der(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
