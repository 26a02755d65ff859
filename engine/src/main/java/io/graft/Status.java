package io.graft;

import io.graft.changelog.Revision;
import java.util.List;

/**
 * The changelog against the database.
 *
 * @param applied rows of {@code graft_revisions}, in the order they were applied, {@code running}
 *     ones included: {@link #completed()} and {@link #running()} tell them apart
 * @param current applied revisions with no applied descendant
 * @param pending revisions of the changelog that {@code up} (to {@code heads}) would apply, in order
 * @param heads the changelog's heads
 * @param drift everything that blocks a run (changed checksums, unknown rows, running revisions)
 * @param schema the live schema against the one recorded after the last run; a drifted schema
 *     does not block a run ({@code graft drift} names the differences)
 */
public record Status(
        List<AppliedRevision> applied,
        List<String> current,
        List<Revision> pending,
        List<Revision> heads,
        List<Drift> drift,
        SchemaState schema) {

    public Status {
        applied = List.copyOf(applied);
        current = List.copyOf(current);
        pending = List.copyOf(pending);
        heads = List.copyOf(heads);
        drift = List.copyOf(drift);
        java.util.Objects.requireNonNull(schema, "schema");
    }

    /** A status whose schema was not compared with a recorded one. */
    public Status(List<AppliedRevision> applied, List<String> current, List<Revision> pending, List<Revision> heads,
            List<Drift> drift) {
        this(applied, current, pending, heads, drift, SchemaState.NOT_CHECKED);
    }

    /** This status with the schema's state. */
    public Status withSchema(SchemaState state) {
        return new Status(applied, current, pending, heads, drift, state);
    }

    /** The rows of revisions that are applied: every statement completed. */
    public List<AppliedRevision> completed() {
        return applied.stream().filter(row -> !row.running()).toList();
    }

    /**
     * The rows a run left {@code running} (a revision outside a transaction that stopped part
     * way): never applied, each with how many statements completed and where it stopped.
     */
    public List<AppliedRevision> running() {
        return applied.stream().filter(AppliedRevision::running).toList();
    }

    public boolean upToDate() {
        return pending.isEmpty() && drift.isEmpty();
    }
}
