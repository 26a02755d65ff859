package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas {@link RoundTripGenerators} makes: a small description of tables, views, sequences
 * and enum types, written out as each dialect's DDL (in the style Graft's own DDL writes it, so that
 * SQLite's stored text compares) together with the rows that go into its tables.
 *
 * <p>Every table gets three rows; the value of a column in row {@code r} depends only on its family
 * and {@code r} (integers 1..3, texts {@code v1}..{@code v3}, ...), so that a foreign key to a
 * table's {@code c0} always finds its row, every key is unique and every generated check holds.
 */
final class RoundTripSchemas {

    static final int ROWS = 3;

    private RoundTripSchemas() {
    }

    /** What a column holds; the type varies inside a family only, so that its values convert. */
    enum Family {
        INT, TEXT, NUM, DATE, ENUM
    }

    record Col(String name, Family family, String type, boolean notNull, String dflt, String identity,
            String collation, String comment) {
    }

    /** A foreign key from {@code column} to {@code refTable.c0}. */
    record Fk(String name, String column, String refTable, String onDelete) {
    }

    /** {@code kind}: plain, partial ({@code WHERE col IS NOT NULL}) or expression (on the first column). */
    record Ix(String name, List<String> columns, boolean unique, boolean desc, String kind, Integer prefix) {
    }

    record Tbl(String name, List<Col> columns, List<String> pk, List<List<String>> uniques, List<String> checks,
            List<Fk> fks, List<Ix> indexes, String comment, String collation, boolean strict, boolean withoutRowid) {

        Optional<Col> column(String n) {
            return columns.stream().filter(c -> c.name().equals(n)).findFirst();
        }
    }

    record Vw(String name, String table, List<String> columns, boolean filtered) {
    }

    record Seq(String name, int increment, int start, boolean cycle) {
    }

    record Spec(List<Tbl> tables, List<Vw> views, List<Seq> sequences, List<String> enums) {

        Optional<Tbl> table(String n) {
            return tables.stream().filter(t -> t.name().equals(n)).findFirst();
        }
    }

    /** Two schemas of one dialect; printed as their DDL when a property fails. */
    /** {@code renames}: B's renamed columns, as {@code --rename} takes them ({@code t0.c2=c2r}). */
    record Pair(DialectId dialect, Spec a, Spec b, List<String> renames) {
        @Override
        public String toString() {
            return "\n-- A (" + dialect.key() + ")\n" + ddl(dialect, a) + "\n-- B" + (renames.isEmpty() ? ""
                    : " (--rename " + String.join(" --rename ", renames) + ")") + "\n" + ddl(dialect, b);
        }
    }

    static final List<String> ENUM_E0 = List.of("a", "b", "c");
    static final List<String> ENUM_E1 = List.of("a", "z");

    static String ddl(DialectId dialect, Spec spec) {
        StringBuilder out = new StringBuilder();
        if (dialect == DialectId.POSTGRESQL) {
            for (String e : spec.enums()) {
                List<String> labels = e.equals("e0") ? ENUM_E0 : ENUM_E1;
                out.append("CREATE TYPE ").append(e).append(" AS ENUM ('").append(String.join("', '", labels))
                        .append("');\n");
            }
            for (Seq s : spec.sequences()) {
                out.append("CREATE SEQUENCE ").append(s.name()).append(" INCREMENT BY ").append(s.increment())
                        .append(" START WITH ").append(s.start()).append(s.cycle() ? " CYCLE" : "").append(";\n");
            }
        }
        for (Tbl t : spec.tables()) {
            out.append(createTable(dialect, t)).append(";\n");
        }
        for (Tbl t : spec.tables()) {
            if (dialect != DialectId.SQLITE) {
                for (Fk fk : t.fks()) {
                    out.append("ALTER TABLE ").append(t.name()).append(" ADD CONSTRAINT ").append(fk.name())
                            .append(" ").append(fkClause(fk)).append(";\n");
                }
            }
            for (Ix ix : t.indexes()) {
                out.append(createIndex(dialect, t, ix)).append(";\n");
            }
            if (dialect == DialectId.POSTGRESQL) {
                if (t.comment() != null) {
                    out.append("COMMENT ON TABLE ").append(t.name()).append(" IS ").append(literal(t.comment()))
                            .append(";\n");
                }
                for (Col c : t.columns()) {
                    if (c.comment() != null) {
                        out.append("COMMENT ON COLUMN ").append(t.name()).append('.').append(c.name()).append(" IS ")
                                .append(literal(c.comment())).append(";\n");
                    }
                }
            }
        }
        for (Vw v : spec.views()) {
            out.append("CREATE VIEW ").append(v.name()).append(" AS SELECT ").append(String.join(", ", v.columns()))
                    .append(" FROM ").append(v.table()).append(v.filtered() ? " WHERE c0 > 1" : "").append(";\n");
        }
        return out.toString();
    }

