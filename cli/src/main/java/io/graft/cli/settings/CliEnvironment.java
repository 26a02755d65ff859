package io.graft.cli.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line reads from the process around it. Injected so that tests run the whole
 * CLI in-process without touching the real environment or working directory.
 *
 * @param variables environment variables
 * @param workingDir the folder relative paths on the command line are resolved against
 * @param terminal whether stdout is an interactive terminal (colour, progress)
 */
public record CliEnvironment(Map<String, String> variables, Path workingDir, boolean terminal) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDir, "workingDir");
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The real process environment. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
    }

    /** The variable's value, or null when it is unset or empty (an empty {@code GRAFT_URL} sets nothing). */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The variable's value as set, {@code ""} included, or null when it is unset: where an empty
     * value means something, as an empty password does.
     */
    public String variableAsSet(String name) {
        return variables.get(name);
    }
}
