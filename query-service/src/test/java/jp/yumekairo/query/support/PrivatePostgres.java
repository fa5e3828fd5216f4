package jp.yumekairo.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, trust authentication, a free port on
 * 127.0.0.1), for tests that stop and start the database itself; the shared server is never touched. When the
 * tests run as root, PostgreSQL's programs run as the {@code postgres} user, which the server insists on.
 * The binaries are those of {@code YUMEKAIRO_PG_BIN}, else of {@code /usr/lib/postgresql/15/bin} (Debian's
 * PostgreSQL 15, as in production), else of the newest {@code /usr/lib/postgresql/<version>/bin},
 * else of {@code pg_config --bindir}; a machine without them fails the test.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";

    private final Path bin = binaries();
    private final Path directory;
    private final Path data;
    private final Path log;
    private final int port = freePort();
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private PrivatePostgres(String name) {
        try {
            directory = Files.createTempDirectory("yk-pg-");
            data = directory.resolve("data");
            log = Path.of(System.getProperty("serviceLogs", "target/service-logs")).resolve(name + "-postgres.log");
            Files.createDirectories(log.getParent());
            if (root) {
                UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView owner = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
                owner.setOwner(users.lookupPrincipalByName(OS_USER));
                GroupPrincipal group = users.lookupPrincipalByGroupName(OS_USER);
                owner.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the cluster and starts it; {@link #close()} stops it and deletes its files. */
    public static PrivatePostgres start(String name) {
        PrivatePostgres postgres = new PrivatePostgres(name);
        try {
            postgres.run("initdb", "-D", postgres.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            postgres.startServer();
            return postgres;
        } catch (RuntimeException failed) {
            postgres.close();
            throw failed;
        }
    }

    /** The JDBC URL of the server, without a database name. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    /**
     * Stops the server the hard way ({@code -m immediate}: no checkpoint, every connection cut, crash recovery on
     * the next start) and starts it again on the same port.
     */
    public void restart() {
        run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        startServer();
    }

    private void startServer() {
        // the server's own log stays in its directory, which the postgres user owns; close() copies it beside ours
        run("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c max_connections=100", "start");
    }

    @Override
    public void close() {
        if (Files.isDirectory(data.resolve("global"))) {
            try {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (RuntimeException alreadyStopped) {
                // nothing to stop
            }
        }
        try {
            if (Files.exists(directory.resolve("server.log"))) {
                Files.write(log, Files.readAllBytes(directory.resolve("server.log")), java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException unreadable) {
            // the log is a convenience
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            // pg_ctl's server keeps the output open: write it to the log, never to a pipe nobody reads
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(directory.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        String configured = System.getenv("YUMEKAIRO_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "pg_ctl"))) {
            return Path.of(configured);
        }
        Path debian15 = Path.of("/usr/lib/postgresql/15/bin");
        if (Files.isExecutable(debian15.resolve("pg_ctl"))) {
            return debian15;
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                var newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparing(bin -> versionOf(bin.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Process pgConfig = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String bindir = new String(pgConfig.getInputStream().readAllBytes()).trim();
            if (pgConfig.waitFor() == 0 && Files.isExecutable(Path.of(bindir, "pg_ctl"))) {
                return Path.of(bindir);
            }
        } catch (IOException | InterruptedException notThere) {
            // fall through to the failure below
        }
        throw new IllegalStateException("this test starts a PostgreSQL server of its own and needs initdb and pg_ctl: "
                + "install PostgreSQL 15 (Debian: postgresql-15) or set YUMEKAIRO_PG_BIN to their directory");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException notAVersion) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
