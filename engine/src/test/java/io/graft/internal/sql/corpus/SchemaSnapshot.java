package io.graft.internal.sql.corpus;

import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What two runs of a corpus must agree on: the schema, as text that reads well in a diff, and the
 * number of rows of every table. Graft's own {@code graft_*} tables are left out.
 */
record SchemaSnapshot(String schema, Map<String, Long> rowCounts) {

    static SchemaSnapshot of(TestDatabase db, NativeClient client) {
        try (Connection c = db.connect()) {
            return switch (db.dialect()) {
                case POSTGRESQL -> new SchemaSnapshot(client.pgDump(), counts(c, tablesPostgres(c)));
                case SQLITE -> new SchemaSnapshot(sqliteSchema(c), counts(c, column(c,
                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND " + notInternal("name")
                                + " ORDER BY name").stream().map(n -> quote(n, '"')).toList()));
                case MYSQL -> mysql(c);
            };
        } catch (SQLException e) {
            throw new AssertionError("could not read the schema of " + db.url() + ": " + e.getMessage(), e);
        }
    }

    // ---- PostgreSQL: the schema comes from pg_dump

    private static List<String> tablesPostgres(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p', 'm') AND c.relispopulated"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
                        + " AND c.relname NOT LIKE 'graft\\_%' ORDER BY 1, 2")) {
            while (rs.next()) {
                names.add(quote(rs.getString(1), '"') + "." + quote(rs.getString(2), '"'));
            }
        }
        return names;
    }

    // ---- SQLite: sqlite_schema holds each object's CREATE text as it was sent

    /**
     * Two known differences are compared away. The sqlite3 shell drops the carriage return of each
     * CRLF line ending before it sends a statement, while Graft sends the file's text as it is.
     * And SQLite stores a CREATE INDEX up to the {@code ;} that ends it, blanks before the
     * {@code ;} included, while Graft's statements end at their last token; so trailing blanks
     * are trimmed. (A comment between the last token and the {@code ;} of a CREATE INDEX or
     * CREATE VIEW is stored too, and is not compared away: the corpus has none.)
     */
    private static String sqliteSchema(Connection c) throws SQLException {
        return rows(c, "SELECT type, name, tbl_name, rtrim(sql, ' ' || char(9, 10, 13)) AS sql FROM sqlite_schema"
                + " WHERE " + notInternal("name") + " AND " + notInternal("tbl_name") + " ORDER BY type, name")
                .replace("\r\n", "\n");
    }

    private static String notInternal(String column) {
        return column + " NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND " + column + " NOT LIKE 'graft\\_%' ESCAPE '\\'";
    }

    // ---- MySQL / MariaDB: SHOW CREATE for every object

    private static SchemaSnapshot mysql(Connection c) throws SQLException {
        String db = c.getCatalog();
        StringBuilder schema = new StringBuilder();
        List<String> countable = new ArrayList<>();
        String notGraft = " NOT LIKE 'graft\\_%'";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name" + notGraft + " ORDER BY table_name")) {
            List<String[]> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] t : tables) {
                String kind = switch (t[1]) {
                    case "VIEW" -> "VIEW";
                    case "SEQUENCE" -> "SEQUENCE";
                    default -> "TABLE";
                };
                schema.append(rows(c, "SHOW CREATE " + kind + " " + quote(t[0], '`')));
                if (kind.equals("TABLE")) {
                    countable.add(quote(t[0], '`'));
                }
            }
        }
        for (String routine : column(c, "SELECT CONCAT(routine_type, ' ', routine_name) FROM information_schema.routines"
                + " WHERE routine_schema = DATABASE() ORDER BY 1")) {
            int space = routine.indexOf(' ');
            schema.append(rows(c, "SHOW CREATE " + routine.substring(0, space) + " "
                    + quote(routine.substring(space + 1), '`')));
        }
        for (String trigger : column(c, "SELECT trigger_name FROM information_schema.triggers"
                + " WHERE trigger_schema = DATABASE() ORDER BY 1")) {
            schema.append(rows(c, "SHOW CREATE TRIGGER " + quote(trigger, '`')));
        }
        for (String event : column(c, "SELECT event_name FROM information_schema.events"
                + " WHERE event_schema = DATABASE() ORDER BY 1")) {
            schema.append(rows(c, "SHOW CREATE EVENT " + quote(event, '`')));
        }
        // MariaDB Connector/J asks for the CLIENT_IGNORE_SPACE capability, which adds IGNORE_SPACE
        // to the session's sql_mode, and routines and triggers store the sql_mode they were made
        // under; the mariadb client does not. That is the driver, not the splitter: leave it out.
        // Triggers also show when they were created.
        String text = schema.toString().replace(db, "DB")
                .replaceAll("(?m)^(sql_mode: .*?)IGNORE_SPACE,?", "$1")
                .replaceAll("(?m)^Created: .*\n", "");
        return new SchemaSnapshot(text, counts(c, countable));
    }

    // ---- helpers

    private static Map<String, Long> counts(Connection c, List<String> quotedTables) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : quotedTables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Every row as {@code column: value} lines, rows separated by a blank line. */
    private static String rows(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                out.append("-- ").append(sql).append('\n');
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(md.getColumnLabel(i)).append(": ").append(rs.getString(i)).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String quote(String name, char q) {
        return q + name.replace(String.valueOf(q), String.valueOf(q) + q) + q;
    }
}
