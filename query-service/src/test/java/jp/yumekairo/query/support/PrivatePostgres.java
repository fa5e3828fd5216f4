package jp.yumekairo.query.support;

import jp.yumekairo.localpg.PostgresCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A PostgreSQL 15 cluster of the test's own (initdb in a temporary directory, trust authentication, a free port on
 * 127.0.0.1), for tests that stop and start the database itself; the shared server is never touched. The binaries
 * are those that {@code ./run} and {@code ./test} use when a machine has no PostgreSQL (module local-postgres, from
 * Maven Central); when the tests run as root, the server runs as the {@code postgres} system user, which
 * PostgreSQL insists on.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path directory;
    private final Path log;
    private final PostgresCluster cluster;

    private PrivatePostgres(String name) {
        try {
            // the server's user must be able to enter it: not the 0700 of a plain temporary directory
            directory = Files.createTempDirectory("yk-pg-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            log = Path.of(System.getProperty("serviceLogs", "target/service-logs")).resolve(name + "-postgres.log");
            cluster = new PostgresCluster(directory.resolve("cluster"), freePort(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the cluster and starts it; {@link #close()} stops it and deletes its files. */
    public static PrivatePostgres start(String name) {
        PrivatePostgres postgres = new PrivatePostgres(name);
        try {
            postgres.cluster.start();
            return postgres;
        } catch (RuntimeException failed) {
            postgres.close();
            throw failed;
        }
    }

    /** The JDBC URL of the server, without a database name. */
    public String url() {
        return cluster.serverUrl();
    }

    /**
     * Stops the server the hard way ({@code -m immediate}: no checkpoint, every connection cut, crash recovery on
     * the next start) and starts it again on the same port.
     */
    public void restart() {
        cluster.stop("immediate");
        cluster.start();
    }

    @Override
    public void close() {
        try {
            cluster.stop("immediate");
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        try {
            if (Files.exists(cluster.serverLog())) {
                Files.write(log, Files.readAllBytes(cluster.serverLog()), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException unreadable) {
            // the log is a convenience
        }
        PostgresCluster.delete(directory);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
