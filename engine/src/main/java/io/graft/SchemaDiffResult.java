package io.graft;

import io.graft.changelog.DialectId;
import java.util.List;

/**
 * A schema diff: the changes from one source to the other, in the order they must run, and the
 * SQL script that makes them (each change's statements after a {@code -- } comment naming it).
 */
public record SchemaDiffResult(DialectId dialect, String from, String to, List<SchemaChange> changes, String sql) {

    public SchemaDiffResult {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
