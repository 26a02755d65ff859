package io.graft.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * SQLite's DDL. {@code ALTER TABLE} can only rename, add a plain column and drop an unreferenced
 * one; every other change rebuilds the table the way SQLite documents it
 * (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table under a
 * temporary name, copy the rows, drop the old table, rename the new one, create its indexes
 * (triggers and views are created again by the diff), and check the foreign keys.
 *
 * <p>SQLite cannot switch foreign key enforcement inside a transaction ({@code PRAGMA
 * foreign_keys} is then a no-op), so a rebuild relies on it being off, SQLite's default: with it on,
 * dropping the old table would run its {@code ON DELETE} actions. The final
 * {@code PRAGMA foreign_key_check} lists rows that no longer match.
 */
final class SqliteDdl extends Ddl {

    @Override
    String quote(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("ABORT", "ACTION", "ADD", "AFTER", "ALL",
            "ALTER", "ANALYZE", "AND", "AS", "ASC", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE",
            "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DEFAULT", "DEFERRABLE", "DELETE", "DESC",
            "DISTINCT", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "FOREIGN", "FROM", "FULL",
            "GENERATED", "GROUP", "HAVING", "IF", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS",
            "ISNULL", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NOTNULL", "NULL", "OF", "OFFSET",
            "ON", "OR", "ORDER", "OUTER", "PRIMARY", "REFERENCES", "RENAME", "REPLACE", "RIGHT", "ROLLBACK", "ROW",
            "SELECT", "SET", "TABLE", "THEN", "TO", "TRANSACTION", "TRIGGER", "UNION", "UNIQUE", "UPDATE", "USING",
            "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE", "WITH", "WITHOUT");

    @Override
    boolean foreignKeysInline() {
        return true;
    }

    @Override
    String createTable(Table table) {
        return createTable(table, table.name());
    }

    private String createTable(Table table, String name) {
        List<String> parts = new ArrayList<>();
        String inlinePk = inlinePrimaryKey(table);
        for (Column c : table.columns()) {
            String def = columnDefinition(table, c);
            parts.add(def);
        }
        for (Constraint k : table.constraints()) {
            if (k.kind() == Constraint.Kind.PRIMARY_KEY && inlinePk != null) {
                continue;
            }
            parts.add(constraintClause(k));
        }
        List<String> options = new ArrayList<>();
        if (table.option("without_rowid") != null) {
            options.add("WITHOUT ROWID");
        }
        if (table.option("strict") != null) {
            options.add("STRICT");
        }
        return "CREATE TABLE " + quote(name) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (options.isEmpty() ? "" : " " + String.join(", ", options));
    }

    /** The one column whose key is written on it: an AUTOINCREMENT key must be. */
    private String inlinePrimaryKey(Table table) {
        return table.primaryKey().filter(pk -> pk.columns().size() == 1)
                .flatMap(pk -> table.column(pk.columns().get(0)))
                .filter(c -> c.identity() != null).map(Column::name).orElse(null);
    }

    private String constraintClause(Constraint k) {
        String name = k.name() != null ? "CONSTRAINT " + quote(k.name()) + " " : "";
        return switch (k.kind()) {
            case PRIMARY_KEY -> name + "PRIMARY KEY (" + quoteAll(k.columns()) + ")";
            case UNIQUE -> name + "UNIQUE (" + quoteAll(k.columns()) + ")";
            case CHECK -> name + "CHECK (" + k.expression() + ")";
            case FOREIGN_KEY -> name + "FOREIGN KEY (" + quoteAll(k.columns()) + ") REFERENCES " + quote(k.refTable())
                    + (k.refColumns().isEmpty() ? "" : " (" + quoteAll(k.refColumns()) + ")")
                    + (k.onDelete() != null ? " ON DELETE " + k.onDelete() : "")
                    + (k.onUpdate() != null ? " ON UPDATE " + k.onUpdate() : "")
                    + (k.deferrable() != null ? " " + upper(k.deferrable()) : "");
            case EXCLUSION -> throw new UnsupportedOperationException("SQLite has no exclusion constraints");
        };
    }

    @Override
    String columnDefinition(Table table, Column c) {
        StringBuilder out = new StringBuilder(quote(c.name()));
        if (c.type() != null && !c.type().isEmpty()) {
            out.append(' ').append(c.type());
        }
        if (c.identity() != null && c.name().equals(inlinePrimaryKey(table))) {
            out.append(" PRIMARY KEY AUTOINCREMENT");
        }
        if (c.notNull()) {
            out.append(" NOT NULL");
        }
        if (c.defaultValue() != null) {
            out.append(" DEFAULT ").append(defaultExpression(c.defaultValue()));
        }
        if (c.collation() != null) {
            out.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            out.append(" GENERATED ALWAYS AS (").append(c.generated()).append(")")
                    .append("stored".equals(c.generatedKind()) ? " STORED" : " VIRTUAL");
        }
        return out.toString();
    }

    /** A default as the pragma reports it: literals as they are, anything else in parentheses. */
    static String defaultExpression(String value) {
        String v = value.strip();
        String upper = v.toUpperCase(Locale.ROOT);
        if (v.startsWith("(") || v.startsWith("'") || v.matches("[+-]?[0-9.]+([eE][+-]?[0-9]+)?")
                || v.matches("(?i)x'[0-9a-f]*'") || List.of("NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE",
                        "CURRENT_TIMESTAMP").contains(upper)) {
            return v;
        }
        return "(" + v + ")";
    }

    /** Whether {@code ALTER TABLE ADD COLUMN} can add this column (SQLite's own list of limits). */
    boolean canAdd(Column c) {
        if (c.identity() != null || "stored".equals(c.generatedKind())) {
            return false;
        }
        String d = c.defaultValue() == null ? null : c.defaultValue().strip().toUpperCase(Locale.ROOT);
        if (d != null && (d.startsWith("(") || d.startsWith("CURRENT_") || !defaultExpression(d).equals(d))) {
            return false;
        }
        return !c.notNull() || (d != null && !d.equals("NULL"));
    }

    @Override
    List<String> alterColumn(Table table, Column from, Column to) {
        throw new UnsupportedOperationException("SQLite alters a column by rebuilding its table");
    }

    @Override
    List<String> alterTable(Table from, Table to, List<String> existing) {
        return List.of();
    }

    @Override
    String addConstraint(Table table, Constraint constraint) {
        throw new UnsupportedOperationException("SQLite adds a constraint by rebuilding its table");
    }

    @Override
    String dropConstraint(Table table, Constraint constraint) {
        throw new UnsupportedOperationException("SQLite drops a constraint by rebuilding its table");
    }

    @Override
    String createIndex(Table table, Index index) {
        if (index.definition() != null) {
            return index.definition();
        }
        List<String> keys = new ArrayList<>();
        for (Index.Key k : index.keys()) {
            keys.add((k.column() != null ? quote(k.column()) : k.expression()) + (k.descending() ? " DESC" : ""));
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(table.name()) + " (" + String.join(", ", keys) + ")"
                + (index.where() != null ? " WHERE " + index.where() : "");
    }

    @Override
    String dropIndex(String table, Index index) {
        return "DROP INDEX " + quote(index.name());
    }

    @Override
    List<String> rebuild(Table from, Table to, List<String[]> copiedColumns) {
        String temporary = to.name() + "_graft_new";
        List<String> out = new ArrayList<>();
        out.add(createTable(to, temporary));
        if (!copiedColumns.isEmpty()) {
            List<String> target = new ArrayList<>();
            List<String> source = new ArrayList<>();
            for (String[] pair : copiedColumns) {
                source.add(quote(pair[0]));
                target.add(quote(pair[1]));
            }
            out.add("INSERT INTO " + quote(temporary) + " (" + String.join(", ", target) + ") SELECT "
                    + String.join(", ", source) + " FROM " + quote(from.name()));
        }
        out.add("DROP TABLE " + quote(from.name()));
        out.add("ALTER TABLE " + quote(temporary) + " RENAME TO " + quote(to.name()));
        for (Index index : to.indexes()) {
            out.add(createIndex(to, index));
        }
        out.add("PRAGMA foreign_key_check(" + quote(to.name()) + ")");
        return out;
    }

    @Override
    List<String> createView(View view) {
        return List.of(view.definition());
    }

    @Override
    String dropView(View view) {
        return "DROP VIEW " + quote(view.name());
    }

    @Override
    String createRoutine(Routine routine) {
        throw new UnsupportedOperationException("SQLite has no stored routines");
    }

    @Override
    String dropRoutine(Routine routine) {
        throw new UnsupportedOperationException("SQLite has no stored routines");
    }

    @Override
    String dropTrigger(Trigger trigger) {
        return "DROP TRIGGER " + quote(trigger.name());
    }

    boolean sameColumn(Column a, Column b) {
        return Objects.equals(a, b);
    }
}
