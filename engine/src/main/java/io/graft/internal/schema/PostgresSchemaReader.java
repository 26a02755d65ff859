package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL: one query per kind of object over {@code pg_catalog}, the database's own
 * {@code pg_get_*def} functions for the text of constraints, indexes, views, functions and
 * triggers. While reading, {@code search_path} is the schema read, so that names in that text are
 * not qualified with it (and a scratch schema reads like the schema it stands for); it is restored
 * afterwards. Objects that belong to an extension are the extension's.
 */
final class PostgresSchemaReader implements SchemaReader {

    private static final String NOT_EXTENSION = "\n AND NOT EXISTS (SELECT 1 FROM pg_depend e"
            + " WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')";

    private final String excludedPrefix;

    PostgresSchemaReader(String excludedPrefix) {
        this.excludedPrefix = excludedPrefix;
    }

    @Override
    public Schema read(Connection connection, String schema) throws SQLException {
        String name = schema != null ? schema : Jdbc.single(connection, "SELECT current_schema()", List.of());
        if (name == null) {
            throw new SQLException("no current schema: the search_path names no schema that exists");
        }
        String oldPath = Jdbc.single(connection, "SELECT current_setting('search_path')", List.of());
        Jdbc.single(connection, "SELECT set_config('search_path', quote_ident(?), false)", List.of(name));
        try {
            return new Reading(connection, name).read();
        } finally {
            Jdbc.single(connection, "SELECT set_config('search_path', ?, false)", List.of(oldPath));
        }
    }

    private boolean excluded(String table) {
        return excludedPrefix != null && !excludedPrefix.isEmpty() && table.startsWith(excludedPrefix);
    }

    private final class Reading {
        private final Connection connection;
        private final String schema;
        private final List<Object> ns;
        private final Map<String, TableParts> tables = new TreeMap<>();
        private final List<View> views = new ArrayList<>();
        private final Map<String, List<Index>> viewIndexes = new HashMap<>();
        private final List<UnknownObject> unknown = new ArrayList<>();

        Reading(Connection connection, String schema) {
            this.connection = connection;
            this.schema = schema;
            this.ns = List.of(schema);
        }

        Schema read() throws SQLException {
            readTables();
            readColumns();
            readConstraints();
            readIndexes();
            readViews();
            List<Table> tableList = new ArrayList<>();
            for (TableParts t : tables.values()) {
                tableList.add(new Table(t.name, t.columns, t.constraints, t.indexes, t.options, t.comment));
            }
            List<View> viewList = new ArrayList<>();
            for (View v : views) {
                viewList.add(new View(v.name(), v.definition(), v.materialized(), v.dependsOn(),
                        viewIndexes.getOrDefault(v.name(), List.of()), v.comment()));
            }
            readUnknown();
            return new Schema(DialectId.POSTGRESQL, schema, readExtensions(), readEnums(), readDomains(),
                    readSequences(), tableList, viewList, readRoutines(), readTriggers(), unknown);
        }

        private String namespace() {
            return "(SELECT oid FROM pg_namespace WHERE nspname = ?)";
        }

        private void readTables() throws SQLException {
            String sql = """
                    SELECT c.relname, c.relkind, c.relpersistence, c.relispartition,
                           CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partkey,
                           (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                             WHERE i.inhrelid = c.oid AND c.relispartition) AS parent,
                           CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
                           obj_description(c.oid, 'pg_class') AS comment,
                           c.relrowsecurity,
                           EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition) AS inherits
                      FROM pg_class c
                     WHERE c.relnamespace = %s AND c.relkind IN ('r', 'p')%s
                    """.formatted(namespace(), NOT_EXTENSION.formatted("pg_class", "c.oid"));
            Jdbc.query(connection, sql, ns, rs -> {
                String name = rs.getString("relname");
                if (excluded(name)) {
                    return;
                }
                TableParts t = new TableParts(name);
                if (rs.getString("partkey") != null) {
                    t.options.put("partition_by", rs.getString("partkey"));
                }
                if (rs.getBoolean("relispartition")) {
                    t.options.put("partition_of", rs.getString("parent"));
                    t.options.put("partition_bound", rs.getString("bound"));
                }
                if ("u".equals(rs.getString("relpersistence"))) {
                    t.options.put("unlogged", "true");
                }
                t.comment = rs.getString("comment");
                tables.put(name, t);
                if (rs.getBoolean("relrowsecurity")) {
                    unknown.add(new UnknownObject("row level security", name));
                }
                if (rs.getBoolean("inherits")) {
                    unknown.add(new UnknownObject("table inheritance", name));
                }
            });
        }

