package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.testing.SchemaDump;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the round trips run, made cheap enough for hundreds of cases: one test database and one
 * connection per dialect for the whole class, and per case a few fresh <em>spaces</em> — a schema
 * on PostgreSQL, a database on MariaDB, a file on SQLite — each dropped when the case ends, their
 * dumps taken by one run of the dump tool.
 */
abstract class RoundTripLab implements AutoCloseable {

    private int cases;

    static RoundTripLab open(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new Server(TestDatabase.create(dialect));
            case MYSQL -> new Server(TestDatabase.create(dialect));
            case SQLITE -> new Files_();
        };
    }

    abstract DialectId dialect();

    /** A fresh, empty space for one case. */
    abstract Space space(String suffix);

    /** The dump tool's text of each space (their names made the same). */
    abstract Map<Space, String> dumps(List<Space> spaces);

    @Override
    public abstract void close();

    int cases() {
        return cases;
    }

    String nextName(String suffix) {
        return "rt" + (++cases) + suffix;
    }

    /** One schema (PostgreSQL), database (MariaDB) or file (SQLite). */
    abstract static class Space implements AutoCloseable {
        final String name;

        Space(String name) {
            this.name = name;
        }

        /** The connection, set to this space. */
        abstract Connection use() throws SQLException;

        abstract Schema read();

        /** Runs a script as Graft runs a revision's file: split by the dialect's splitter, one statement at a time. */
        void script(String sql, DialectId dialect) {
            try {
                Connection c = use();
                for (SqlStatement st : SqlSplitter.split(sql, "diff.sql", Dialects.of(dialect).splitOptions())) {
                    try (Statement s = c.createStatement()) {
                        s.execute(st.sql());
                    } catch (SQLException e) {
                        throw new AssertionError("in " + name + ", line " + st.span().line() + ": " + e.getMessage()
                                + "\n" + st.sql() + "\n-- of the script:\n" + sql, e);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        void statements(List<String> sqls) {
            try (Statement s = use().createStatement()) {
                for (String sql : sqls) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError("in " + name + ": " + e.getMessage() + "\n" + sql, e);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        /** The rows of {@code columns} of {@code table}, each as one string, sorted. */
        List<String> rows(String table, List<String> columns) {
            List<String> out = new ArrayList<>();
            try (Statement s = use().createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            } catch (SQLException e) {
                throw new AssertionError("rows of " + table + " in " + name + ": " + e.getMessage(), e);
            }
            out.sort(null);
            return out;
        }

        @Override
        public abstract void close();

        @Override
        public String toString() {
            return name;
        }
    }

    /** PostgreSQL (a schema per space) and MariaDB (a database per space) in one test database. */
    private static final class Server extends RoundTripLab {
        private final TestDatabase db;
        private final Connection connection;
        private final boolean postgres;

        Server(TestDatabase db) {
            this.db = db;
            this.postgres = db.dialect() == DialectId.POSTGRESQL;
            try {
                this.connection = db.connect();
                if (postgres) {
                    try (Statement s = connection.createStatement()) {
                        // Commits need not wait for the disk: the cases' schemas live a second.
                        s.execute("SET synchronous_commit = off");
                    }
                }
            } catch (SQLException e) {
                db.close();
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        DialectId dialect() {
            return db.dialect();
        }

        @Override
        Space space(String suffix) {
            String name = postgres ? nextName(suffix) : database() + "_" + nextName(suffix);
            execute(postgres ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name);
            return new Space(name) {
                @Override
                Connection use() throws SQLException {
                    try (Statement s = connection.createStatement()) {
                        s.execute(postgres ? "SET search_path TO " + name : "USE " + name);
                    }
                    return connection;
                }

                @Override
                Schema read() {
                    try {
                        return SchemaReader.of(db.dialect()).read(connection, name);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    execute(postgres ? "DROP SCHEMA IF EXISTS " + name + " CASCADE" : "DROP DATABASE IF EXISTS " + name);
                }
            };
        }

        private String database() {
            String path = db.url().replaceAll("\\?.*", "");
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private void execute(String sql) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        @Override
        Map<Space, String> dumps(List<Space> spaces) {
            List<String> names = spaces.stream().map(s -> s.name).toList();
            Map<String, String> byName = postgres ? SchemaDump.postgresSchemas(db, names)
                    : SchemaDump.mysqlDatabases(db, names);
            Map<Space, String> out = new LinkedHashMap<>();
            spaces.forEach(s -> out.put(s, byName.get(s.name)));
            return out;
        }

        /**
         * Drops the test database, and on MariaDB every database of this lab that a case did not
         * drop (a shrinking step that jqwik abandoned at its time bound may still have made one).
         */
        @Override
        public void close() {
            try (connection) {
                if (!postgres) {
                    List<String> left = new ArrayList<>();
                    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '"
                                    + database().replace("_", "\\_") + "\\_rt%'")) {
                        while (rs.next()) {
                            left.add(rs.getString(1));
                        }
                    }
                    for (String name : left) {
                        execute("DROP DATABASE IF EXISTS `" + name + "`");
                    }
                }
            } catch (SQLException ignored) {
                // the test database is dropped next
            } finally {
                db.close();
            }
        }
    }

    /** SQLite: a file per space in one temporary folder. */
    private static final class Files_ extends RoundTripLab {
        private final Path dir;

        Files_() {
            try {
                dir = Files.createTempDirectory("graft-roundtrip-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        DialectId dialect() {
            return DialectId.SQLITE;
        }

        @Override
        Space space(String suffix) {
            String name = nextName(suffix);
            Path file = dir.resolve(name + ".db");
            Connection c;
            try {
                c = DriverManager.getConnection("jdbc:sqlite:" + file);
                try (Statement s = c.createStatement()) {
                    // No fsync per statement: a case's file lives a second, and the schema is the same.
                    s.execute("PRAGMA synchronous = OFF");
                    s.execute("PRAGMA journal_mode = MEMORY");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return new SqliteSpace(name, file, c);
        }

        @Override
        Map<Space, String> dumps(List<Space> spaces) {
            Map<Space, String> out = new LinkedHashMap<>();
            for (Space s : spaces) {
                out.put(s, normalise(SchemaDump.sqliteFile(((SqliteSpace) s).file)));
            }
            return out;
        }

        @Override
        public void close() {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind harms nothing
            }
        }
    }

    private static final class SqliteSpace extends Space {
        final Path file;
        private final Connection connection;

        SqliteSpace(String name, Path file, Connection connection) {
            super(name);
            this.file = file;
            this.connection = connection;
        }

        @Override
        Connection use() {
            return connection;
        }

        @Override
        Schema read() {
            try {
                return SchemaReader.of(DialectId.SQLITE).read(connection, null);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
                Files.deleteIfExists(file);
            } catch (SQLException | IOException ignored) {
                // the folder goes with the lab
            }
        }
    }

    /**
     * SQLite keeps each object's CREATE text as it was sent and edits it in place: ALTER TABLE ADD
     * COLUMN appends the column's text after the table's constraints, RENAME writes the new name in
     * quotes (which sqlite3's {@code .schema} then prints as {@code CREATE TABLE IF NOT EXISTS}). Two tables of the same definition compare equal here once blanks are collapsed,
     * needless quotes removed and the constraints of a CREATE TABLE put after its columns in sorted
     * order.
     */
    static String normalise(String dump) {
        List<String> out = new ArrayList<>();
        for (String statement : dump.split(";\n")) {
            String s = statement.replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")")
                    .replaceAll("\"([A-Za-z_][A-Za-z0-9_]*)\"", "$1").replace("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE ")
                    .strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("CREATE TABLE ")) {
                int open = s.indexOf('(');
                int close = SqlText.closing(s, open);
                List<String> items = SqlText.items(s, open);
                List<String> columns = new ArrayList<>();
                List<String> constraints = new ArrayList<>();
                for (String item : items) {
                    String word = SqlText.firstName(item).toUpperCase(java.util.Locale.ROOT);
                    (List.of("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT").contains(word) ? constraints
                            : columns).add(item.strip());
                }
                constraints.sort(null);
                columns.addAll(constraints);
                s = s.substring(0, open + 1) + String.join(", ", columns) + s.substring(close);
            }
            out.add(s + ";\n");
        }
        out.sort(null);
        return String.join("", out);
    }
}
