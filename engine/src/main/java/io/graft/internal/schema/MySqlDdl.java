package io.graft.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** MySQL's and MariaDB's DDL: a changed column is one {@code MODIFY COLUMN} with its whole definition. */
final class MySqlDdl extends Ddl {

    @Override
    String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    String createTable(Table table) {
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(columnDefinition(table, c));
        }
        for (Constraint k : table.constraints()) {
            if (k.kind() != Constraint.Kind.FOREIGN_KEY) {
                parts.add(constraintClause(k));
            }
        }
        return "CREATE TABLE " + quote(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + tableOptions(table, table.options().keySet().stream().toList(), true);
    }

    private String tableOptions(Table table, List<String> keys, boolean withComment) {
        StringBuilder out = new StringBuilder();
        if (keys.contains("engine") && table.option("engine") != null) {
            out.append(" ENGINE=").append(table.option("engine"));
        }
        if (keys.contains("charset") && table.option("charset") != null) {
            out.append(" DEFAULT CHARSET=").append(table.option("charset"));
        }
        if (keys.contains("collation") && table.option("collation") != null) {
            out.append(" COLLATE=").append(table.option("collation"));
        }
        if (withComment && table.comment() != null) {
            out.append(" COMMENT=").append(literal(table.comment()));
        }
        return out.toString();
    }

    private String constraintClause(Constraint k) {
        return switch (k.kind()) {
            case PRIMARY_KEY -> "PRIMARY KEY (" + quoteAll(k.columns()) + ")";
            case UNIQUE -> (k.name() != null ? "CONSTRAINT " + quote(k.name()) + " " : "") + "UNIQUE ("
                    + quoteAll(k.columns()) + ")";
            case CHECK -> (k.name() != null ? "CONSTRAINT " + quote(k.name()) + " " : "") + "CHECK (" + k.expression()
                    + ")";
            case FOREIGN_KEY -> (k.name() != null ? "CONSTRAINT " + quote(k.name()) + " " : "") + "FOREIGN KEY ("
                    + quoteAll(k.columns()) + ") REFERENCES " + quote(k.refTable()) + " (" + quoteAll(k.refColumns())
                    + ")" + (k.onDelete() != null ? " ON DELETE " + k.onDelete() : "")
                    + (k.onUpdate() != null ? " ON UPDATE " + k.onUpdate() : "");
            case EXCLUSION -> throw new UnsupportedOperationException("MySQL has no exclusion constraints");
        };
    }

    @Override
    String columnDefinition(Table table, Column c) {
        StringBuilder out = new StringBuilder(quote(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            out.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            out.append(" GENERATED ALWAYS AS (").append(c.generated()).append(")")
                    .append("stored".equals(c.generatedKind()) ? " STORED" : " VIRTUAL");
        } else {
            out.append(c.notNull() ? " NOT NULL" : " NULL");
            if (c.defaultValue() != null) {
                out.append(" DEFAULT ").append(c.defaultValue());
            }
            if (c.onUpdate() != null) {
                out.append(" ON UPDATE ").append(c.onUpdate());
            }
            if (c.identity() != null) {
                out.append(" AUTO_INCREMENT");
            }
        }
        if (c.comment() != null) {
            out.append(" COMMENT ").append(literal(c.comment()));
        }
        return out.toString();
    }

    @Override
    List<String> alterColumn(Table table, Column from, Column to) {
        return List.of("ALTER TABLE " + quote(table.name()) + " MODIFY COLUMN " + columnDefinition(table, to));
    }

    /**
     * A new default charset or collation converts the table ({@code CONVERT TO}), as a table
     * created with it would be; that also converts (and may widen) every text column, so each one
     * that exists is then given its definition again.
     */
    @Override
    List<String> alterTable(Table from, Table to, List<String> existing) {
        List<String> out = new ArrayList<>();
        String t = "ALTER TABLE " + quote(to.name());
        if (!Objects.equals(from.option("engine"), to.option("engine")) && to.option("engine") != null) {
            out.add(t + " ENGINE=" + to.option("engine"));
        }
        if (!Objects.equals(from.option("charset"), to.option("charset"))
                || !Objects.equals(from.option("collation"), to.option("collation"))) {
            out.add(t + " CONVERT TO CHARACTER SET " + to.option("charset") + " COLLATE " + to.option("collation"));
            for (Column c : to.columns()) {
                if (existing.contains(c.name()) && c.generated() == null && TEXTUAL.matcher(c.type()).lookingAt()) {
                    out.add(t + " MODIFY COLUMN " + columnDefinition(to, c));
                }
            }
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            out.add(t + " COMMENT=" + literal(to.comment() == null ? "" : to.comment()));
        }
        return out;
    }

    private static final java.util.regex.Pattern TEXTUAL = java.util.regex.Pattern.compile(
            "(?i)(char|varchar|tinytext|text|mediumtext|longtext|enum|set)\\b");

    @Override
    String renameTable(String from, String to) {
        return "RENAME TABLE " + quote(from) + " TO " + quote(to);
    }

    /**
     * "Cannot change column ...: used in a foreign key constraint" (errors 1832, 1833), "Cannot
     * drop index ...: needed in a foreign key constraint" (1553).
     */
    @Override
    boolean foreignKeysPinTheirColumns() {
        return true;
    }

    /** "There can be only one auto column and it must be defined as a key" (error 1075). */
    @Override
    boolean identityNeedsKey() {
        return true;
    }

    @Override
    String addConstraint(Table table, Constraint k) {
        return "ALTER TABLE " + quote(table.name()) + " ADD " + constraintClause(k);
    }

    @Override
    String dropConstraint(Table table, Constraint k) {
        String t = "ALTER TABLE " + quote(table.name());
        return switch (k.kind()) {
            case PRIMARY_KEY -> t + " DROP PRIMARY KEY";
            case FOREIGN_KEY -> t + " DROP FOREIGN KEY " + quote(k.name());
            case UNIQUE -> t + " DROP INDEX " + quote(k.name());
            default -> t + " DROP CONSTRAINT " + quote(k.name());
        };
    }

    @Override
    String createIndex(Table table, Index index) {
        List<String> keys = new ArrayList<>();
        for (Index.Key k : index.keys()) {
            String key = k.column() != null ? quote(k.column()) : "(" + k.expression() + ")";
            if (k.length() != null) {
                key += "(" + k.length() + ")";
            }
            keys.add(key + (k.descending() ? " DESC" : ""));
        }
        String kind = index.unique() ? "UNIQUE " : "fulltext".equals(index.method()) ? "FULLTEXT "
                : "spatial".equals(index.method()) ? "SPATIAL " : "";
        return "CREATE " + kind + "INDEX " + quote(index.name()) + " ON " + quote(table.name()) + " ("
                + String.join(", ", keys) + ")" + ("hash".equals(index.method()) ? " USING HASH" : "");
    }

    @Override
    String dropIndex(String table, Index index) {
        return "DROP INDEX " + quote(index.name()) + " ON " + quote(table);
    }

    @Override
    List<String> createView(View view) {
        return List.of("CREATE VIEW " + quote(view.name()) + " AS " + view.definition());
    }

    @Override
    String dropView(View view) {
        return "DROP VIEW " + quote(view.name());
    }

    @Override
    String createRoutine(Routine routine) {
        return routine.definition();
    }

    @Override
    String dropRoutine(Routine routine) {
        return "DROP " + upper(routine.kind()) + " " + quote(routine.name());
    }

    @Override
    String dropTrigger(Trigger trigger) {
        return "DROP TRIGGER " + quote(trigger.name());
    }
}
