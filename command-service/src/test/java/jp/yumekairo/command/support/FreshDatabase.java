package jp.yumekairo.command.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Gives each test application context a database of its own on the real PostgreSQL, created empty before
 * the context starts and dropped when it closes. A PostgreSQL that cannot be reached fails the test. As in
 * production, the migrations run as the owner ({@link #USER}) and the service connects as its own role,
 * {@code yumekairo_writer}, which they create; a test wanting the owner's connection opens one with {@link #owner}.
 */
public final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER = System.getProperty("yumekairo.test.db",
            System.getenv().getOrDefault("YUMEKAIRO_TEST_DB", "jdbc:postgresql://127.0.0.1:5432/"));
    public static final String USER = System.getenv().getOrDefault("YUMEKAIRO_TEST_DB_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("YUMEKAIRO_TEST_DB_PASSWORD", "");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = create();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.datasource.url=" + SERVER + name,
                "spring.flyway.user=" + USER,
                "spring.flyway.password=" + PASSWORD);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(name);
            }
        });
    }

    /** Creates an empty database and returns its name. */
    public static String create() {
        String name = "yk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** A connection to the database at {@code url} as the owner (the tests' superuser). */
    public static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test (./test starts "
                    + "one of its own when none answers, or set YUMEKAIRO_TEST_DB): " + e.getMessage(), e);
        }
    }
}