        private void readColumns() throws SQLException {
            String sql = """
                    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                           pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity, a.attgenerated,
                           CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
                           col_description(c.oid, a.attnum) AS comment
                      FROM pg_attribute a
                      JOIN pg_class c ON c.oid = a.attrelid
                      JOIN pg_type t ON t.oid = a.atttypid
                      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                      LEFT JOIN pg_collation co ON co.oid = a.attcollation
                     WHERE c.relnamespace = %s AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                     ORDER BY c.relname, a.attnum
                    """.formatted(namespace());
            Jdbc.query(connection, sql, ns, rs -> {
                TableParts t = tables.get(rs.getString("relname"));
                if (t == null || t.options.containsKey("partition_of")) {
                    return; // a partition's columns are its parent's
                }
                String def = rs.getString("def");
                String identity = switch (String.valueOf(rs.getString("attidentity"))) {
                    case "a" -> "always";
                    case "d" -> "by default";
                    default -> null;
                };
                boolean generated = "s".equals(rs.getString("attgenerated"));
                t.columns.add(new Column(rs.getString("attname"), rs.getString("type"), rs.getBoolean("attnotnull"),
                        generated ? null : def, identity, generated ? def : null, generated ? "stored" : null,
                        rs.getString("collation"), null, rs.getString("comment")));
            });
        }

        private void readConstraints() throws SQLException {
            String sql = """
                    SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid, true) AS def,
                           k.condeferrable, k.condeferred, k.confupdtype, k.confdeltype, f.relname AS reftable,
                           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS cols,
                           ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS refcols
                      FROM pg_constraint k
                      JOIN pg_class c ON c.oid = k.conrelid
                      LEFT JOIN pg_class f ON f.oid = k.confrelid
                     WHERE c.relnamespace = %s AND c.relkind IN ('r', 'p') AND k.contype IN ('p', 'u', 'f', 'c', 'x')
                       AND k.conparentid = 0
                    """.formatted(namespace());
            Jdbc.query(connection, sql, ns, rs -> {
                TableParts t = tables.get(rs.getString("relname"));
                if (t == null) {
                    return;
                }
                String def = rs.getString("def");
                Constraint.Kind kind = switch (rs.getString("contype")) {
                    case "p" -> Constraint.Kind.PRIMARY_KEY;
                    case "u" -> Constraint.Kind.UNIQUE;
                    case "f" -> Constraint.Kind.FOREIGN_KEY;
                    case "c" -> Constraint.Kind.CHECK;
                    default -> Constraint.Kind.EXCLUSION;
                };
                String deferrable = !rs.getBoolean("condeferrable") ? null
                        : rs.getBoolean("condeferred") ? "deferrable initially deferred" : "deferrable";
                boolean fk = kind == Constraint.Kind.FOREIGN_KEY;
                String expression = null;
                if (kind == Constraint.Kind.CHECK) {
                    expression = def.startsWith("CHECK ") ? def.substring(6) : def;
                }
                t.constraints.add(new Constraint(rs.getString("conname"), kind,
                        kind == Constraint.Kind.CHECK ? List.of() : Jdbc.strings(rs, "cols"),
                        fk ? rs.getString("reftable") : null, fk ? Jdbc.strings(rs, "refcols") : List.of(),
                        fk ? action(rs.getString("confupdtype")) : null, fk ? action(rs.getString("confdeltype")) : null,
                        deferrable, expression, def));
            });
        }

