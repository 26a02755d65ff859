package io.graft.internal.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table. Columns keep the table's order; constraints and indexes are sorted by name.
 *
 * @param options what else defines the table, per dialect: PostgreSQL {@code partition_by},
 *     {@code partition_of}, {@code partition_bound}, {@code unlogged}; SQLite {@code without_rowid},
 *     {@code strict}; MySQL {@code engine}, {@code charset}, {@code collation}
 */
public record Table(
        String name,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        Map<String, String> options,
        String comment) {

    public Table {
        columns = Sorting.copy(columns);
        constraints = Sorting.byName(constraints, Constraint::sortKey);
        indexes = Sorting.byName(indexes, Index::name);
        options = Sorting.copy(options);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(c -> c.kind() == Constraint.Kind.PRIMARY_KEY).findFirst();
    }

    public String option(String key) {
        return options.get(key);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, constraints, indexes, options, comment);
    }

    public Table withConstraints(List<Constraint> newConstraints) {
        return new Table(name, columns, newConstraints, indexes, options, comment);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, constraints, newIndexes, options, comment);
    }

    public Table withName(String newName) {
        return new Table(newName, columns, constraints, indexes, options, comment);
    }
}
