package io.graft.internal.schema;

import java.util.List;

/** A PostgreSQL enum type; its labels keep their order. */
public record EnumType(String name, List<String> labels) {

    public EnumType {
        labels = Sorting.copy(labels);
    }
}
