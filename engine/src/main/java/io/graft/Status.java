package io.graft;

import io.graft.changelog.Revision;
import java.util.List;

/**
 * The changelog against the database.
 *
 * @param applied rows of {@code graft_revisions}, in the order they were applied
 * @param current applied revisions with no applied descendant
 * @param pending revisions of the changelog that {@code up} (to {@code heads}) would apply, in order
 * @param heads the changelog's heads
 * @param drift everything that blocks a run (changed checksums, unknown rows, running revisions)
 */
public record Status(
        List<AppliedRevision> applied,
        List<String> current,
        List<Revision> pending,
        List<Revision> heads,
        List<Drift> drift) {

    public Status {
        applied = List.copyOf(applied);
        current = List.copyOf(current);
        pending = List.copyOf(pending);
        heads = List.copyOf(heads);
        drift = List.copyOf(drift);
    }

    public boolean upToDate() {
        return pending.isEmpty() && drift.isEmpty();
    }
}
