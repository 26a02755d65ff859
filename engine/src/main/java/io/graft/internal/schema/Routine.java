package io.graft.internal.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A function or procedure.
 *
 * @param kind {@code function} or {@code procedure}
 * @param arguments the identity arguments (PostgreSQL overloads differ by them), or empty
 * @param definition the complete {@code CREATE} statement as the database renders it
 */
public record Routine(String name, String kind, String arguments, String definition) {

    /** Name and arguments: what tells overloads apart. */
    @JsonIgnore
    public String identity() {
        return name + "(" + (arguments == null ? "" : arguments) + ")";
    }
}
