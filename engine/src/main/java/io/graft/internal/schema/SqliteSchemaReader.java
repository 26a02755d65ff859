package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite: the pragmas as table-valued functions joined to {@code sqlite_schema} (one query per
 * kind, not per table), and the stored {@code CREATE} text where no pragma tells (checks,
 * {@code AUTOINCREMENT}, collations, generated expressions, partial and expression indexes).
 * Constraints have no names here: SQLite cannot alter them, so a change rebuilds the table.
 */
final class SqliteSchemaReader implements SchemaReader {

    private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
            "FOREIGN");

    private static final ColumnText NO_COLUMN_TEXT = new ColumnText();

    private final String excludedPrefix;

    SqliteSchemaReader(String excludedPrefix) {
        this.excludedPrefix = excludedPrefix;
    }

    @Override
    public Schema read(Connection connection, String schema) throws SQLException {
        String db = schema == null ? "main" : schema;
        if (!db.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SQLException("not an attached SQLite database name: " + db);
        }
        String master = db + ".sqlite_schema";
        Map<String, String> tableSql = new TreeMap<>();
        List<View> views = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        Map<String, String> indexSql = new HashMap<>();
        List<UnknownObject> unknown = new ArrayList<>();
        boolean[] virtual = {false};
        Jdbc.query(connection, "SELECT type, name, tbl_name, sql FROM " + master + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                List.of(), rs -> {
                    String type = rs.getString(1);
                    String name = rs.getString(2);
                    String sql = rs.getString(4);
                    switch (type) {
                        case "table" -> {
                            if (!excluded(name)) {
                                tableSql.put(name, sql);
                                // SQLite keeps "CREATE TABLE" of a plain table as is; anything else
                                // (CREATE VIRTUAL TABLE) takes the way that asks SQLite below
                                virtual[0] |= sql == null || !sql.startsWith("CREATE TABLE");
                            }
                        }
                        case "view" -> views.add(new View(name, sql, false, List.of(), List.of(), null));
                        case "trigger" -> {
                            if (!excluded(rs.getString(3))) {
                                triggers.add(new Trigger(name, rs.getString(3), sql));
                            }
                        }
                        case "index" -> indexSql.put(name, sql);
                        default -> unknown.add(new UnknownObject(type, name));
                    }
                });
        Map<String, Map<String, String>> options = new HashMap<>();
        if (virtual[0]) {
            // Only a virtual table has shadow tables, which sqlite_schema lists as plain ones: ask
            // SQLite which table is which (pragma_table_list costs 15-30 ms on 1,000 tables).
            Set<String> plain = new java.util.HashSet<>();
            Jdbc.query(connection, "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = ?",
                    List.of(db), rs -> {
                        String name = rs.getString(1);
                        String type = rs.getString(2);
                        if (name.startsWith("sqlite_") || excluded(name)) {
                            return;
                        }
                        if ("virtual".equals(type)) {
                            unknown.add(new UnknownObject("virtual table", name));
                        } else if ("table".equals(type)) {
                            plain.add(name);
                            options.put(name, tableOptions(rs.getInt(3) == 1, rs.getInt(4) == 1));
                        }
                    });
            tableSql.keySet().retainAll(plain);
        } else {
            for (Map.Entry<String, String> e : tableSql.entrySet()) {
                options.put(e.getKey(), TableText.options(e.getValue()));
            }
        }

        Map<String, List<Column>> columns = new HashMap<>();
        Map<String, TreeMap<Integer, String>> pk = new HashMap<>();
        Map<String, TableText> texts = new HashMap<>();
        for (Map.Entry<String, String> e : tableSql.entrySet()) {
            texts.put(e.getKey(), TableText.parse(e.getValue()));
        }
        Jdbc.query(connection, """
                SELECT m.name AS tbl, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
                  FROM %s m JOIN pragma_table_xinfo(m.name, ?) c
                 WHERE m.type = 'table' ORDER BY m.name, c.cid
                """.formatted(master), List.of(db), rs -> {
                    // by position (tbl, name, type, notnull, dflt_value, pk, hidden): 12,000 rows
                    String table = rs.getString(1);
                    TableText text = texts.get(table);
                    if (text == null) {
                        return;
                    }
                    String name = rs.getString(2);
                    int hidden = rs.getInt(7);
                    ColumnText ct = text.columns.isEmpty() ? NO_COLUMN_TEXT
                            : text.columns.getOrDefault(name.toLowerCase(Locale.ROOT), NO_COLUMN_TEXT);
                    boolean generated = hidden == 2 || hidden == 3;
                    int pkPosition = rs.getInt(6);
                    if (pkPosition > 0) {
                        pk.computeIfAbsent(table, t -> new TreeMap<>()).put(pkPosition, name);
                    }
                    columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(name, rs.getString(3),
                            rs.getInt(4) == 1, rs.getString(5),
                            ct.autoincrement ? "autoincrement" : null,
                            generated ? ct.generated : null, generated ? (hidden == 3 ? "stored" : "virtual") : null,
                            ct.collation, null, null));
                });

        Map<String, List<Constraint>> constraints = new HashMap<>();
        for (Map.Entry<String, TreeMap<Integer, String>> e : pk.entrySet()) {
            constraints.computeIfAbsent(e.getKey(), t -> new ArrayList<>())
                    .add(Constraint.primaryKey(null, List.copyOf(e.getValue().values())));
        }
        for (Map.Entry<String, TableText> e : texts.entrySet()) {
            for (String check : e.getValue().checks) {
                constraints.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(Constraint.check(null, check));
            }
        }
        readForeignKeys(connection, master, db, texts, constraints);

        Map<String, List<Index>> indexes = new HashMap<>();
        readIndexes(connection, master, db, texts, indexSql, constraints, indexes);

        List<Table> tables = new ArrayList<>();
        for (String name : tableSql.keySet()) {
            tables.add(new Table(name, columns.get(name), constraints.get(name), indexes.get(name), options.get(name),
                    null));
        }
        return new Schema(DialectId.SQLITE, db, null, null, null, null, tables, views, null, triggers, unknown);
    }

    private void readForeignKeys(Connection connection, String master, String db, Map<String, TableText> texts,
            Map<String, List<Constraint>> constraints) throws SQLException {
        record Fk(String table, int id) {
        }
        Map<Fk, List<String[]>> parts = new LinkedHashMap<>();
        Jdbc.query(connection, """
                SELECT m.name AS tbl, f.id, f.seq, f."table" AS ref, f."from", f."to", f.on_update, f.on_delete
                  FROM %s m JOIN pragma_foreign_key_list(m.name, ?) f
                 WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq
                """.formatted(master), List.of(db), rs -> {
                    if (texts.containsKey(rs.getString("tbl"))) {
                        parts.computeIfAbsent(new Fk(rs.getString("tbl"), rs.getInt("id")), k -> new ArrayList<>())
                                .add(new String[] {rs.getString("ref"), rs.getString("from"), rs.getString("to"),
                                        rs.getString("on_update"), rs.getString("on_delete")});
                    }
                });
        for (Map.Entry<Fk, List<String[]>> e : parts.entrySet()) {
            List<String[]> rows = e.getValue();
            List<String> from = rows.stream().map(r -> r[1]).toList();
            List<String> to = rows.stream().allMatch(r -> r[2] != null) ? rows.stream().map(r -> r[2]).toList()
                    : List.of();
            constraints.computeIfAbsent(e.getKey().table(), t -> new ArrayList<>()).add(Constraint.foreignKey(null,
                    from, rows.get(0)[0], to, action(rows.get(0)[3]), action(rows.get(0)[4])));
        }
    }

    private static String action(String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION") ? null : action.toUpperCase(Locale.ROOT);
    }

    private void readIndexes(Connection connection, String master, String db, Map<String, TableText> texts,
            Map<String, String> indexSql, Map<String, List<Constraint>> constraints, Map<String, List<Index>> indexes)
            throws SQLException {
        record Ix(String table, String name, boolean unique, String origin) {
        }
        Map<String, Ix> list = new LinkedHashMap<>();
        Map<String, List<Index.Key>> keys = new HashMap<>();
        Map<String, List<String>> keyColumns = new HashMap<>();
        Map<String, List<String>> itemsOf = new HashMap<>();
        Jdbc.query(connection, """
                SELECT m.name AS tbl, il.name AS idx, il."unique", il.origin, ix.seqno, ix.name AS col, ix."desc"
                  FROM %s m JOIN pragma_index_list(m.name, ?) il JOIN pragma_index_xinfo(il.name, ?) ix
                 WHERE m.type = 'table' AND ix."key" = 1 ORDER BY m.name, il.name, ix.seqno
                """.formatted(master), List.of(db, db), rs -> {
                    String table = rs.getString("tbl");
                    if (!texts.containsKey(table)) {
                        return;
                    }
                    String idx = rs.getString("idx");
                    list.putIfAbsent(idx, new Ix(table, idx, rs.getInt("unique") == 1, rs.getString("origin")));
                    String col = rs.getString("col");
                    keyColumns.computeIfAbsent(idx, k -> new ArrayList<>()).add(col);
                    List<String> items = col != null ? List.of()
                            : itemsOf.computeIfAbsent(idx, k -> indexItems(indexSql.get(k)));
                    int seq = rs.getInt("seqno");
                    String expression = col == null && seq < items.size() ? stripOrder(items.get(seq)) : null;
                    keys.computeIfAbsent(idx, k -> new ArrayList<>())
                            .add(new Index.Key(col, expression, null, rs.getInt("desc") == 1));
                });
        for (Ix ix : list.values()) {
            switch (ix.origin()) {
                case "pk" -> {
                    // the primary key, read from table_xinfo
                }
                case "u" -> constraints.computeIfAbsent(ix.table(), t -> new ArrayList<>())
                        .add(Constraint.unique(null, keyColumns.get(ix.name())));
                default -> {
                    String sql = indexSql.get(ix.name());
                    String where = null;
                    if (sql != null) {
                        int at = SqlText.keyword(sql, "WHERE", 0);
                        where = at < 0 ? null : sql.substring(at + 5).strip();
                    }
                    indexes.computeIfAbsent(ix.table(), t -> new ArrayList<>()).add(new Index(ix.name(), ix.unique(),
                            keys.get(ix.name()), null, where, List.of(), sql));
                }
            }
        }
    }

    private static List<String> indexItems(String sql) {
        if (sql == null) {
            return List.of();
        }
        int on = SqlText.keyword(sql, "ON", 0);
        int open = SqlText.firstParen(sql, Math.max(on, 0));
        return open < 0 ? List.of() : SqlText.items(sql, open);
    }

    private static String stripOrder(String item) {
        String upper = item.toUpperCase(Locale.ROOT);
        for (String suffix : List.of(" DESC", " ASC")) {
            if (upper.endsWith(suffix)) {
                return item.substring(0, item.length() - suffix.length()).strip();
            }
        }
        return item;
    }

    private static Map<String, String> tableOptions(boolean withoutRowid, boolean strict) {
        Map<String, String> o = new LinkedHashMap<>();
        if (withoutRowid) {
            o.put("without_rowid", "true");
        }
        if (strict) {
            o.put("strict", "true");
        }
        return o;
    }

    private boolean excluded(String table) {
        return excludedPrefix != null && !excludedPrefix.isEmpty() && table.startsWith(excludedPrefix);
    }

    /** What a column's definition says that no pragma reports. */
    private static final class ColumnText {
        boolean autoincrement;
        String generated;
        String collation;
    }

    /** What a table's {@code CREATE TABLE} text says that no pragma reports. */
    private static final class TableText {
        private static final TableText NOTHING = new TableText();
        final Map<String, ColumnText> columns = new HashMap<>();
        final List<String> checks = new ArrayList<>();

        static TableText parse(String sql) {
            if (sql == null || !mentionsAny(sql)) {
                return NOTHING;
            }
            TableText text = new TableText();
            int open = SqlText.firstParen(sql, 0);
            if (open < 0) {
                return text;
            }
            for (String item : SqlText.items(sql, open)) {
                String first = SqlText.firstName(item).toUpperCase(Locale.ROOT);
                text.checks.addAll(checks(item));
                if (TABLE_CONSTRAINT_WORDS.contains(first) && !item.strip().startsWith("\"")
                        && !item.strip().startsWith("`") && !item.strip().startsWith("[")) {
                    continue;
                }
                ColumnText column = new ColumnText();
                column.autoincrement = SqlText.keyword(item, "AUTOINCREMENT", 0) >= 0;
                int collate = SqlText.keyword(item, "COLLATE", 0);
                if (collate >= 0) {
                    column.collation = SqlText.firstName(item.substring(collate + "COLLATE".length()));
                }
                int as = SqlText.keyword(item, "AS", 0);
                if (as >= 0) {
                    int paren = SqlText.firstParen(item, as);
                    if (paren >= 0) {
                        column.generated = item.substring(paren + 1, SqlText.closing(item, paren)).strip();
                    }
                }
                text.columns.put(SqlText.firstName(item).toLowerCase(Locale.ROOT), column);
            }
            return text;
        }

        /**
         * Whether {@code sql} has one of the words this reads (CHECK, AUTOINCREMENT, COLLATE, AS),
         * anywhere, as a whole word in any case: most tables have none, and one pass to say so
         * costs a fifth of reading their columns (a schema of 1,000 tables: 25 ms, cold).
         */
        static boolean mentionsAny(String sql) {
            int n = sql.length();
            int i = 0;
            while (i < n) {
                if (!Character.isLetter(sql.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && SqlText.wordChar(sql.charAt(i))) {
                    i++;
                }
                if (start > 0 && SqlText.wordChar(sql.charAt(start - 1))) {
                    continue; // a word that starts with a digit or underscore
                }
                int length = i - start;
                if ((length == 2 && sql.regionMatches(true, start, "AS", 0, 2))
                        || (length == 5 && sql.regionMatches(true, start, "CHECK", 0, 5))
                        || (length == 7 && sql.regionMatches(true, start, "COLLATE", 0, 7))
                        || (length == 13 && sql.regionMatches(true, start, "AUTOINCREMENT", 0, 13))) {
                    return true;
                }
            }
            return false;
        }

        /** WITHOUT ROWID and STRICT: the table options after the list of columns. */
        static Map<String, String> options(String sql) {
            int open = SqlText.firstParen(sql, 0);
            if (open < 0) {
                return tableOptions(false, false);
            }
            int close = SqlText.closing(sql, open);
            String tail = close + 1 >= sql.length() ? "" : sql.substring(close + 1);
            return tableOptions(SqlText.keyword(tail, "ROWID", 0) >= 0, SqlText.keyword(tail, "STRICT", 0) >= 0);
        }

        private static List<String> checks(String item) {
            List<String> out = new ArrayList<>();
            int from = 0;
            while (true) {
                int at = SqlText.keyword(item, "CHECK", from);
                if (at < 0) {
                    return out;
                }
                int paren = SqlText.firstParen(item, at);
                if (paren < 0) {
                    return out;
                }
                int close = SqlText.closing(item, paren);
                out.add(item.substring(paren + 1, close).strip());
                from = close;
            }
        }
    }
}
