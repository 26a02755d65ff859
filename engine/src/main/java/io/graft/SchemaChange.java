package io.graft;

import java.util.List;

/**
 * One change of a schema diff.
 *
 * @param kind what it does: {@code create_table}, {@code add_column}, {@code rebuild_table},
 *     {@code unsupported} (a change made by hand: no statements, {@code note} says why), ...
 * @param subject the object changed: {@code table}, {@code table.column}, ...
 * @param destructive true when running it can lose data
 * @param comment the line the SQL script writes before its statements
 * @param statements the SQL that makes it (one, except SQLite's table rebuild)
 */
public record SchemaChange(String kind, String subject, boolean destructive, String note, String comment,
        List<String> statements) {

    public SchemaChange {
        statements = List.copyOf(statements);
    }
}
