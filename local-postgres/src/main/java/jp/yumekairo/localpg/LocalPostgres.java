package jp.yumekairo.localpg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The command line of {@code ./run} and {@code ./test} when no PostgreSQL answers and none is configured:
 * <pre>
 *   LocalPostgres start DIRECTORY PORT [DATABASE]   creates the cluster if needed, starts it (PORT 0: a free one),
 *                                                   creates DATABASE if missing; prints the server's JDBC URL,
 *                                                   then the directory of pg_ctl (for a stop without a JVM)
 *   LocalPostgres stop DIRECTORY                    stops it (fast: sessions closed, a checkpoint)
 * </pre>
 * The server keeps running between the two; the programs' output goes to {@code DIRECTORY/postgres.log}.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && "start".equals(args[0])) {
            int port = Integer.parseInt(args[2]);
            Path directory = Path.of(args[1]);
            PostgresCluster cluster = new PostgresCluster(directory, port == 0 ? freePort() : port,
                    directory.resolve("postgres.log"));
            cluster.start();
            if (args.length >= 4) {
                cluster.createDatabase(args[3]);
            }
            System.out.println(cluster.serverUrl());
            System.out.println(PostgresBinaries.directory().resolve("bin"));
        } else if (args.length == 2 && "stop".equals(args[0])) {
            Path directory = Path.of(args[1]);
            new PostgresCluster(directory, 0, directory.resolve("postgres.log")).stop("fast");
        } else {
            System.err.println("usage: LocalPostgres start DIRECTORY PORT [DATABASE] | stop DIRECTORY");
            System.exit(2);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
