package io.graft.internal.importer;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A re-implementation, for the tests, of golang-migrate's apply loop (v4: {@code migrate.go}
 * {@code Up}/{@code Steps}/{@code readUp}/{@code readDown}/{@code runMigrations}, the
 * {@code source/iofs} folder reader and the {@code database/postgres}, {@code database/sqlite3}
 * and {@code database/mysql} drivers), because golang-migrate is a Go program that cannot be
 * installed here. It does what those do, step for step:
 * <ul>
 *   <li>the folder is listed (not recursively); names matching
 *       {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$} are migrations, a second file of one version and
 *       direction is an error, versions are ordered as unsigned numbers;</li>
 *   <li>the version table is created as each driver creates it: PostgreSQL
 *       {@code "<current_schema>"."schema_migrations" (version bigint not null primary key, dirty
 *       boolean not null)} if {@code information_schema.tables} lacks it; SQLite
 *       {@code schema_migrations (version uint64,dirty bool)} with the unique index
 *       {@code version_unique}; MySQL the same as PostgreSQL, if {@code SHOW TABLES LIKE} finds
 *       none;</li>
 *   <li>{@code up}: refused when the row is dirty; from the current version (none: the first
 *       one) each next version runs as: {@code SetVersion(v, dirty=true)}, the file's whole text
 *       as one {@code Exec} (a version without an up file runs nothing), {@code SetVersion(v,
 *       dirty=false)}; {@code down N} the same with the down files and the previous version (or
 *       none: the table is emptied);</li>
 *   <li>{@code SetVersion} in its own transaction: {@code TRUNCATE} (PostgreSQL, MySQL) or
 *       {@code DELETE FROM} (SQLite) the table, then {@code INSERT (version, dirty)} when the
 *       version is not the nil version;</li>
 *   <li>{@code Run}: PostgreSQL sends the text as one simple query (lib/pq without arguments; here
 *       PgJDBC with {@code preferQueryMode=simple}), which runs in one implicit transaction and is
 *       skipped when blank; SQLite wraps it in {@code BEGIN}/{@code COMMIT} and runs all its
 *       statements ({@code sqlite3_exec}, as mattn/go-sqlite3's {@code Exec} does); MySQL sends
 *       it as one multi-statement query ({@code multiStatements=true}, here
 *       {@code allowMultiQueries=true}), each statement committing on its own.</li>
 * </ul>
 * Left out because they change nothing a test can see: the advisory lock, prefetching, the
 * graceful stop, and the URL options ({@code x-migrations-table}, {@code x-no-tx-wrap},
 * {@code x-multi-statement}), whose defaults are used.
 */
final class GolangMigrateRunner {

    private static final Pattern NAME = Pattern.compile("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$");
    static final String TABLE = "schema_migrations";

    private final TestDatabase db;
    private final Map<BigInteger, Path> ups = new TreeMap<>();
    private final Map<BigInteger, Path> downs = new TreeMap<>();
    private final java.util.TreeSet<BigInteger> versions = new java.util.TreeSet<>();

    GolangMigrateRunner(TestDatabase db, Path dir) throws IOException {
        this.db = db;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                BigInteger version = new BigInteger(m.group(1));
                Map<BigInteger, Path> same = m.group(3).equals("up") ? ups : downs;
                if (same.putIfAbsent(version, file) != null) {
                    throw new IllegalStateException("duplicate migration file: " + file.getFileName());
                }
                versions.add(version);
            }
        }
    }

    /** {@code migrate up} (all) or {@code migrate up N}. */
    void up(int limit) throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, true)) {
            ensureVersionTable(c);
            Object[] current = version(c);
            if ((Boolean) current[1]) {
                throw new IllegalStateException("Dirty database version " + current[0] + ". Fix and force version.");
            }
            BigInteger from = (BigInteger) current[0];
            int count = 0;
            while (limit < 0 || count < limit) {
                BigInteger next = from == null ? (versions.isEmpty() ? null : versions.first()) : versions.higher(from);
                if (next == null) {
                    return;
                }
                apply(c, next, next, ups.get(next));
                from = next;
                count++;
            }
        }
    }

    /** {@code migrate down N}. */
    void down(int limit) throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, true)) {
            ensureVersionTable(c);
            Object[] current = version(c);
            if ((Boolean) current[1]) {
                throw new IllegalStateException("Dirty database version " + current[0] + ". Fix and force version.");
            }
            BigInteger from = (BigInteger) current[0];
            for (int count = 0; from != null && count < limit; count++) {
                BigInteger prev = versions.lower(from);
                apply(c, from, prev, downs.get(from));
                from = prev;
            }
        }
    }

    /** {@code runMigrations} for one migration: dirty mark, the body, clean mark. */
    private void apply(Connection c, BigInteger version, BigInteger target, Path body) throws SQLException, IOException {
        setVersion(c, target, true);
        if (body != null) {
            run(c, Files.readString(body, StandardCharsets.UTF_8));
        }
        setVersion(c, target, false);
    }

    private String qualified(Connection c) throws SQLException {
        if (db.dialect() != DialectId.POSTGRESQL) {
            return db.dialect() == DialectId.MYSQL ? "`" + TABLE + "`" : TABLE;
        }
        return "\"" + currentSchema(c) + "\".\"" + TABLE + "\"";
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void ensureVersionTable(Connection c) throws SQLException {
        switch (db.dialect()) {
            case POSTGRESQL -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(1) FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_name = ? LIMIT 1")) {
                    ps.setString(1, currentSchema(c));
                    ps.setString(2, TABLE);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 1) {
                            return;
                        }
                    }
                }
                GoSql.exec(c, db.dialect(), "CREATE TABLE IF NOT EXISTS " + qualified(c)
                        + " (version bigint not null primary key, dirty boolean not null)");
            }
            case SQLITE -> GoSql.sqliteExec(c, "\n\tCREATE TABLE IF NOT EXISTS " + TABLE + " (version uint64,dirty bool);\n"
                    + "  CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON " + TABLE + " (version);\n  ");
            case MYSQL -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW TABLES LIKE '" + TABLE + "'")) {
                    if (rs.next()) {
                        return;
                    }
                }
                GoSql.exec(c, db.dialect(), "CREATE TABLE `" + TABLE + "`"
                        + " (version bigint not null primary key, dirty boolean not null)");
            }
        }
    }

    /** {@code Version()}: the first row, or the nil version. */
    private Object[] version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, dirty FROM " + qualified(c) + " LIMIT 1")) {
            if (!rs.next()) {
                return new Object[] {null, false};
            }
            long v = rs.getLong(1);
            return new Object[] {v < 0 ? null : BigInteger.valueOf(v), rs.getBoolean(2)};
        }
    }

    private void setVersion(Connection c, BigInteger version, boolean dirty) throws SQLException {
        GoSql.inTransaction(c, () -> {
            GoSql.exec(c, db.dialect(), (db.dialect() == DialectId.SQLITE ? "DELETE FROM " : "TRUNCATE ") + qualified(c));
            if (version != null || dirty) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified(c)
                        + " (version, dirty) VALUES (?, ?)")) {
                    ps.setLong(1, version == null ? -1 : version.longValueExact());
                    ps.setBoolean(2, dirty);
                    ps.executeUpdate();
                }
            }
        });
    }

    /** The driver's {@code Run}: the whole file at once. */
    private void run(Connection c, String body) throws SQLException {
        switch (db.dialect()) {
            case POSTGRESQL -> {
                if (!body.isBlank()) {
                    GoSql.exec(c, db.dialect(), body);
                }
            }
            case SQLITE -> {
                GoSql.sqliteExec(c, "BEGIN");
                try {
                    GoSql.sqliteExec(c, body);
                } catch (SQLException e) {
                    GoSql.sqliteExec(c, "ROLLBACK");
                    throw e;
                }
                GoSql.sqliteExec(c, "COMMIT");
            }
            case MYSQL -> GoSql.exec(c, db.dialect(), body);
        }
    }

    /** The row golang-migrate keeps, as text, for assertions. */
    static String row(TestDatabase db) {
        return db.query("SELECT version, dirty FROM " + TABLE).toString();
    }
}
