package jp.yumekairo.localpg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster in a directory of its own, run with the binaries of {@link PostgresBinaries}: superuser
 * {@code postgres}, trust authentication, listening on 127.0.0.1 only. PostgreSQL refuses to run as root, so when
 * we are root its programs run as the unprivileged system user {@value #OS_USER}, created when missing, who then
 * owns the cluster's directory.
 */
public final class PostgresCluster {

    public static final String OS_USER = "postgres";

    private final Path bin = PostgresBinaries.directory().resolve("bin");
    private final Path directory;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    /**
     * @param directory the cluster's own directory (created if missing): {@code data/} and {@code server.log} in it
     * @param log       where the programs' output goes (appended)
     */
    public PostgresCluster(Path directory, int port, Path log) {
        this.directory = directory.toAbsolutePath();
        this.data = this.directory.resolve("data");
        this.port = port;
        this.log = log.toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
            Files.createDirectories(this.log.getParent());
            if (root) {
                for (Path up = this.directory.getParent(); up != null; up = up.getParent()) {
                    if (!Files.getPosixFilePermissions(up).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                        throw new IllegalStateException("the server runs as the user " + OS_USER + ", who cannot enter "
                                + up + ": put the cluster elsewhere");
                    }
                }
                ensureOsUser();
                UserPrincipalLookupService users = this.directory.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView owner = Files.getFileAttributeView(this.directory, PosixFileAttributeView.class);
                owner.setOwner(users.lookupPrincipalByName(OS_USER));
                owner.setGroup(users.lookupPrincipalByGroupName(OS_USER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the cluster unless it exists, then starts the server unless it runs; waits until it answers. */
    public void start() {
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                    "--no-sync");
        }
        if (!running()) {
            // the server's own log stays in its directory, which the server's user owns
            run("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c max_connections=100",
                    "start");
        }
    }

    /** Stops the server: {@code fast} (connections closed, a checkpoint) or {@code immediate} (a crash). */
    public void stop(String mode) {
        if (running()) {
            run("pg_ctl", "-D", data.toString(), "-m", mode, "-w", "stop");
        }
    }

    /** Whether a server runs on this cluster's data. */
    public boolean running() {
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            return false;
        }
        return exitCode("pg_ctl", "-D", data.toString(), "status") == 0;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "postgres", "postgres", "");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the server, without a database name. */
    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** The server's own log ({@code server.log} in the cluster's directory). */
    public Path serverLog() {
        return directory.resolve("server.log");
    }

    private void run(String program, String... arguments) {
        int exit = exitCode(program, arguments);
        if (exit != 0) {
            throw new IllegalStateException(program + " " + String.join(" ", arguments) + " exited with " + exit
                    + "; see " + log + " and " + serverLog());
        }
    }

    private int exitCode(String program, String... arguments) {
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
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ensureOsUser() throws IOException {
        try {
            if (new ProcessBuilder("id", "-u", OS_USER).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0) {
                return;
            }
            Process add = new ProcessBuilder("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", OS_USER).inheritIO().start();
            if (add.waitFor() != 0) {
                throw new IllegalStateException("PostgreSQL does not run as root and the system user " + OS_USER
                        + " could not be created (useradd exited with " + add.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a directory and everything in it. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
