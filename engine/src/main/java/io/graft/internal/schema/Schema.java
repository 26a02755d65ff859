package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.util.List;
import java.util.Optional;

/**
 * One schema of one database, normalised: every list sorted by name (columns keep their order),
 * so that two reads of equal schemas are equal records and render the same JSON.
 *
 * @param name the schema read: PostgreSQL's schema, MySQL's database, SQLite's {@code main}
 */
public record Schema(
        DialectId dialect,
        String name,
        List<Extension> extensions,
        List<EnumType> enums,
        List<DomainType> domains,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Routine> routines,
        List<Trigger> triggers,
        List<UnknownObject> unknown) {

    public Schema {
        extensions = Sorting.byName(extensions, Extension::name);
        enums = Sorting.byName(enums, EnumType::name);
        domains = Sorting.byName(domains, DomainType::name);
        sequences = Sorting.byName(sequences, Sequence::name);
        tables = Sorting.byName(tables, Table::name);
        views = Sorting.byName(views, View::name);
        routines = Sorting.byName(routines, Routine::identity);
        triggers = Sorting.byName(triggers, t -> t.table() + "." + t.name());
        unknown = Sorting.byName(unknown, u -> u.kind() + " " + u.name());
    }

    /** An empty schema of this dialect. */
    public static Schema empty(DialectId dialect, String name) {
        return new Schema(dialect, name, null, null, null, null, null, null, null, null, null);
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public Optional<View> view(String viewName) {
        return views.stream().filter(v -> v.name().equals(viewName)).findFirst();
    }

    /** This schema under another name (a scratch schema read as the one it stands for). */
    public Schema withName(String newName) {
        return new Schema(dialect, newName, extensions, enums, domains, sequences, tables, views, routines,
                triggers, unknown);
    }
}