    private static String createTable(DialectId dialect, Tbl t) {
        List<String> parts = new ArrayList<>();
        boolean inlinePk = false;
        for (Col c : t.columns()) {
            StringBuilder def = new StringBuilder(c.name()).append(' ').append(c.type());
            switch (dialect) {
                case SQLITE -> {
                    if (c.identity() != null) {
                        def.append(" PRIMARY KEY AUTOINCREMENT");
                        inlinePk = true;
                    }
                    if (c.notNull()) {
                        def.append(" NOT NULL");
                    }
                    if (c.dflt() != null) {
                        def.append(" DEFAULT ").append(c.dflt());
                    }
                    if (c.collation() != null) {
                        def.append(" COLLATE ").append(c.collation());
                    }
                }
                case POSTGRESQL -> {
                    if (c.collation() != null) {
                        def.append(" COLLATE \"").append(c.collation()).append('"');
                    }
                    if (c.dflt() != null) {
                        def.append(" DEFAULT ").append(c.dflt());
                    }
                    if (c.identity() != null) {
                        def.append(" GENERATED ").append(c.identity().toUpperCase(java.util.Locale.ROOT))
                                .append(" AS IDENTITY");
                    }
                    if (c.notNull()) {
                        def.append(" NOT NULL");
                    }
                }
                case MYSQL -> {
                    if (c.collation() != null) {
                        def.append(" COLLATE ").append(c.collation());
                    }
                    def.append(c.notNull() ? " NOT NULL" : " NULL");
                    if (c.dflt() != null) {
                        def.append(" DEFAULT ").append(c.dflt());
                    }
                    if (c.identity() != null) {
                        def.append(" AUTO_INCREMENT");
                    }
                    if (c.comment() != null) {
                        def.append(" COMMENT ").append(literal(c.comment()));
                    }
                }
            }
            parts.add(def.toString());
        }
        boolean sqlite = dialect == DialectId.SQLITE;
        if (!t.pk().isEmpty() && !inlinePk) {
            parts.add("PRIMARY KEY (" + String.join(", ", t.pk()) + ")");
        }
        for (int i = 0; i < t.uniques().size(); i++) {
            parts.add((sqlite ? "" : "CONSTRAINT " + t.name() + "_uq" + i + " ") + "UNIQUE ("
                    + String.join(", ", t.uniques().get(i)) + ")");
        }
        for (int i = 0; i < t.checks().size(); i++) {
            String col = t.checks().get(i);
            parts.add((sqlite ? "" : "CONSTRAINT " + t.name() + "_ck" + i + " ") + "CHECK ("
                    + check(t.column(col).orElseThrow()) + ")");
        }
        if (sqlite) {
            for (Fk fk : t.fks()) {
                parts.add(fkClause(fk));
            }
        }
        StringBuilder out = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (\n    ")
                .append(String.join(",\n    ", parts)).append("\n)");
        if (sqlite) {
            List<String> options = new ArrayList<>();
            if (t.withoutRowid()) {
                options.add("WITHOUT ROWID");
            }
            if (t.strict()) {
                options.add("STRICT");
            }
            if (!options.isEmpty()) {
                out.append(' ').append(String.join(", ", options));
            }
        }
        if (dialect == DialectId.MYSQL) {
            out.append(" ENGINE=InnoDB");
            if (t.collation() != null) {
                out.append(" DEFAULT CHARSET=").append(t.collation().substring(0, t.collation().indexOf('_')))
                        .append(" COLLATE=").append(t.collation());
            }
            if (t.comment() != null) {
                out.append(" COMMENT=").append(literal(t.comment()));
            }
        }
        return out.toString();
    }

    /** A check every generated value (and default) satisfies. */
    static String check(Col c) {
        return switch (c.family()) {
            case INT, NUM -> c.name() + " >= 0";
            case TEXT -> c.name() + " <> 'zzz'";
            case ENUM -> c.name() + "::text <> 'zzz'";
            case DATE -> c.name() + " > '1999-01-01'";
        };
    }

    private static String fkClause(Fk fk) {
        return "FOREIGN KEY (" + fk.column() + ") REFERENCES " + fk.refTable() + " (c0)"
                + (fk.onDelete() != null ? " ON DELETE " + fk.onDelete() : "");
    }

    private static String createIndex(DialectId dialect, Tbl t, Ix ix) {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < ix.columns().size(); k++) {
            String col = ix.columns().get(k);
            String key = col;
            if (k == 0 && ix.kind().equals("expression")) {
                Family f = t.column(col).orElseThrow().family();
                key = f == Family.TEXT ? "lower(" + col + ")" : "(" + col + " + 1)";
            } else if (ix.prefix() != null && t.column(col).orElseThrow().family() == Family.TEXT) {
                key = col + "(" + ix.prefix() + ")";
            }
            keys.add(key + (k == 0 && ix.desc() ? " DESC" : ""));
        }
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + ix.name() + " ON " + t.name() + " ("
                + String.join(", ", keys) + ")"
                + (ix.kind().equals("partial") ? " WHERE " + ix.columns().get(0) + " IS NOT NULL" : "");
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The value of column {@code c} in row {@code r} (1-based), as an SQL literal. */
    static String value(Col c, int r) {
        return switch (c.family()) {
            case INT -> String.valueOf(r);
            case TEXT -> "'v" + r + "'";
            case NUM -> r + ".5";
            case DATE -> "'2024-01-0" + r + "'";
            case ENUM -> "'a'";
        };
    }

    /** The INSERTs that fill every table of {@code spec} with {@link #ROWS} rows. */
    static List<String> rows(DialectId dialect, Spec spec) {
        List<String> out = new ArrayList<>();
        // The rows match every foreign key once all are in, whichever table is filled first.
        switch (dialect) {
            case POSTGRESQL -> out.add("SET session_replication_role = replica");
            case MYSQL -> out.add("SET FOREIGN_KEY_CHECKS = 0");
            case SQLITE -> { }
        }
        for (Tbl t : spec.tables()) {
            List<String> names = t.columns().stream().map(Col::name).toList();
            List<String> tuples = new ArrayList<>();
            for (int r = 1; r <= ROWS; r++) {
                int row = r;
                tuples.add("(" + String.join(", ", t.columns().stream().map(c -> value(c, row)).toList()) + ")");
            }
            out.add("INSERT INTO " + t.name() + " (" + String.join(", ", names) + ")"
                    + (dialect == DialectId.POSTGRESQL ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES "
                    + String.join(", ", tuples));
        }
        switch (dialect) {
            case POSTGRESQL -> out.add("SET session_replication_role = DEFAULT");
            case MYSQL -> out.add("SET FOREIGN_KEY_CHECKS = 1");
            case SQLITE -> { }
        }
        return out;
    }
}
