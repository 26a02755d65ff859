package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * MySQL and MariaDB: one {@code information_schema} query per kind of object (routines: one
 * {@code SHOW CREATE} each, for their complete text). The database's name is taken out of view
 * definitions, and {@code DEFINER} out of routines, so that a scratch database reads like the one it
 * stands for. A column's charset and collation are recorded only where they differ from the table's.
 */
final class MySqlSchemaReader implements SchemaReader {

    private final String excludedPrefix;

    MySqlSchemaReader(String excludedPrefix) {
        this.excludedPrefix = excludedPrefix;
    }

    private boolean excluded(String table) {
        return excludedPrefix != null && !excludedPrefix.isEmpty() && table.startsWith(excludedPrefix);
    }

    @Override
    public Schema read(Connection connection, String schema) throws SQLException {
        String db = schema != null ? schema : Jdbc.single(connection, "SELECT DATABASE()", List.of());
        if (db == null) {
            throw new SQLException("no database selected: name one in the URL");
        }
        boolean mariadb = String.valueOf(Jdbc.single(connection, "SELECT VERSION()", List.of()))
                .toLowerCase(Locale.ROOT).contains("mariadb");
        List<Object> p = List.of(db);
        Map<String, Parts> tables = new TreeMap<>();
        List<UnknownObject> unknown = new ArrayList<>();
        Jdbc.query(connection, """
                SELECT t.table_name, t.table_type, t.engine, t.table_collation, t.table_comment, c.character_set_name
                  FROM information_schema.tables t
                  LEFT JOIN information_schema.collations c ON c.collation_name = t.table_collation
                 WHERE t.table_schema = ?
                """, p, rs -> {
                    String name = rs.getString("table_name");
                    String type = rs.getString("table_type");
                    if (excluded(name) || "VIEW".equals(type)) {
                        return;
                    }
                    if (!"BASE TABLE".equals(type)) {
                        unknown.add(new UnknownObject(type.toLowerCase(Locale.ROOT), name));
                        return;
                    }
                    Parts t = new Parts(name);
                    t.options.put("engine", rs.getString("engine"));
                    t.options.put("charset", rs.getString("character_set_name"));
                    t.options.put("collation", rs.getString("table_collation"));
                    String comment = rs.getString("table_comment");
                    t.comment = comment == null || comment.isEmpty() ? null : comment;
                    tables.put(name, t);
                });
        readColumns(connection, p, tables, mariadb);
        readIndexes(connection, p, tables);
        readForeignKeys(connection, p, tables);
        readChecks(connection, p, tables);

        List<View> views = new ArrayList<>();
        String qualifier = quote(db) + ".";
        Jdbc.query(connection, "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = ?",
                p, rs -> views.add(new View(rs.getString(1), rs.getString(2).replace(qualifier, ""), false, List.of(),
                        List.of(), null)));

        List<Trigger> triggers = new ArrayList<>();
        Jdbc.query(connection, """
                SELECT trigger_name, event_manipulation, event_object_table, action_timing, action_statement
                  FROM information_schema.triggers WHERE trigger_schema = ?
                """, p, rs -> {
                    String table = rs.getString("event_object_table");
                    if (!excluded(table)) {
                        triggers.add(new Trigger(rs.getString("trigger_name"), table, "CREATE TRIGGER "
                                + quote(rs.getString("trigger_name")) + " " + rs.getString("action_timing") + " "
                                + rs.getString("event_manipulation") + " ON " + quote(table) + " FOR EACH ROW "
                                + rs.getString("action_statement").replace(qualifier, "")));
                    }
                });

        List<String[]> routineNames = new ArrayList<>();
        Jdbc.query(connection, "SELECT routine_name, routine_type FROM information_schema.routines WHERE routine_schema = ?",
                p, rs -> routineNames.add(new String[] {rs.getString(1), rs.getString(2)}));
        List<Routine> routines = new ArrayList<>();
        for (String[] r : routineNames) {
            String kind = r[1].toLowerCase(Locale.ROOT);
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SHOW CREATE " + r[1] + " " + qualifier + quote(r[0]))) {
                if (rs.next()) {
                    String def = rs.getString(3);
                    if (def != null) {
                        def = def.replaceFirst("(?i)^CREATE\\s+DEFINER\\s*=\\s*\\S+\\s+", "CREATE ");
                    }
                    routines.add(new Routine(r[0], kind, null, def));
                }
            }
        }
        Jdbc.query(connection, "SELECT event_name FROM information_schema.events WHERE event_schema = ?", p,
                rs -> unknown.add(new UnknownObject("event", rs.getString(1))));

