package io.graft.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** PostgreSQL's DDL; constraints, indexes, functions and triggers use the catalog's own text. */
final class PostgresDdl extends Ddl {

    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
            "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
            "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with");

    /** The enum types of the schema a diff starts from: a column of one is retyped through text. */
    private Set<String> enums = Set.of();

    PostgresDdl withEnums(Set<String> names) {
        this.enums = Set.copyOf(names);
        return this;
    }

    @Override
    String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    String createTable(Table table) {
        String unlogged = table.option("unlogged") != null ? "UNLOGGED " : "";
        String parent = table.option("partition_of");
        if (parent != null) {
            return "CREATE " + unlogged + "TABLE " + quote(table.name()) + " PARTITION OF " + quote(parent) + " "
                    + table.option("partition_bound");
        }
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(columnDefinition(table, c));
        }
        for (Constraint k : table.constraints()) {
            if (k.kind() != Constraint.Kind.FOREIGN_KEY) {
                parts.add("CONSTRAINT " + quote(k.name()) + " " + k.definition());
            }
        }
        String partition = table.option("partition_by") != null ? " PARTITION BY " + table.option("partition_by") : "";
        return "CREATE " + unlogged + "TABLE " + quote(table.name()) + " (\n    " + String.join(",\n    ", parts)
                + "\n)" + partition;
    }

    @Override
    String columnDefinition(Table table, Column c) {
        StringBuilder out = new StringBuilder(quote(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            out.append(" COLLATE ").append(quote(c.collation()));
        }
        if (c.generated() != null) {
            out.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        } else if (c.defaultValue() != null) {
            out.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.identity() != null) {
            out.append(" GENERATED ").append(upper(c.identity())).append(" AS IDENTITY");
        }
        if (c.notNull()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    @Override
    List<String> alterColumn(Table table, Column from, Column to) {
        String prefix = "ALTER TABLE " + quote(table.name()) + " ALTER COLUMN " + quote(to.name()) + " ";
        List<String> out = new ArrayList<>();
        if (!Objects.equals(from.generated(), to.generated())) {
            // A generation expression cannot be altered: the column is computed again.
            out.add("ALTER TABLE " + quote(table.name()) + " DROP COLUMN " + quote(from.name()));
            out.add("ALTER TABLE " + quote(table.name()) + " ADD COLUMN " + columnDefinition(table, to));
            if (!Objects.equals(from.comment(), to.comment()) || to.comment() != null) {
                out.add(columnComment(table, to));
            }
            return out;
        }
        if (from.identity() != null && !Objects.equals(from.identity(), to.identity())) {
            out.add(prefix + (to.identity() == null ? "DROP IDENTITY" : "SET GENERATED " + upper(to.identity())));
        }
        boolean retype = !Objects.equals(from.type(), to.type());
        // The default is cast with the column, and not every default can be ('a'::e0 to e1, 'x'::text
        // to an enum): it goes before the new type and comes back after it.
        boolean defaultGoes = retype && from.defaultValue() != null;
        if (defaultGoes) {
            out.add(prefix + "DROP DEFAULT");
        }
        if (retype || !Objects.equals(from.collation(), to.collation())) {
            // No cast joins two enum types: an enum's values go through text.
            String value = quote(to.name()) + (enums.contains(from.type()) && !to.type().equals("text") ? "::text" : "");
            out.add(prefix + "TYPE " + to.type() + (to.collation() != null ? " COLLATE " + quote(to.collation()) : "")
                    + " USING " + value + "::" + to.type());
        }
        if (defaultGoes ? to.defaultValue() != null : !Objects.equals(from.defaultValue(), to.defaultValue())) {
            out.add(prefix + (to.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultValue()));
        }
        if (from.identity() == null && to.identity() != null) {
            if (!to.notNull() || !from.notNull()) {
                out.add(prefix + "SET NOT NULL");
            }
            out.add(prefix + "ADD GENERATED " + upper(to.identity()) + " AS IDENTITY");
        }
        if (from.notNull() != to.notNull() && !(from.identity() == null && to.identity() != null)) {
            out.add(prefix + (to.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            out.add(columnComment(table, to));
        }
        return out;
    }

    private String columnComment(Table table, Column c) {
        return "COMMENT ON COLUMN " + quote(table.name()) + "." + quote(c.name()) + " IS "
                + (c.comment() == null ? "NULL" : literal(c.comment()));
    }

    @Override
    List<String> comments(Table table, Column column) {
        return column.comment() == null ? List.of() : List.of(columnComment(table, column));
    }

    @Override
    List<String> comments(Table table) {
        List<String> out = new ArrayList<>();
        if (table.comment() != null) {
            out.add("COMMENT ON TABLE " + quote(table.name()) + " IS " + literal(table.comment()));
        }
        for (Column c : table.columns()) {
            if (c.comment() != null) {
                out.add(columnComment(table, c));
            }
        }
        return out;
    }

    @Override
    String cannotAlter(Table from, Table to) {
        for (String key : List.of("partition_by", "partition_of", "partition_bound")) {
            if (!Objects.equals(from.option(key), to.option(key))) {
                return "its partitioning (" + key.replace('_', ' ') + ") changes";
            }
        }
        return null;
    }

    @Override
    List<String> alterTable(Table from, Table to, List<String> existing) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(from.option("unlogged"), to.option("unlogged"))) {
            out.add("ALTER TABLE " + quote(to.name()) + (to.option("unlogged") != null ? " SET UNLOGGED" : " SET LOGGED"));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            out.add("COMMENT ON TABLE " + quote(to.name()) + " IS "
                    + (to.comment() == null ? "NULL" : literal(to.comment())));
        }
        return out;
    }

    @Override
    String addConstraint(Table table, Constraint k) {
        return "ALTER TABLE " + quote(table.name()) + " ADD CONSTRAINT " + quote(k.name()) + " " + k.definition();
    }

    @Override
    String dropConstraint(Table table, Constraint k) {
        return "ALTER TABLE " + quote(table.name()) + " DROP CONSTRAINT " + quote(k.name());
    }

    @Override
    String createIndex(Table table, Index index) {
        return index.definition();
    }

    @Override
    String dropIndex(String table, Index index) {
        return "DROP INDEX " + quote(index.name());
    }

    @Override
    List<String> createView(View view) {
        String def = view.definition().strip();
        if (def.endsWith(";")) {
            def = def.substring(0, def.length() - 1);
        }
        String kind = view.materialized() ? "MATERIALIZED VIEW " : "VIEW ";
        List<String> out = new ArrayList<>();
        out.add("CREATE " + kind + quote(view.name()) + " AS\n" + def);
        for (Index i : view.indexes()) {
            out.add(i.definition());
        }
        if (view.comment() != null) {
            out.add("COMMENT ON " + kind + quote(view.name()) + " IS " + literal(view.comment()));
        }
        return out;
    }

    @Override
    String dropView(View view) {
        return "DROP " + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + quote(view.name());
    }

    @Override
    String createRoutine(Routine routine) {
        return routine.definition();
    }

    @Override
    String dropRoutine(Routine routine) {
        return "DROP " + upper(routine.kind()) + " " + quote(routine.name()) + "(" + routine.arguments() + ")";
    }

    @Override
    String dropTrigger(Trigger trigger) {
        return "DROP TRIGGER " + quote(trigger.name()) + " ON " + quote(trigger.table());
    }

    @Override
    String createExtension(Extension extension) {
        return "CREATE EXTENSION IF NOT EXISTS " + quote(extension.name());
    }

    @Override
    String dropExtension(Extension extension) {
        return "DROP EXTENSION " + quote(extension.name());
    }

    @Override
    String createEnum(EnumType type) {
        List<String> labels = new ArrayList<>();
        for (String l : type.labels()) {
            labels.add(literal(l));
        }
        return "CREATE TYPE " + quote(type.name()) + " AS ENUM (" + String.join(", ", labels) + ")";
    }

    @Override
    String addEnumValue(EnumType type, String label, String before) {
        return "ALTER TYPE " + quote(type.name()) + " ADD VALUE " + literal(label)
                + (before != null ? " BEFORE " + literal(before) : "");
    }

    @Override
    String dropType(String name) {
        return "DROP TYPE " + quote(name);
    }

    @Override
    String createDomain(DomainType d) {
        StringBuilder out = new StringBuilder("CREATE DOMAIN ").append(quote(d.name())).append(" AS ").append(d.baseType());
        if (d.collation() != null) {
            out.append(" COLLATE ").append(quote(d.collation()));
        }
        if (d.defaultValue() != null) {
            out.append(" DEFAULT ").append(d.defaultValue());
        }
        if (d.notNull()) {
            out.append(" NOT NULL");
        }
        for (String check : d.checks()) {
            out.append(' ').append(check);
        }
        return out.toString();
    }

    @Override
    List<String> alterDomain(DomainType from, DomainType to) {
        String prefix = "ALTER DOMAIN " + quote(to.name()) + " ";
        List<String> out = new ArrayList<>();
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            out.add(prefix + (to.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultValue()));
        }
        if (from.notNull() != to.notNull()) {
            out.add(prefix + (to.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        for (String check : to.checks()) {
            if (!from.checks().contains(check)) {
                out.add(prefix + "ADD " + check);
            }
        }
        return out;
    }

    @Override
    String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + quote(s.name()) + sequenceOptions(s);
    }

    private String sequenceOptions(Sequence s) {
        return " AS " + s.type() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    @Override
    String alterSequence(Sequence s, boolean ownedBy) {
        if (ownedBy) {
            String owner = s.ownedBy();
            if (owner == null) {
                return "ALTER SEQUENCE " + quote(s.name()) + " OWNED BY NONE";
            }
            int dot = owner.indexOf('.');
            return "ALTER SEQUENCE " + quote(s.name()) + " OWNED BY " + quote(owner.substring(0, dot)) + "."
                    + quote(owner.substring(dot + 1));
        }
        return "ALTER SEQUENCE " + quote(s.name()) + sequenceOptions(s);
    }

    @Override
    String dropSequence(Sequence s) {
        return "DROP SEQUENCE " + quote(s.name());
    }
}
