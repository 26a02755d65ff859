package io.graft.internal.schema;

import io.graft.DatabaseUrlException;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.DatabaseUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An empty database in which a desired state (a changelog, SQL files) is built to be read: a
 * temporary SQLite file, or a database created for the purpose on the server of the dev URL
 * (PostgreSQL, MySQL/MariaDB) and dropped by {@link #close()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Pattern SERVER_URL = Pattern.compile("(jdbc:[a-z]+://[^/?]*)(/[^?]*)?(\\?.*)?");

    final DialectId dialect;
    final String url;
    final String user;
    final String password;
    private final Runnable drop;

    private ScratchDatabase(DialectId dialect, String url, String user, String password, Runnable drop) {
        this.dialect = dialect;
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    /**
     * A scratch database of {@code dialect}: a temporary SQLite file unless {@code devUrl} is an
     * SQLite URL, else one created on the server of {@code devUrl}.
     */
    public static ScratchDatabase create(DialectId dialect, String devUrl) {
        if (dialect == DialectId.SQLITE && (devUrl == null || DatabaseUrls.parse(devUrl).dialect() != DialectId.SQLITE)) {
            return sqliteFile();
        }
        if (devUrl == null) {
            throw new DatabaseUrlException("a " + dialect.key() + " scratch database is needed to build the desired"
                    + " state: pass --dev-url with a server on which Graft may create (and drop) a database", java.util.List.of());
        }
        DatabaseUrls.Parsed dev = DatabaseUrls.parse(devUrl);
        if (dev.dialect() != dialect) {
            throw new DatabaseUrlException("the dev URL is a " + dev.dialect().key() + " server, but the diff is for "
                    + dialect.key() + ": pass a " + dialect.key() + " --dev-url or another --dialect", java.util.List.of());
        }
        if (dialect == DialectId.SQLITE) {
            return new ScratchDatabase(dialect, dev.jdbcUrl(), null, null, () -> { });
        }
        Matcher m = SERVER_URL.matcher(dev.jdbcUrl());
        if (!m.matches()) {
            throw new DatabaseUrlException("the dev URL names no server Graft can create a database on", java.util.List.of());
        }
        String name = "graft_dev_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(dev, "CREATE DATABASE " + name);
        String url = m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
        String dropSql = dialect == DialectId.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name;
        return new ScratchDatabase(dialect, url, dev.user(), dev.password(), () -> execute(dev, dropSql));
    }

    private static ScratchDatabase sqliteFile() {
        try {
            Path dir = Files.createTempDirectory("graft-dev-");
            return new ScratchDatabase(DialectId.SQLITE, "jdbc:sqlite:" + dir.resolve("dev.db"), null, null,
                    () -> deleteTree(dir));
        } catch (IOException e) {
            throw new MigrationException("cannot create a temporary SQLite database: " + e.getMessage());
        }
    }

    private static void execute(DatabaseUrls.Parsed server, String sql) {
        try (Connection c = connect(server.jdbcUrl(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new MigrationException("the dev URL's server refused '" + sql + "': " + e.getMessage()
                    + " (the dev URL's user must be allowed to create and drop databases)", null, e.getSQLState(), e);
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    public Connection connect() throws SQLException {
        return connect(url, user, password);
    }

    public DialectId dialect() {
        return dialect;
    }

    /** The JDBC URL, without credentials (see {@link #user()}, {@link #password()}). */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind harms nothing
        }
    }
}
