package io.graft;

import io.graft.changelog.DialectId;
import java.util.List;
import java.util.Optional;

/**
 * What {@code graft new --autogenerate} did: the revision written, or nothing when the changelog's
 * schema already is the desired one.
 *
 * @param created the revision written, or null when there was nothing to generate
 * @param parents the parents the revision has (or would have had)
 * @param up the changes of the up file, in the order they run
 * @param down the changes of the down file
 * @param nonTransactionalReason why the revision was written with {@code transaction: false}, or
 *     null when it runs in a transaction (or was asked to run without one)
 */
public record AutogenerateResult(DialectId dialect, String to, CreatedRevision created, List<String> parents,
        List<SchemaChange> up, List<SchemaChange> down, String nonTransactionalReason) {

    public AutogenerateResult {
        parents = List.copyOf(parents);
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /** True when the changelog's schema already is the desired one: nothing was written. */
    public boolean nothingToGenerate() {
        return created == null;
    }

    public Optional<CreatedRevision> revision() {
        return Optional.ofNullable(created);
    }

    /** True when the up file can lose data (a drop, a narrowed type): review it, lint reports it. */
    public boolean destructive() {
        return up.stream().anyMatch(SchemaChange::destructive);
    }
}
