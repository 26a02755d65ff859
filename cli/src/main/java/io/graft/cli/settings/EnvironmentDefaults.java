package io.graft.cli.settings;

import java.util.Locale;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies the value of a global option from {@code GRAFT_<NAME>} when it is not on the command
 * line: {@code --lock-timeout} reads {@code GRAFT_LOCK_TIMEOUT}, {@code --no-color} reads
 * {@code GRAFT_NO_COLOR}. Options of single commands have no variable.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

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
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName();
        boolean flag = GlobalOptions.flags().contains(name);
        if (!flag && !GlobalOptions.withValue().contains(name)) {
            return null;
        }
        // GRAFT_PASSWORD set to "" is an empty password; any other variable set to "" sets nothing.
        String value = name.equals("--password") ? environment.variableAsSet(variableFor(name))
                : environment.variable(variableFor(name));
        if (value == null || !flag) {
            return value;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> "true";
            default -> "false";
        };
    }
}
