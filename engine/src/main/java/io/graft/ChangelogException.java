package io.graft;

import java.util.List;
import java.util.stream.Collectors;

/** The changelog (or an SQL file it names) is invalid. Carries every problem found, not only the first. */
public class ChangelogException extends GraftException {

    private final List<Problem> problems;

    /** An exception for {@code problems} (at least one); its message lists them all, one per line. */
    public ChangelogException(List<Problem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ChangelogException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** An exception for one problem. */
    public ChangelogException(Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found, sorted by file and position. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
}
