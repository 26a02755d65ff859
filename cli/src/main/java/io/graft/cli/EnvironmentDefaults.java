package io.graft.cli;

import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies the value of a global option from {@code GRAFT_<NAME>} when it is not on the command
 * line: {@code --lock-timeout} reads {@code GRAFT_LOCK_TIMEOUT}, {@code --no-color} reads
 * {@code GRAFT_NO_COLOR}. Options of single commands have no variable.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    private static final Set<String> GLOBAL = Set.of("--changelog", "--url", "--user", "--password", "--schema",
            "--table-prefix", "--lock-timeout", "--env", "--config", "--format", "--quiet", "--verbose",
            "--no-color");
    private static final Set<String> BOOLEAN = Set.of("--quiet", "--verbose", "--no-color");

    private final CliEnvironment environment;

    public EnvironmentDefaults(CliEnvironment environment) {
        this.environment = environment;
    }

    /** {@code --table-prefix} -> {@code GRAFT_TABLE_PREFIX}. */
    public static String variableFor(String longOption) {
        return "GRAFT_" + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || !GLOBAL.contains(option.longestName())) {
            return null;
        }
        String value = environment.variable(variableFor(option.longestName()));
        if (value == null || !BOOLEAN.contains(option.longestName())) {
            return value;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> "true";
            default -> "false";
        };
    }
}
