package io.graft.junit;

import io.graft.changelog.DialectId;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database server the extension may create databases on: from the environment or a container.
 *
 * @param dialect postgresql or mysql
 * @param baseUrl a JDBC URL of the server (any database on it), possibly with user and password parameters
 * @param user the user, or null when the URL carries it
 * @param password the password, or null
 * @param origin where the server came from, for messages
 */
record Server(DialectId dialect, String baseUrl, String user, String password, String origin) {

    /** A new, empty database on this server, dropped by the result's {@code drop}. */
    ProvisionedDatabase createDatabase() {
        String name = "graft_junit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        String drop = dialect == DialectId.POSTGRESQL
                ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name;
        return new ProvisionedDatabase(dialect, urlFor(name), user, password,
                "database " + name + " on " + hostOf(baseUrl) + " (" + origin + ")", () -> execute(drop));
    }

    /** The URL of database {@code name} on this server, with the base URL's parameters. */
    String urlFor(String name) {
        int q = baseUrl.indexOf('?');
        String path = q < 0 ? baseUrl : baseUrl.substring(0, q);
        String query = q < 0 ? "" : baseUrl.substring(q);
        int hostStart = path.indexOf("//");
        int slash = hostStart < 0 ? -1 : path.indexOf('/', hostStart + 2);
        String server = slash < 0 ? path : path.substring(0, slash);
        return server + "/" + name + query;
    }

    private void execute(String sql) {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(baseUrl, props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("graft-junit: '" + sql + "' failed on " + hostOf(baseUrl) + " (" + origin
                    + "): " + e.getMessage(), e);
        }
    }

    /** {@code host:port} of a JDBC URL, for messages that must not show its parameters. */
    static String hostOf(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (RuntimeException e) {
            return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? jdbcUrl.split("[?;]")[0] : "the server";
        }
    }
}
