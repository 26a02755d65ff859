package io.graft.internal.schema;

import java.util.List;

/**
 * An index that backs no constraint (those are {@link Constraint}s).
 *
 * @param keys the key parts, in order
 * @param method PostgreSQL's access method ({@code btree}, {@code gin}, ...); MySQL's
 *     {@code fulltext} or {@code spatial}; null for the default
 * @param where a partial index's predicate, or null
 * @param include PostgreSQL's {@code INCLUDE} columns
 * @param definition the database's own DDL for the index (PostgreSQL {@code pg_get_indexdef},
 *     SQLite's stored SQL); null in MySQL, where DDL is rendered from the parts
 */
public record Index(
        String name,
        boolean unique,
        List<Key> keys,
        String method,
        String where,
        List<String> include,
        String definition) {

    public Index {
        keys = Sorting.copy(keys);
        include = Sorting.copy(include);
    }

    /**
     * One key part: a column or an expression, a MySQL prefix length, the order.
     */
    public record Key(String column, String expression, Integer length, boolean descending) {

        public static Key column(String name) {
            return new Key(name, null, null, false);
        }
    }
}