        List<Table> tableList = new ArrayList<>();
        for (Parts t : tables.values()) {
            tableList.add(new Table(t.name, t.columns, t.constraints, t.indexes, t.options, t.comment));
        }
        return new Schema(DialectId.MYSQL, db, null, null, null, null, tableList, views, routines, triggers, unknown);
    }

    private void readColumns(Connection connection, List<Object> p, Map<String, Parts> tables, boolean mariadb)
            throws SQLException {
        Jdbc.query(connection, """
                SELECT table_name, column_name, column_type, is_nullable, column_default, extra, generation_expression,
                       character_set_name, collation_name, column_comment
                  FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position
                """, p, rs -> {
                    Parts t = tables.get(rs.getString("table_name"));
                    if (t == null) {
                        return;
                    }
                    String extra = String.valueOf(rs.getString("extra")).toLowerCase(Locale.ROOT);
                    boolean generated = extra.contains("generated") && !extra.contains("default_generated");
                    String def = rs.getString("column_default");
                    boolean nullable = "YES".equals(rs.getString("is_nullable"));
                    if (mariadb) {
                        if ("NULL".equals(def)) {
                            def = null;
                        }
                    } else if (def != null && !extra.contains("default_generated")) {
                        def = "'" + def.replace("'", "''") + "'";
                    }
                    String onUpdate = null;
                    int on = extra.indexOf("on update ");
                    if (on >= 0) {
                        onUpdate = rs.getString("extra").substring(on + "on update ".length()).strip();
                    }
                    String collation = rs.getString("collation_name");
                    if (collation != null && collation.equals(t.options.get("collation"))) {
                        collation = null;
                    }
                    String comment = rs.getString("column_comment");
                    t.columns.add(new Column(rs.getString("column_name"), rs.getString("column_type"), !nullable,
                            generated ? null : def, extra.contains("auto_increment") ? "auto_increment" : null,
                            generated ? rs.getString("generation_expression") : null,
                            generated ? (extra.contains("stored") || extra.contains("persistent") ? "stored" : "virtual")
                                    : null,
                            collation, onUpdate, comment == null || comment.isEmpty() ? null : comment));
                });
    }

    private void readIndexes(Connection connection, List<Object> p, Map<String, Parts> tables) throws SQLException {
        record Ix(String table, String name) {
        }
        Map<Ix, List<Index.Key>> keys = new LinkedHashMap<>();
        Map<Ix, Boolean> unique = new HashMap<>();
        Map<Ix, String> types = new HashMap<>();
        Jdbc.query(connection, """
                SELECT table_name, index_name, non_unique, seq_in_index, column_name, sub_part, collation, index_type
                  FROM information_schema.statistics WHERE table_schema = ? ORDER BY table_name, index_name, seq_in_index
                """, p, rs -> {
                    if (!tables.containsKey(rs.getString("table_name"))) {
                        return;
                    }
                    Ix ix = new Ix(rs.getString("table_name"), rs.getString("index_name"));
                    int sub = rs.getInt("sub_part");
                    Integer length = rs.wasNull() ? null : sub;
                    keys.computeIfAbsent(ix, k -> new ArrayList<>()).add(new Index.Key(rs.getString("column_name"), null,
                            length, "D".equals(rs.getString("collation"))));
                    unique.put(ix, rs.getInt("non_unique") == 0);
                    types.put(ix, rs.getString("index_type"));
                });
        for (Map.Entry<Ix, List<Index.Key>> e : keys.entrySet()) {
            Parts t = tables.get(e.getKey().table());
            String name = e.getKey().name();
            if ("PRIMARY".equals(name)) {
                t.constraints.add(Constraint.primaryKey(null,
                        e.getValue().stream().map(Index.Key::column).toList()));
                continue;
            }
            String type = types.get(e.getKey());
            String method = "FULLTEXT".equals(type) || "SPATIAL".equals(type) ? type.toLowerCase(Locale.ROOT)
                    : "HASH".equals(type) ? "hash" : null;
            t.indexes.add(new Index(name, unique.get(e.getKey()), e.getValue(), method, null, List.of(), null));
        }
    }

    private void readForeignKeys(Connection connection, List<Object> p, Map<String, Parts> tables) throws SQLException {
        record Fk(String table, String name, String ref, String onUpdate, String onDelete) {
        }
        Map<Fk, List<String[]>> fks = new LinkedHashMap<>();
        Jdbc.query(connection, """
                SELECT r.table_name, r.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule,
                       k.column_name, k.referenced_column_name
                  FROM information_schema.referential_constraints r
                  JOIN information_schema.key_column_usage k ON k.constraint_schema = r.constraint_schema
                   AND k.constraint_name = r.constraint_name AND k.table_name = r.table_name
                 WHERE r.constraint_schema = ?
                 ORDER BY r.table_name, r.constraint_name, k.ordinal_position
                """, p, rs -> {
                    if (!tables.containsKey(rs.getString(1))) {
                        return;
                    }
                    Fk fk = new Fk(rs.getString(1), rs.getString(2), rs.getString(3), action(rs.getString(4)),
                            action(rs.getString(5)));
                    fks.computeIfAbsent(fk, k -> new ArrayList<>()).add(new String[] {rs.getString(6), rs.getString(7)});
                });
        for (Map.Entry<Fk, List<String[]>> e : fks.entrySet()) {
            Fk fk = e.getKey();
            tables.get(fk.table()).constraints.add(Constraint.foreignKey(fk.name(),
                    e.getValue().stream().map(c -> c[0]).toList(), fk.ref(),
                    e.getValue().stream().map(c -> c[1]).toList(), fk.onUpdate(), fk.onDelete()));
        }
    }

    private void readChecks(Connection connection, List<Object> p, Map<String, Parts> tables) throws SQLException {
        Jdbc.query(connection, """
                SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints
                 WHERE constraint_schema = ?
                """, p, rs -> {
                    Parts t = tables.get(rs.getString(1));
                    if (t != null) {
                        t.constraints.add(Constraint.check(rs.getString(2), rs.getString(3)));
                    }
                });
    }

    /** InnoDB's RESTRICT and NO ACTION are the same, and the default: both are null in the model. */
    private static String action(String rule) {
        return rule == null || rule.equalsIgnoreCase("NO ACTION") || rule.equalsIgnoreCase("RESTRICT") ? null
                : rule.toUpperCase(Locale.ROOT);
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static final class Parts {
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final Map<String, String> options = new LinkedHashMap<>();
        String comment;

        Parts(String name) {
            this.name = name;
        }
    }
}
