package io.graft.samples.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the sample starts against: an SQLite file in a folder of its own, and a PostgreSQL
 * database of its own on the server of {@code GRAFT_TEST_POSTGRES_URL}, created here and dropped at close.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    /** A database the application is pointed at with {@code spring.datasource.url}. */
    record Db(String url, AutoCloseable drop) implements AutoCloseable {

        List<String> query(String sql) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.add(String.valueOf(r.getObject(i)));
                    }
                    rows.add(String.join("|", row));
                }
            }
            return rows;
        }

        @Override
        public void close() throws Exception {
            drop.close();
        }
    }

    static Db create(String dialect, Path dir) throws Exception {
        return dialect.equals("sqlite") ? sqlite(dir) : postgres();
    }

    static Db sqlite(Path dir) throws Exception {
        Path folder = Files.createTempDirectory(dir, "sqlite-");
        return new Db("jdbc:sqlite:" + folder.resolve("library.db"), () -> { });
    }

    /** {@code jdbc:postgresql://host:port/postgres?user=...} becomes {@code .../graft_sample_XXXX?user=...}. */
    static Db postgres() throws SQLException {
        String server = System.getenv("GRAFT_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            String required = String.valueOf(System.getenv("GRAFT_TEST_REQUIRE")).toLowerCase(Locale.ROOT);
            if (required.contains("postgresql")) {
                throw new AssertionError("GRAFT_TEST_POSTGRES_URL is not set (GRAFT_TEST_REQUIRE=" + required + ")");
            }
            Assumptions.abort("GRAFT_TEST_POSTGRES_URL is not set");
        }
        String name = "graft_sample_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int query = server.indexOf('?') < 0 ? server.length() : server.indexOf('?');
        int slash = server.lastIndexOf('/', query);
        String url = server.substring(0, slash + 1) + name + server.substring(query);
        execute(server, "CREATE DATABASE " + name);
        return new Db(url, () -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
