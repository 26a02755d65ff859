package io.graft.testing;

import io.graft.changelog.DialectId;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database servers tests create their databases on: from the environment
 * ({@code GRAFT_TEST_POSTGRES_URL}, {@code GRAFT_TEST_MYSQL_URL}, JDBC URLs that may carry
 * {@code user} and {@code password} parameters), else a Testcontainers container, started once
 * per JVM, where Docker runs.
 */
final class Servers {

    record Server(DialectId dialect, String baseUrl, String user, String password) {

        /** The URL of database {@code name} on this server, keeping the base URL's other parameters. */
        String urlFor(String name) {
            String withoutQuery = baseUrl.contains("?") ? baseUrl.substring(0, baseUrl.indexOf('?')) : baseUrl;
            URI uri = URI.create(withoutQuery.substring("jdbc:".length()));
            String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            String query = baseUrl.contains("?") ? baseUrl.substring(baseUrl.indexOf('?')) : "";
            return "jdbc:" + uri.getScheme() + "://" + host + "/" + name + stripCredentials(query);
        }

        void execute(String sql) {
            try (Connection c = user == null ? DriverManager.getConnection(baseUrl)
                    : DriverManager.getConnection(stripCredentials(baseUrl), user, password);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    private static Server postgres;
    private static Server mysql;
    private static boolean postgresTried;
    private static boolean mysqlTried;

    private Servers() {
    }

    static String envName(DialectId dialect) {
        return dialect == DialectId.POSTGRESQL ? "GRAFT_TEST_POSTGRES_URL" : "GRAFT_TEST_MYSQL_URL";
    }

    static synchronized Server postgres() {
        if (!postgresTried) {
            postgresTried = true;
            postgres = fromEnv(DialectId.POSTGRESQL);
            if (postgres == null) {
                postgres = Containers.postgres();
            }
        }
        return postgres;
    }

    static synchronized Server mysql() {
        if (!mysqlTried) {
            mysqlTried = true;
            mysql = fromEnv(DialectId.MYSQL);
            if (mysql == null) {
                mysql = Containers.mariadb();
            }
        }
        return mysql;
    }

    private static Server fromEnv(DialectId dialect) {
        String url = System.getenv(envName(dialect));
        if (url == null || url.isBlank()) {
            return null;
        }
        Map<String, String> params = params(url);
        return new Server(dialect, url, params.getOrDefault("user", dialect == DialectId.MYSQL ? "root" : "postgres"),
                params.getOrDefault("password", ""));
    }

    private static Map<String, String> params(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return params;
    }

    static String stripCredentials(String urlOrQuery) {
        int q = urlOrQuery.indexOf('?');
        if (q < 0) {
            return urlOrQuery;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : urlOrQuery.substring(q + 1).split("&")) {
            if (pair.startsWith("user=") || pair.startsWith("password=") || pair.isEmpty()) {
                continue;
            }
            kept.append(kept.length() == 0 ? "?" : "&").append(pair);
        }
        return urlOrQuery.substring(0, q) + kept;
    }
}
