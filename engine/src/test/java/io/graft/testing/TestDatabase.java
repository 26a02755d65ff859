package io.graft.testing;

import io.graft.changelog.DialectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database of one dialect for one test, dropped by {@link #close()}.
 *
 * <p>SQLite: a temporary file. PostgreSQL and MySQL/MariaDB: a new database created on the server
 * named by {@code GRAFT_TEST_POSTGRES_URL} / {@code GRAFT_TEST_MYSQL_URL}, or else on a
 * Testcontainers container where Docker runs. When neither is available the test is skipped,
 * unless {@code GRAFT_TEST_REQUIRE} names the dialect (CI sets {@code postgresql,mysql}): then it fails.
 */
public final class TestDatabase implements AutoCloseable {

    private final DialectId dialect;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable drop;

    private TestDatabase(DialectId dialect, String url, String user, String password, Runnable drop) {
        this.dialect = dialect;
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    public static TestDatabase create(DialectId dialect) {
        return switch (dialect) {
            case SQLITE -> sqlite();
            case POSTGRESQL -> server(dialect, Servers.postgres());
            case MYSQL -> server(dialect, Servers.mysql());
        };
    }

    private static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("graft-sqlite-");
            Path file = dir.resolve("test.db");
            return new TestDatabase(DialectId.SQLITE, "jdbc:sqlite:" + file, null, null, () -> deleteTree(dir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestDatabase server(DialectId dialect, Servers.Server server) {
        if (server == null) {
            boolean required = requiredDialects().contains(dialect.key());
            String why = dialect.key() + " is not available: set " + Servers.envName(dialect)
                    + " or run where Docker runs";
            if (required) {
                throw new AssertionError(why + " (GRAFT_TEST_REQUIRE=" + System.getenv("GRAFT_TEST_REQUIRE") + ")");
            }
            Assumptions.abort(why);
        }
        String name = "graft_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.execute("CREATE DATABASE " + name);
        return new TestDatabase(dialect, server.urlFor(name), server.user(), server.password(),
                () -> server.execute(dialect == DialectId.POSTGRESQL
                        ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name));
    }

    /**
     * The URL of the server this dialect's test databases are created on, credentials included,
     * for code under test that creates (and drops) databases of its own there, such as a dev URL;
     * {@code null} for SQLite. Skips, or fails when the dialect is required, as {@link #create} does.
     */
    public static String serverUrl(DialectId dialect) {
        if (dialect == DialectId.SQLITE) {
            return null;
        }
        Servers.Server server = dialect == DialectId.POSTGRESQL ? Servers.postgres() : Servers.mysql();
        if (server == null) {
            server(dialect, null);
        }
        String base = Servers.stripCredentials(server.baseUrl());
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?').append("user=")
                .append(server.user());
        if (server.password() != null && !server.password().isEmpty()) {
            url.append("&password=").append(server.password());
        }
        return url.toString();
    }

    static Set<String> requiredDialects() {
        String env = System.getenv("GRAFT_TEST_REQUIRE");
        Set<String> required = new TreeSet<>();
        if (env != null) {
            for (String part : env.split(",")) {
                if (!part.isBlank()) {
                    required.add(part.strip().toLowerCase(Locale.ROOT).replace("mariadb", "mysql"));
                }
            }
        }
        return required;
    }

    public DialectId dialect() {
        return dialect;
    }

    /** The JDBC URL, without credentials. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** Tables and views of the test database (history tables included), sorted. */
    public Set<String> tables() {
        String sql = switch (dialect) {
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'";
            case POSTGRESQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
            case MYSQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
        };
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> row : query(sql)) {
            names.add(String.valueOf(row.values().iterator().next()).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Tables and views, without Graft's history tables. */
    public Set<String> userTables() {
        Set<String> names = new TreeSet<>(tables());
        names.removeIf(n -> n.startsWith("graft_"));
        return names;
    }

    /** Column names of a table, lower case, in order. */
    public List<String> columns(String table) {
        try (Connection c = connect(); ResultSet rs = c.getMetaData().getColumns(
                dialect == DialectId.MYSQL ? c.getCatalog() : null, null, table, null)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids in {@code graft_revisions}, in the order applied. */
    public List<String> appliedIds() {
        if (!tables().contains("graft_revisions")) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : query("SELECT id FROM graft_revisions ORDER BY applied_seq")) {
            ids.add((String) row.get("id"));
        }
        return ids;
    }

    public List<Map<String, Object>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind harms nothing.
        }
    }
}
