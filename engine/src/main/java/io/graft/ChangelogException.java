package io.graft;

import java.util.List;
import java.util.stream.Collectors;

/** The changelog (or an SQL file it names) is invalid. Carries every problem found, not only the first. */
public class ChangelogException extends GraftException {

    private final List<Problem> problems;

    public ChangelogException(List<Problem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ChangelogException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ChangelogException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
}
