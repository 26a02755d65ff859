package io.graft.internal.graph;

import io.graft.Direction;
import io.graft.changelog.Revision;
import java.util.List;
import java.util.Objects;

/**
 * What an {@code up} or {@code down} will run, in order: for {@link Direction#UP} parents (and
 * depends_on) before children; for {@link Direction#DOWN} children before parents.
 *
 * @param direction which way
 * @param target the target as given ({@code heads} for an upgrade without one)
 * @param steps the revisions to apply or revert, in the order to run them; empty: nothing to do
 */
public record Plan(Direction direction, String target, List<Revision> steps) {

    public Plan {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(target, "target");
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<String> ids() {
        return steps.stream().map(Revision::id).toList();
    }
}
