package io.graft.internal.importer;

import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of a test database as catalog rows (tables, columns, indexes, views, constraints,
 * triggers and routines), without Graft's history tables and the other tool's, and without the
 * database's own name, so that two databases migrated by different tools can be compared.
 */
final class ProofSchema {

    private ProofSchema() {
    }

    /** The schema of {@code db}, leaving out the tables {@code graft_*} and {@code otherHistory}. */
    static String of(TestDatabase db, String otherHistory) {
        String not = " NOT LIKE 'graft\\_%' AND %s <> '" + otherHistory + "'";
        List<String> queries = switch (db.dialect()) {
            case SQLITE -> List.of("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%'"
                    + " ESCAPE '\\' AND name NOT LIKE 'graft\\_%' ESCAPE '\\' AND name <> '" + otherHistory + "'"
                    + " ORDER BY type, name");
            case POSTGRESQL -> List.of(
                    // the position among the live columns: a dropped column leaves a gap in ordinal_position,
                    // which pg_dump does not show either
                    "SELECT table_name, column_name, ROW_NUMBER() OVER (PARTITION BY table_name ORDER BY"
                            + " ordinal_position), data_type, character_maximum_length, is_nullable, column_default"
                            + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name"
                            + not.replace("%s", "table_name") + " ORDER BY 1, 3",
                    "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename"
                            + not.replace("%s", "tablename") + " ORDER BY 1, 2",
                    "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1",
                    "SELECT conname, contype, conrelid::regclass::text FROM pg_constraint WHERE connamespace ="
                            + " 'public'::regnamespace AND conrelid::regclass::text"
                            + not.replace("%s", "conrelid::regclass::text") + " ORDER BY 1",
                    "SELECT proname, pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                            + " ORDER BY 1",
                    "SELECT tgname, tgrelid::regclass::text, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
                            + " ORDER BY 1");
            case MYSQL -> List.of(
                    "SELECT table_name, column_name, ordinal_position, column_type, is_nullable, column_default, column_key"
                            + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name"
                            + not.replace("%s", "table_name") + " ORDER BY 1, 3",
                    "SELECT table_name, index_name, seq_in_index, column_name, non_unique FROM information_schema.statistics"
                            + " WHERE table_schema = DATABASE() AND table_name" + not.replace("%s", "table_name")
                            + " ORDER BY 1, 2, 3",
                    "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = DATABASE()"
                            + " ORDER BY 1",
                    "SELECT trigger_name, event_manipulation, event_object_table, action_timing, action_statement"
                            + " FROM information_schema.triggers WHERE trigger_schema = DATABASE() ORDER BY 1",
                    "SELECT routine_name, routine_type, routine_definition FROM information_schema.routines"
                            + " WHERE routine_schema = DATABASE() ORDER BY 1");
        };
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect()) {
            String database = c.getCatalog();
            for (String q : queries) {
                out.append("-- ").append(q).append('\n');
                for (Object row : rows(c, q)) {
                    String text = row.toString();
                    out.append(database == null || database.isEmpty() ? text : text.replace(database, "DB")).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        // statements reach SQLite as sent; the tools may differ in the blanks after the last token
        return out.toString().replaceAll("[ \t\r]+\n", "\n");
    }

    static List<Object> rows(TestDatabase db, String sql) {
        try (Connection c = db.connect()) {
            return rows(c, sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static List<Object> rows(Connection c, String sql) throws SQLException {
        List<Object> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
