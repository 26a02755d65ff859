package io.graft.internal.schema;

/**
 * A column, as its database reports it.
 *
 * @param type the type as the database spells it (PostgreSQL {@code format_type}, MySQL
 *     {@code column_type} with {@code unsigned}, SQLite the declared type)
 * @param defaultValue the default expression, or null
 * @param identity {@code always} or {@code by default} (PostgreSQL identity), {@code auto_increment}
 *     (MySQL), {@code autoincrement} (SQLite's keyword), or null
 * @param generated the generation expression of a generated column, or null
 * @param generatedKind {@code stored} or {@code virtual} when {@code generated} is set
 * @param collation a collation other than the type's default, or null
 * @param onUpdate MySQL's {@code ON UPDATE} expression, or null
 */
public record Column(
        String name,
        String type,
        boolean notNull,
        String defaultValue,
        String identity,
        String generated,
        String generatedKind,
        String collation,
        String onUpdate,
        String comment) {

    public static Column of(String name, String type, boolean notNull, String defaultValue) {
        return new Column(name, type, notNull, defaultValue, null, null, null, null, null, null);
    }

    public Column withName(String newName) {
        return new Column(newName, type, notNull, defaultValue, identity, generated, generatedKind, collation,
                onUpdate, comment);
    }
}