        private String action(String code) {
            return switch (String.valueOf(code)) {
                case "r" -> "RESTRICT";
                case "c" -> "CASCADE";
                case "n" -> "SET NULL";
                case "d" -> "SET DEFAULT";
                default -> null;
            };
        }

        private void readIndexes() throws SQLException {
            String sql = """
                    SELECT t.relname AS tablename, t.relkind, i.relname AS indexname, x.indisunique,
                           pg_get_indexdef(x.indexrelid, 0, true) AS def, am.amname,
                           pg_get_expr(x.indpred, x.indrelid, true) AS pred, x.indnkeyatts, x.indnatts,
                           x.indoption::text AS options, x.indkey::text AS attnums,
                           ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnatts) k
                                  ORDER BY k) AS keys
                      FROM pg_index x
                      JOIN pg_class i ON i.oid = x.indexrelid
                      JOIN pg_class t ON t.oid = x.indrelid
                      JOIN pg_am am ON am.oid = i.relam
                     WHERE t.relnamespace = %s AND t.relkind IN ('r', 'p', 'm')
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid
                                        AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))
                       AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = x.indexrelid)
                    """.formatted(namespace());
            Jdbc.query(connection, sql, ns, rs -> {
                String table = rs.getString("tablename");
                String[] attnums = rs.getString("attnums").trim().split("\\s+");
                String[] options = rs.getString("options").trim().split("\\s+");
                List<String> all = Jdbc.strings(rs, "keys");
                int keyCount = rs.getInt("indnkeyatts");
                List<Index.Key> keys = new ArrayList<>();
                List<String> include = new ArrayList<>();
                for (int k = 0; k < all.size(); k++) {
                    boolean expression = k < attnums.length && "0".equals(attnums[k]);
                    if (k < keyCount) {
                        boolean desc = k < options.length && (Integer.parseInt(options[k]) & 1) != 0;
                        keys.add(new Index.Key(expression ? null : all.get(k), expression ? all.get(k) : null, null,
                                desc));
                    } else {
                        include.add(all.get(k));
                    }
                }
                String method = rs.getString("amname");
                // A partitioned table's index reads "ON ONLY t"; created that way it would cover no partition.
                String def = rs.getString("def").replaceFirst(" ON ONLY ", " ON ");
                Index index = new Index(rs.getString("indexname"), rs.getBoolean("indisunique"), keys,
                        "btree".equals(method) ? null : method, rs.getString("pred"), include, def);
                if ("m".equals(rs.getString("relkind"))) {
                    viewIndexes.computeIfAbsent(table, x -> new ArrayList<>()).add(index);
                } else if (tables.containsKey(table)) {
                    tables.get(table).indexes.add(index);
                }
            });
        }

        private void readViews() throws SQLException {
            String sql = """
                    SELECT c.relname, c.relkind, pg_get_viewdef(c.oid, true) AS def,
                           obj_description(c.oid, 'pg_class') AS comment,
                           ARRAY(SELECT DISTINCT d.relname::text FROM pg_rewrite r
                                   JOIN pg_depend dp ON dp.objid = r.oid AND dp.classid = 'pg_rewrite'::regclass
                                   JOIN pg_class d ON d.oid = dp.refobjid AND dp.refclassid = 'pg_class'::regclass
                                  WHERE r.ev_class = c.oid AND d.oid <> c.oid AND d.relnamespace = c.relnamespace) AS deps
                      FROM pg_class c
                     WHERE c.relnamespace = %s AND c.relkind IN ('v', 'm')%s
                    """.formatted(namespace(), NOT_EXTENSION.formatted("pg_class", "c.oid"));
            Jdbc.query(connection, sql, ns, rs -> views.add(new View(rs.getString("relname"), rs.getString("def"),
                    "m".equals(rs.getString("relkind")), Jdbc.strings(rs, "deps"), List.of(),
                    rs.getString("comment"))));
        }

