package io.graft.internal.schema;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One change of a diff: what it does to which object, whether it can lose data, and the
 * statements that make it on the diff's dialect (one, except SQLite's table rebuild; none for a
 * change the database cannot make, which {@code note} then explains).
 *
 * @param subject the object changed: {@code table}, {@code table.column}, {@code table.constraint}, ...
 * @param destructive true when running it can lose data (a dropped table or column, a narrowed type)
 */
public record Change(Kind kind, String subject, boolean destructive, String note, List<String> statements) {

    /** What a change does; the order of the constants says nothing, {@link SchemaDiff} orders changes. */
    public enum Kind {
        CREATE_EXTENSION, DROP_EXTENSION,
        CREATE_ENUM, ADD_ENUM_VALUE, DROP_ENUM,
        CREATE_DOMAIN, ALTER_DOMAIN, DROP_DOMAIN,
        CREATE_SEQUENCE, ALTER_SEQUENCE, DROP_SEQUENCE,
        CREATE_TABLE, DROP_TABLE, RENAME_TABLE, ALTER_TABLE, REBUILD_TABLE,
        ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, ALTER_COLUMN,
        ADD_CONSTRAINT, DROP_CONSTRAINT,
        CREATE_INDEX, DROP_INDEX,
        CREATE_VIEW, DROP_VIEW,
        CREATE_ROUTINE, REPLACE_ROUTINE, DROP_ROUTINE,
        CREATE_TRIGGER, DROP_TRIGGER,
        COMMENT,
        UNSUPPORTED;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The words of the comment before the statements: {@code create table}. */
        public String words() {
            return key().replace('_', ' ');
        }
    }

    public Change {
        statements = Sorting.copy(statements);
    }

    static Change of(Kind kind, String subject, boolean destructive, String... statements) {
        return new Change(kind, subject, destructive, null, List.of(statements));
    }

    /** The comment naming the change, without the {@code -- } prefix. */
    public String comment() {
        StringBuilder out = new StringBuilder();
        if (destructive) {
            out.append("DESTRUCTIVE: ");
        }
        out.append(kind.words()).append(' ').append(subject);
        if (note != null) {
            out.append(" (").append(note).append(')');
        }
        return out.toString();
    }
}
