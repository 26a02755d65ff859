package io.graft.internal.schema;

/**
 * A PostgreSQL sequence (identity columns' own sequences are part of the column, not listed).
 *
 * @param ownedBy {@code table.column} of {@code OWNED BY}, or null
 */
public record Sequence(String name, String type, long start, long increment, long min, long max, long cache,
        boolean cycle, String ownedBy) {
}