        private List<Sequence> readSequences() throws SQLException {
            String sql = """
                    SELECT c.relname, format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement, s.seqmin,
                           s.seqmax, s.seqcache, s.seqcycle,
                           (SELECT t.relname || '.' || a.attname FROM pg_depend d
                              JOIN pg_class t ON t.oid = d.refobjid
                              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                             WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
                               AND d.refclassid = 'pg_class'::regclass) AS owned
                      FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid
                     WHERE c.relnamespace = %s AND c.relkind = 'S'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                        AND d.objid = c.oid AND d.deptype = 'i')%s
                    """.formatted(namespace(), NOT_EXTENSION.formatted("pg_class", "c.oid"));
            List<Sequence> out = new ArrayList<>();
            Jdbc.query(connection, sql, ns, rs -> {
                String name = rs.getString("relname");
                if (excluded(name)) {
                    return;
                }
                out.add(new Sequence(name, rs.getString("type"), rs.getLong("seqstart"),
                        rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
                        rs.getBoolean("seqcycle"), rs.getString("owned")));
            });
            return out;
        }

        private List<Extension> readExtensions() throws SQLException {
            List<Extension> out = new ArrayList<>();
            Jdbc.query(connection, "SELECT extname FROM pg_extension WHERE extnamespace = " + namespace(), ns,
                    rs -> out.add(new Extension(rs.getString(1))));
            return out;
        }

        private List<EnumType> readEnums() throws SQLException {
            String sql = """
                    SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
                      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                     WHERE t.typnamespace = %s%s
                     GROUP BY t.typname
                    """.formatted(namespace(), NOT_EXTENSION.formatted("pg_type", "t.oid"));
            List<EnumType> out = new ArrayList<>();
            Jdbc.query(connection, sql, ns, rs -> out.add(new EnumType(rs.getString(1), Jdbc.strings(rs, "labels"))));
            return out;
        }

        private List<DomainType> readDomains() throws SQLException {
            String sql = """
                    SELECT t.typname, format_type(t.typbasetype, t.typtypmod) AS base, t.typnotnull, t.typdefault,
                           CASE WHEN t.typcollation <> b.typcollation THEN co.collname END AS collation,
                           ARRAY(SELECT pg_get_constraintdef(k.oid, true) FROM pg_constraint k
                                  WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) AS checks
                      FROM pg_type t
                      JOIN pg_type b ON b.oid = t.typbasetype
                      LEFT JOIN pg_collation co ON co.oid = t.typcollation
                     WHERE t.typnamespace = %s AND t.typtype = 'd'%s
                    """.formatted(namespace(), NOT_EXTENSION.formatted("pg_type", "t.oid"));
            List<DomainType> out = new ArrayList<>();
            Jdbc.query(connection, sql, ns, rs -> out.add(new DomainType(rs.getString("typname"),
                    rs.getString("base"), rs.getBoolean("typnotnull"), rs.getString("typdefault"),
                    rs.getString("collation"), Jdbc.strings(rs, "checks"))));
            return out;
        }

