package io.graft.internal.schema;

import java.util.List;

/** A PostgreSQL domain: its base type, default, NOT NULL, collation and checks ({@code CHECK (...)} text). */
public record DomainType(String name, String baseType, boolean notNull, String defaultValue, String collation,
        List<String> checks) {

    public DomainType {
        checks = Sorting.byName(checks, s -> s);
    }
}
