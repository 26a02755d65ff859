package io.graft.internal.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renames a diff may make: a diff never guesses one (a dropped and an added column of the same
 * type are a drop and an add), it renames only what it is told. Each entry is {@code old=new} for
 * a table or a view, {@code table.old=new} (or {@code table.old=table.new}) for a column.
 */
public final class Renames {

    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, String> columns = new LinkedHashMap<>();

    private Renames() {
    }

    public static Renames none() {
        return new Renames();
    }

    /** Parses {@code old=new} entries; an entry of another shape is an {@link IllegalArgumentException} saying why. */
    public static Renames parse(List<String> entries) {
        Renames renames = new Renames();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1 || entry.indexOf('=', eq + 1) >= 0) {
                throw new IllegalArgumentException("rename '" + entry + "' is not old=new (a table) or table.old=new"
                        + " (a column)");
            }
            String from = entry.substring(0, eq).strip();
            String to = entry.substring(eq + 1).strip();
            int dot = from.indexOf('.');
            if (dot < 0) {
                if (to.contains(".")) {
                    throw new IllegalArgumentException("rename '" + entry + "': a table renames to a table name;"
                            + " for a column write table.old=new");
                }
                renames.tables.put(from, to);
            } else {
                String table = from.substring(0, dot);
                String column = from.substring(dot + 1);
                int toDot = to.indexOf('.');
                if (toDot >= 0) {
                    to = to.substring(toDot + 1);
                }
                if (table.isEmpty() || column.isEmpty() || to.isEmpty()) {
                    throw new IllegalArgumentException("rename '" + entry + "' names no column: write table.old=new");
                }
                renames.columns.put(table + "." + column, to);
            }
        }
        return renames;
    }

    /**
     * The same renames the other way ({@code new=old}), for the diff that goes back: a column's
     * entry keeps the table name it was written with, which {@link #newColumnName} accepts either way.
     */
    public Renames inverse() {
        Renames back = new Renames();
        tables.forEach((from, to) -> back.tables.put(to, from));
        columns.forEach((tableColumn, to) -> {
            int dot = tableColumn.indexOf('.');
            back.columns.put(tableColumn.substring(0, dot) + "." + to, tableColumn.substring(dot + 1));
        });
        return back;
    }

    /** The old name of the table (or view) now called {@code newName}, if it was renamed. */
    public Optional<String> oldTableName(String newName) {
        return tables.entrySet().stream().filter(e -> e.getValue().equals(newName)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * The new name of a column of a table known as {@code oldTable} before and {@code newTable}
     * after, if it is renamed (the entry may name the table either way).
     */
    public Optional<String> newColumnName(String oldTable, String newTable, String column) {
        String to = columns.get(oldTable + "." + column);
        if (to == null) {
            to = columns.get(newTable + "." + column);
        }
        return Optional.ofNullable(to);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    public Map<String, String> tables() {
        return Map.copyOf(tables);
    }

    public Map<String, String> columns() {
        return Map.copyOf(columns);
    }
}