        private List<Routine> readRoutines() throws SQLException {
            String sql = """
                    SELECT p.proname, p.prokind, pg_get_function_identity_arguments(p.oid) AS args,
                           pg_get_functiondef(p.oid) AS def
                      FROM pg_proc p
                     WHERE p.pronamespace = %s AND p.prokind IN ('f', 'p')%s
                    """.formatted(namespace(), NOT_EXTENSION.formatted("pg_proc", "p.oid"));
            List<Routine> out = new ArrayList<>();
            String qualifier = Jdbc.single(connection, "SELECT quote_ident(?)", ns) + ".";
            Jdbc.query(connection, sql, ns, rs -> {
                String def = rs.getString("def").strip();
                // pg_get_functiondef always qualifies the routine's own name; the model names it unqualified.
                int at = def.indexOf(qualifier);
                int paren = def.indexOf('(');
                if (at > 0 && (paren < 0 || at < paren)) {
                    def = def.substring(0, at) + def.substring(at + qualifier.length());
                }
                out.add(new Routine(rs.getString("proname"), "p".equals(rs.getString("prokind")) ? "procedure" : "function",
                        rs.getString("args"), def));
            });
            return out;
        }

        private List<Trigger> readTriggers() throws SQLException {
            String sql = """
                    SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid, true) AS def
                      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                     WHERE c.relnamespace = %s AND NOT t.tgisinternal AND t.tgparentid = 0
                    """.formatted(namespace());
            List<Trigger> out = new ArrayList<>();
            Jdbc.query(connection, sql, ns, rs -> {
                if (!excluded(rs.getString("relname"))) {
                    out.add(new Trigger(rs.getString("tgname"), rs.getString("relname"), rs.getString("def")));
                }
            });
            return out;
        }

        private void readUnknown() throws SQLException {
            String n = "(SELECT oid FROM ns)";
            String sql = """
                    WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = ?)
                    SELECT CASE c.relkind WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'composite type' END, c.relname
                      FROM pg_class c WHERE c.relnamespace = %1$s AND c.relkind IN ('f', 'c')%2$s
                    UNION ALL
                    SELECT CASE t.typtype WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type'
                                          ELSE 'base type' END, t.typname
                      FROM pg_type t WHERE t.typnamespace = %1$s AND t.typtype IN ('b', 'r', 'm')
                       AND t.typelem = 0 AND t.typrelid = 0%3$s
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                        AND d.objid = t.oid AND d.deptype = 'i')
                    UNION ALL
                    SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END, p.proname
                      FROM pg_proc p WHERE p.pronamespace = %1$s AND p.prokind IN ('a', 'w')%4$s
                    UNION ALL
                    SELECT 'policy', c.relname || '.' || pol.polname
                      FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid WHERE c.relnamespace = %1$s
                    UNION ALL
                    SELECT 'rule', c.relname || '.' || r.rulename
                      FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
                     WHERE c.relnamespace = %1$s AND r.rulename <> '_RETURN'
                    UNION ALL
                    SELECT 'collation', x.collname FROM pg_collation x WHERE x.collnamespace = %1$s%5$s
                    UNION ALL
                    SELECT DISTINCT 'operator', x.oprname FROM pg_operator x WHERE x.oprnamespace = %1$s%6$s
                    UNION ALL
                    SELECT 'statistics', x.stxname FROM pg_statistic_ext x WHERE x.stxnamespace = %1$s%7$s
                    UNION ALL
                    SELECT 'text search configuration', x.cfgname FROM pg_ts_config x WHERE x.cfgnamespace = %1$s%8$s
                    """.formatted(n, NOT_EXTENSION.formatted("pg_class", "c.oid"),
                    NOT_EXTENSION.formatted("pg_type", "t.oid"), NOT_EXTENSION.formatted("pg_proc", "p.oid"),
                    NOT_EXTENSION.formatted("pg_collation", "x.oid"), NOT_EXTENSION.formatted("pg_operator", "x.oid"),
                    NOT_EXTENSION.formatted("pg_statistic_ext", "x.oid"), NOT_EXTENSION.formatted("pg_ts_config", "x.oid"));
            Jdbc.query(connection, sql, ns, rs -> unknown.add(new UnknownObject(rs.getString(1), rs.getString(2))));
        }
    }

    private static final class TableParts {
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final Map<String, String> options = new LinkedHashMap<>();
        String comment;

        TableParts(String name) {
            this.name = name;
        }
    }
}
