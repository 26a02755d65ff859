package io.graft.internal.sql;

import java.util.List;
import java.util.Objects;

/**
 * What {@link StatementClassifier} found out about one statement.
 *
 * @param kind DDL, DML or other
 * @param destructive whether it throws data away: {@code DROP TABLE}, {@code DROP SCHEMA},
 *     {@code DROP DATABASE}, {@code ALTER TABLE ... DROP COLUMN}, {@code TRUNCATE}, and
 *     {@code DELETE}/{@code UPDATE} without {@code WHERE}; or a guarantee the data relied on:
 *     {@code ALTER TABLE ... DROP CONSTRAINT} (and MySQL's {@code DROP FOREIGN KEY},
 *     {@code DROP PRIMARY KEY}, {@code DROP CHECK}). A narrowed column type cannot be told from
 *     the statement alone: {@code graft diff} marks it with a {@code -- DESTRUCTIVE:} comment, which lint reads
 * @param destructiveReason what makes it destructive, e.g. "DROP TABLE users"; null when it is not
 * @param tables the tables it names, as written (possibly schema-qualified), in a stable order;
 *     empty when it names none or could not be parsed
 * @param parsed false when JSqlParser could not parse it: the statement still runs (the database
 *     is the judge), kind and destructive then come from its first words only
 */
public record Classification(Kind kind, boolean destructive, String destructiveReason, List<String> tables, boolean parsed) {

    public enum Kind {
        /** Changes the schema or permissions: CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT ON, GRANT, REVOKE. */
        DDL,
        /** Reads or changes rows: SELECT, INSERT, UPDATE, DELETE, MERGE, REPLACE, UPSERT. */
        DML,
        /** Anything else: SET, PRAGMA, VACUUM, CALL, DO, transaction control, ... */
        OTHER
    }

    /** What a destructive statement loses, after its reason: "throws data away", or the guarantee a dropped constraint gave. */
    public String consequence() {
        return destructiveReason != null && destructiveReason.matches(".* DROP (CONSTRAINT|FOREIGN KEY|PRIMARY KEY|CHECK)\\b.*")
                ? "drops a guarantee the data relied on" : "throws data away";
    }

    public Classification {
        Objects.requireNonNull(kind, "kind");
        tables = List.copyOf(tables);
        if (destructive != (destructiveReason != null)) {
            throw new IllegalArgumentException("a destructive statement needs a reason, and only it");
        }
    }
}
