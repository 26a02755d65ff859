package io.graft.fleet;

import io.graft.GraftException;
import io.graft.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The list of targets cannot be made: a line of a targets file that is no URL, two targets with
 * one name, a targets query the control database refused. Each problem names its
 * {@code file:line} (or the query) and the fix; nothing has been migrated.
 */
public class TargetListException extends GraftException {

    private final List<Problem> problems;

    public TargetListException(String message, List<Problem> problems) {
        super(message + (problems.isEmpty() ? ""
                : ":\n" + problems.stream().map(p -> "  " + p.render().replace("\n", "\n  "))
                        .collect(Collectors.joining("\n"))));
        this.problems = List.copyOf(problems);
    }

    public TargetListException(String message) {
        this(message, List.of());
    }

    /** Every problem found, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
