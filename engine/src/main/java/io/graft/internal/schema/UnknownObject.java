package io.graft.internal.schema;

/**
 * An object the model does not describe, listed so that nothing is silently ignored: a diff
 * reports it, and never drops or creates it.
 *
 * @param kind what the catalog calls it ({@code foreign table}, {@code aggregate}, {@code policy}, ...)
 */
public record UnknownObject(String kind, String name) {
}
