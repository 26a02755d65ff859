package io.graft.internal.schema;

/** A trigger on a table or view, with the complete {@code CREATE TRIGGER} statement. */
public record Trigger(String name, String table, String definition) {
}
