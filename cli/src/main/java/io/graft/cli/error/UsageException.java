package io.graft.cli.error;

import io.graft.Problem;
import java.util.List;

/**
 * The command line or its configuration is wrong: a missing target, an invalid graft.yaml, an
 * unset variable, a file that already exists. Exit code 2.
 */
public class UsageException extends RuntimeException {

    private final List<Problem> problems;

    public UsageException(String message) {
        this(message, List.of());
    }

    public UsageException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
