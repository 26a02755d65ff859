package io.graft.internal.graph;

import io.graft.changelog.Revision;
import java.util.List;
import java.util.Objects;

/**
 * The history rows a {@code stamp} writes, running no SQL: afterwards the applied set is
 * {@code (applied - strict descendants of the target) + ancestors of the target}.
 *
 * @param target the target as given
 * @param add revisions to record as applied, parents first
 * @param remove revisions to delete from the history, children first
 */
public record StampPlan(String target, List<Revision> add, List<Revision> remove) {

    public StampPlan {
        Objects.requireNonNull(target, "target");
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }
}
