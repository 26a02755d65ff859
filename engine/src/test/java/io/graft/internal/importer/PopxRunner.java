package io.graft.internal.importer;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A re-implementation, for the tests, of popx's apply loop (Ory's {@code github.com/ory/x/popx}:
 * {@code MigrationBox} reading a folder, {@code Migrator.CreateSchemaMigrations}, {@code UpTo},
 * {@code Down}), because popx is a Go library that cannot be installed here. It does what popx
 * does, step for step:
 * <ul>
 *   <li>the folder is walked recursively; a file name matching
 *       {@code ^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.(sql)$} is a migration
 *       ({@code .autocommit} in the dialect's place counts as the flag, for every dialect);
 *       dialects are canonicalised as pop does, an unknown one is skipped; every up version
 *       needs a down file;</li>
 *   <li>{@code SortAndFilter(dialect)}: versions ordered as text; for each version the file of the
 *       connection's dialect ({@code postgres}, {@code sqlite3}, {@code mysql}), else the one
 *       without a dialect, else none (the version is skipped on that dialect);</li>
 *   <li>the table: if {@code select version from schema_migration} fails,
 *       {@code CREATE TABLE schema_migration (version VARCHAR (48) NOT NULL, version_self INT NOT
 *       NULL DEFAULT 0)} with the indexes {@code schema_migration_version_idx} (unique) and
 *       {@code schema_migration_version_self_idx}, in one serializable transaction;</li>
 *   <li>up: a version whose row exists (or the row of its first 14 characters, popx's legacy
 *       rule) is skipped; otherwise, in a serializable transaction, the file's whole text in one
 *       {@code Exec} (nothing when it is empty: blank and {@code --} lines only) and
 *       {@code INSERT INTO schema_migration (version) VALUES (?)}; an {@code .autocommit} file runs
 *       the same without the transaction; down: the applied versions' down files, newest first,
 *       each with {@code DELETE FROM schema_migration WHERE version = ?};</li>
 *   <li>{@code Exec} sends the text as it is: PostgreSQL one simple query (pgx without
 *       arguments; here PgJDBC with {@code preferQueryMode=simple}), SQLite every statement
 *       ({@code sqlite3_exec}, as mattn/go-sqlite3 does), MySQL one multi-statement query.</li>
 * </ul>
 * Left out because the fixture does not use them: Go templates ({@code {{ }}}: the fixture has
 * none, and a file without them comes out of {@code text/template} unchanged), Go migrations,
 * the per-migration timeout, tracing and CockroachDB's retry loop.
 */
final class PopxRunner {

    private static final Pattern NAME = Pattern.compile("^(\\d+)_([^.]+)(\\.[a-z0-9]+)?(\\.autocommit)?\\.(up|down)\\.(sql)$");
    private static final Pattern EMPTY_LINES = Pattern.compile("(?m)^(\\s*--.*|\\s*)$");
    static final String TABLE = "schema_migration";

    /** One migration file. */
    private record Migration(String version, String name, String dbType, boolean autocommit, boolean up, Path path) {
    }

    private final TestDatabase db;
    private final List<Migration> migrations = new ArrayList<>();

    PopxRunner(TestDatabase db, Path dir) throws IOException {
        this.db = db;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                boolean autocommit = m.group(4) != null;
                String dbType;
                if (".autocommit".equals(m.group(3))) {
                    autocommit = true;
                    dbType = "all";
                } else if (m.group(3) == null) {
                    dbType = "all";
                } else {
                    dbType = switch (m.group(3).substring(1)) {
                        case "postgres", "postgresql", "pg", "pgx" -> "postgres";
                        case "cockroach", "cockroachdb", "crdb" -> "cockroach";
                        case "mysql" -> "mysql";
                        case "sqlite3", "sqlite" -> "sqlite3";
                        default -> null;
                    };
                    if (dbType == null) {
                        continue; // "unsupported dialect": popx logs and skips the file
                    }
                }
                migrations.add(new Migration(m.group(1), m.group(2), dbType, autocommit, m.group(5).equals("up"), p));
            }
        }
        for (Migration up : migrations) {
            if (up.up() && migrations.stream().noneMatch(d -> !d.up() && d.version().equals(up.version()))) {
                throw new IllegalStateException("migration " + up.version() + " has no corresponding down migration");
            }
        }
    }

    private String dialect() {
        return switch (db.dialect()) {
            case POSTGRESQL -> "postgres";
            case SQLITE -> "sqlite3";
            case MYSQL -> "mysql";
        };
    }

    /** {@code SortAndFilter}: per version the file of this dialect, else the one for all, ordered by version as text. */
    private List<Migration> sortAndFilter(boolean up) {
        Map<String, Migration> usable = new LinkedHashMap<>();
        for (Migration m : migrations) {
            if (m.up() != up) {
                continue;
            }
            if (m.dbType().equals(dialect())) {
                usable.put(m.version(), m);
            } else if (m.dbType().equals("all")) {
                usable.putIfAbsent(m.version(), m);
            }
        }
        List<Migration> out = new ArrayList<>(usable.values());
        out.sort(Comparator.comparing(Migration::version));
        return out;
    }

    /** {@code UpTo(step)}; {@code step <= 0}: all pending. */
    void up(int step) throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, true)) {
            createSchemaMigrations(c);
            int applied = 0;
            for (Migration mi : sortAndFilter(true)) {
                String legacy = mi.version().length() > 14 ? mi.version().substring(0, 14) : mi.version();
                List<String> found = versions(c, mi.version(), legacy);
                if (found.contains(mi.version())) {
                    continue;
                }
                if (found.contains(legacy)) {
                    inTransaction(c, () -> insert(c, mi.version()));
                    continue;
                }
                String content = Files.readString(mi.path(), StandardCharsets.UTF_8);
                if (content.contains("{{")) {
                    throw new IllegalStateException("templates are not re-implemented: " + mi.path());
                }
                if (mi.autocommit()) {
                    exec(c, content);
                    insert(c, mi.version());
                } else {
                    inTransaction(c, () -> {
                        exec(c, content);
                        insert(c, mi.version());
                    });
                }
                applied++;
                if (step > 0 && applied >= step) {
                    break;
                }
            }
        }
    }

    /** {@code Down(steps)}. */
    void down(int steps) throws SQLException, IOException {
        try (Connection c = GoSql.connect(db, true)) {
            int count;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rs.next();
                count = rs.getInt(1);
            }
            steps = Math.min(steps <= 0 ? Integer.MAX_VALUE : steps, count);
            List<Migration> mfs = new ArrayList<>(sortAndFilter(false));
            java.util.Collections.reverse(mfs);
            if (mfs.size() > count) {
                mfs = mfs.subList(mfs.size() - count, mfs.size());
            }
            for (int i = 0; i < mfs.size() && i < steps; i++) {
                Migration mi = mfs.get(i);
                if (versions(c, mi.version(), mi.version()).isEmpty()) {
                    throw new IllegalStateException("migration version " + mi.version() + " does not exist");
                }
                String content = Files.readString(mi.path(), StandardCharsets.UTF_8);
                if (mi.autocommit()) {
                    exec(c, content);
                    delete(c, mi.version());
                } else {
                    inTransaction(c, () -> {
                        exec(c, content);
                        delete(c, mi.version());
                    });
                }
            }
        }
    }

    private void createSchemaMigrations(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select version from " + TABLE);
            return;
        } catch (SQLException missing) {
            // the table does not exist yet: create it
        }
        inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + TABLE + " (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0)");
                s.execute("CREATE UNIQUE INDEX " + TABLE + "_version_idx ON " + TABLE + " (version)");
                s.execute("CREATE INDEX " + TABLE + "_version_self_idx ON " + TABLE + " (version_self)");
            }
        });
    }

    /** popx's {@code isolatedTransaction}: serializable, rolled back on an error. */
    private static void inTransaction(Connection c, GoSql.Work work) throws SQLException {
        GoSql.inTransaction(c, Connection.TRANSACTION_SERIALIZABLE, work);
    }

    private List<String> versions(Connection c, String version, String legacy) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE version IN (?, ?)")) {
            ps.setString(1, version);
            ps.setString(2, legacy);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void insert(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (version) VALUES (?)")) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    /** The runner's {@code Exec}: nothing for an empty file, else the whole text at once. */
    private void exec(Connection c, String content) throws SQLException {
        if (EMPTY_LINES.matcher(content).replaceAll("").replace("\n", "").isEmpty()) {
            return;
        }
        GoSql.exec(c, db.dialect(), content);
    }

    /** popx's rows, sorted, for assertions. */
    static List<String> rows(TestDatabase db) {
        return db.query("SELECT version FROM " + TABLE + " ORDER BY version").stream()
                .map(r -> String.valueOf(r.values().iterator().next())).toList();
    }
}
