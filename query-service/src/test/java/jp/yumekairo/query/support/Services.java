package jp.yumekairo.query.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Both services as separate JVMs against a fresh PostgreSQL database of their own: the command service with
 * the demo users, and one or more query-service instances sharing the work. Everything is dropped on close.
 */
public final class Services implements AutoCloseable {

    public static final String SERVER = System.getenv().getOrDefault("YUMEKAIRO_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("YUMEKAIRO_TEST_DB_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("YUMEKAIRO_TEST_DB_PASSWORD", "");

    private final String server;
    private final String database;
    private final String testName;
    private final ServiceProcess command;
    private final List<ServiceProcess> queries = new ArrayList<>();

    private Services(String testName, String server, List<String> commandArguments) {
        this.testName = testName;
        this.server = server;
        this.database = "yk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "postgres", "CREATE DATABASE " + database);
        command = new ServiceProcess(testName + "-command", "commandServiceJar", Map.of(
                "SPRING_DATASOURCE_URL", server + database,
                // the migrations run as the owner; the service connects as the role they create, yumekairo_writer
                "OWNER_DB_USERNAME", USER,
                "OWNER_DB_PASSWORD", PASSWORD),
                commandArguments);
    }

    private static Services shared;
    private static Services demo;

    /**
     * One command service and one query service for all the test classes that only add their own data under
     * ids of their own; started on first use, stopped when the test JVM exits.
     */
    public static synchronized Services shared() {
        if (shared == null) {
            shared = new Services(Services.class.getSimpleName(), SERVER, List.of("--spring.profiles.active=demo"));
            try {
                shared.command.start();
                // the authorization matrix compares its table with the query service's own request mappings
                shared.addQueryInstance(true, "--management.endpoints.web.exposure.include=health,info,mappings");
            } catch (RuntimeException failed) {
                shared.close();
                shared = null;
                throw failed;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * One command service with the seed documents' demo data loaded (as {@code ./run} does) and one query service,
     * for the browser tests; a pair of its own because the other tests define their own plan under the demo's id.
     * Started on first use, stopped when the test JVM exits.
     */
    public static synchronized Services demo() {
        if (demo == null) {
            demo = start(new Services("demo", SERVER, List.of("--spring.profiles.active=demo", "--yumekairo.demo.load-data=true")), 1);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        }
        return demo;
    }

    /**
     * A command service with the demo data and one query service of the test's own, for a browser test that
     * publishes a report the other demo tests also publish (宇部市 R6); the caller closes it.
     */
    public static Services demo(Class<?> test) {
        return start(new Services(test.getSimpleName(), SERVER,
                List.of("--spring.profiles.active=demo", "--yumekairo.demo.load-data=true")), 1);
    }

    /** Starts the command service and {@code queryInstances} query services (at least one). */
    public static Services start(Class<?> test, int queryInstances) {
        return start(test, queryInstances, SERVER);
    }

    /** The same against another PostgreSQL server, e.g. {@code jdbc:postgresql://127.0.0.1:54321/}. */
    public static Services start(Class<?> test, int queryInstances, String server) {
        return start(new Services(test.getSimpleName(), server, List.of("--spring.profiles.active=demo")), queryInstances);
    }

    private static Services start(Services services, int queryInstances) {
        try {
            services.command.start();
            for (int i = 0; i < queryInstances; i++) {
                services.startQueryInstance();
            }
            return services;
        } catch (RuntimeException failed) {
            services.close();
            throw failed;
        }
    }

    /** A further query-service instance on the same database (not yet started when {@code start} is false). */
    public ServiceProcess addQueryInstance(boolean start, String... arguments) {
        return addQueryInstance(List.of(), start, arguments);
    }

    /** A further query-service instance with JVM options of its own, e.g. {@code -Xmx64m}. */
    public ServiceProcess addQueryInstance(List<String> jvmOptions, boolean start, String... arguments) {
        ServiceProcess query = new ServiceProcess(testName + "-query-" + queries.size(), "queryServiceJar",
                queryEnvironment(), jvmOptions, List.of(arguments));
        queries.add(query);
        return start ? query.start() : query;
    }

    private ServiceProcess startQueryInstance() {
        return addQueryInstance(true);
    }

    /** How many rows a query returns a number for, e.g. {@code SELECT count(*) FROM query.event_origin}. */
    public long count(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Api api() {
        return new Api(command.baseUrl(), query().baseUrl());
    }

    public ServiceProcess command() {
        return command;
    }

    public ServiceProcess query() {
        return queries.get(0);
    }

    public List<ServiceProcess> queries() {
        return queries;
    }

    /** This test's database, for a client of its own (the auditor's command-line verifier). */
    public String jdbcUrl() {
        return server + database;
    }

    /** A connection to this test's database as the superuser, for counting rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(server + database, USER, PASSWORD);
    }

    /**
     * The query service connects as its own read-only role, which the command service's migrations create; its web
     * UI signs people in and writes through this command service. Its hash chain waits only a second for late
     * commits and it signs a checkpoint at the head every second, so that tests need not wait long; with the demo profile it signs its checkpoints with the key
     * the demo keeps in the user's directory.
     */
    private Map<String, String> queryEnvironment() {
        return Map.of("SPRING_DATASOURCE_URL", server + database, "COMMAND_SERVICE_URL", command.baseUrl(),
                "CHAIN_SETTLE_DELAY", "PT1S", "CHECKPOINT_INTERVAL", "PT1S", "SPRING_PROFILES_ACTIVE", "demo");
    }

    @Override
    public void close() {
        queries.forEach(ServiceProcess::close);
        command.close();
        if (Boolean.getBoolean("yumekairo.test.keepDatabase")) {
            System.err.println("kept test database " + database);
            return;
        }
        execute(server, "postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void execute(String server, String db, String sql) {
        try (Connection connection = DriverManager.getConnection(server + db, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " is needed for this test (start it with "
                    + "'pg_ctlcluster --skip-systemctl-redirect 15 main start'): " + e.getMessage(), e);
        }
    }
}
