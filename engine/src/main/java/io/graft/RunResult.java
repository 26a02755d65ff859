package io.graft;

import java.util.List;

/**
 * What an {@code upgrade}, {@code downgrade} or {@code stamp} did.
 *
 * @param direction up or down ({@code stamp} reports up)
 * @param target the target, parsed; {@code null} for {@code stamp --purge}, which has none
 * @param steps the revisions applied, reverted or stamped, in order; empty when there was nothing to do
 * @param current the applied revisions after the run that have no applied descendant
 * @param elapsedMs the whole run, lock wait included
 */
public record RunResult(Direction direction, Target target, List<RevisionStep> steps, List<String> current, long elapsedMs) {

    public RunResult {
        steps = List.copyOf(steps);
        current = List.copyOf(current);
    }

    public boolean nothingToDo() {
        return steps.isEmpty();
    }
}
