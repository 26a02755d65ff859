package io.graft.internal.schema;

/** A PostgreSQL extension installed in the schema; its version is the server's business. */
public record Extension(String name) {
}
