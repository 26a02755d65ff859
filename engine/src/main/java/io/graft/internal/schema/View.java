package io.graft.internal.schema;

import java.util.List;

/**
 * A view or PostgreSQL materialized view.
 *
 * @param definition the query as the database normalises it (PostgreSQL {@code pg_get_viewdef},
 *     MySQL's {@code view_definition} without the database's name); SQLite's stored
 *     {@code CREATE VIEW} statement
 * @param dependsOn the views and tables this one reads, where the catalog says so (PostgreSQL);
 *     used to order creation
 * @param indexes a materialized view's indexes (PostgreSQL)
 */
public record View(String name, String definition, boolean materialized, List<String> dependsOn,
        List<Index> indexes, String comment) {

    public View {
        dependsOn = Sorting.byName(dependsOn, s -> s);
        indexes = Sorting.byName(indexes, Index::name);
    }
}
