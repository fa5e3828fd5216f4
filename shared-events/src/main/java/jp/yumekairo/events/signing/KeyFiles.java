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
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ed25519 keys in PEM files: the private key as PKCS#8 ({@code name.pem}, readable by its owner only) and its
 * public key beside it as X.509 SubjectPublicKeyInfo ({@code name.pub.pem}), which is what gets published.
 */
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
            var privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyFile, "PRIVATE KEY")));
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
        Path directory = privateKeyFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            try (FileChannel lock = FileChannel.open(directory.resolve(".signing-key.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (!Files.exists(privateKeyFile)) {
                    create(privateKeyFile);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the signing key " + privateKeyFile + ": " + e.getMessage(), e);
        }
        return load(privateKeyFile);
    }

    public static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return privateKeyFile.resolveSibling(base + ".pub.pem");
    }

    public static PublicKey readPublicKey(Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
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

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static void create(Path privateKeyFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path publicKeyFile = publicKeyFile(privateKeyFile);
        Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path aside = Files.createTempFile(privateKeyFile.toAbsolutePath().getParent(), ".signing", ".tmp");
        restrict(aside);
        Files.writeString(aside, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        // the private key appears last and whole: whoever sees it finds its public key beside it
        Files.move(aside, privateKeyFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's own directory already keeps it private
        }
    }

    private static byte[] der(Path file, String label) {
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
