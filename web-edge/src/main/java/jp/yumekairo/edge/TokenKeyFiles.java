package jp.yumekairo.edge;

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
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs the bearer tokens (RS256), in PEM files outside the database, laid out like the event
 * signing key: the private key as PKCS#8 ({@code name.pem}, readable by its owner only) and its public key beside it
 * as X.509 SubjectPublicKeyInfo ({@code name.pub.pem}), which is what the query service is given.
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
                    .generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyFile, "PRIVATE KEY")));
            return new TokenKey(readPublicKey(publicKeyFile(privateKeyFile)), privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unreadable) {
            throw new IllegalStateException("the token signing key " + privateKeyFile + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** The key pair of {@code privateKeyFile}, made first if there is none: for the demo only. */
    public static TokenKey loadOrCreate(Path privateKeyFile) {
        Path directory = privateKeyFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            try (FileChannel lock = FileChannel.open(directory.resolve(".token-key.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (!Files.exists(privateKeyFile)) {
                    create(privateKeyFile);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the token signing key " + privateKeyFile + ": "
                    + e.getMessage(), e);
        }
        return load(privateKeyFile);
    }

    public static Path publicKeyFile(Path privateKeyFile) {
        String name = privateKeyFile.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return privateKeyFile.resolveSibling(base + ".pub.pem");
    }

    /** The published public key in {@code file}; a clear {@link IllegalStateException} when missing or unreadable. */
    public static RSAPublicKey readPublicKey(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the token public key " + file + " does not exist");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException unreadable) {
            throw new IllegalStateException("the token public key " + file + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private static void create(Path privateKeyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(publicKeyFile(privateKeyFile), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path aside = Files.createTempFile(privateKeyFile.toAbsolutePath().getParent(), ".token", ".tmp");
        try {
            Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's own directory already keeps it private
        }
        Files.writeString(aside, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        // the private key appears last and whole: whoever sees it finds its public key beside it
        Files.move(aside, privateKeyFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
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
