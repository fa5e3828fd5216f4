package jp.yumekairo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's own database on the local PostgreSQL, reached as the superuser that created it. */
final class Database {

    private final String server;
    private final String name;
    private final String user;
    private final String password;

    Database(String server, String name, String user, String password) {
        this.server = server.endsWith("/") ? server : server + "/";
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /** The server's port, from its JDBC URL (PostgreSQL's 5432 when the URL names none). */
    int port() {
        Matcher port = Pattern.compile("^jdbc:postgresql://[^/:]+:(\\d+)/").matcher(server);
        return port.find() ? Integer.parseInt(port.group(1)) : 5432;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(server + name, user, password);
    }

    /** Creates the database the services will run against. */
    void create() throws SQLException {
        onServer("CREATE DATABASE \"" + name + "\"");
    }

    /** Drops it, disconnecting whoever is still connected. */
    void drop() throws SQLException {
        onServer("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
