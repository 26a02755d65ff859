package io.graft.internal.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A table constraint.
 *
 * @param name the constraint's name; null where the database keeps none (SQLite's unnamed ones)
 * @param columns the constrained columns (primary key, unique, foreign key)
 * @param refTable the referenced table of a foreign key
 * @param onUpdate a foreign key's {@code ON UPDATE} action, null for the default ({@code NO ACTION})
 * @param onDelete a foreign key's {@code ON DELETE} action, null for the default
 * @param deferrable {@code deferrable} or {@code deferrable initially deferred}, or null
 * @param expression a check's expression, without the word CHECK
 * @param definition PostgreSQL's own text of the whole constraint ({@code pg_get_constraintdef}),
 *     used verbatim in DDL; null in the other dialects
 */
public record Constraint(
        String name,
        Kind kind,
        List<String> columns,
        String refTable,
        List<String> refColumns,
        String onUpdate,
        String onDelete,
        String deferrable,
        String expression,
        String definition) {

    public enum Kind {
        PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUSION;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Constraint {
        columns = Sorting.copy(columns);
        refColumns = Sorting.copy(refColumns);
    }

    public static Constraint primaryKey(String name, List<String> columns) {
        return new Constraint(name, Kind.PRIMARY_KEY, columns, null, null, null, null, null, null, null);
    }

    public static Constraint unique(String name, List<String> columns) {
        return new Constraint(name, Kind.UNIQUE, columns, null, null, null, null, null, null, null);
    }

    public static Constraint check(String name, String expression) {
        return new Constraint(name, Kind.CHECK, null, null, null, null, null, null, expression, null);
    }

    public static Constraint foreignKey(String name, List<String> columns, String refTable, List<String> refColumns,
            String onUpdate, String onDelete) {
        return new Constraint(name, Kind.FOREIGN_KEY, columns, refTable, refColumns, onUpdate, onDelete, null, null,
                null);
    }

    /** How the model sorts and matches constraints: by name, or by content where there is none. */
    @JsonIgnore
    public String sortKey() {
        if (name != null) {
            return kind.key() + " " + name;
        }
        return kind.key() + " ~" + columns + refTable + refColumns + expression;
    }

    public Constraint withName(String newName) {
        return new Constraint(newName, kind, columns, refTable, refColumns, onUpdate, onDelete, deferrable,
                expression, definition);
    }
}
