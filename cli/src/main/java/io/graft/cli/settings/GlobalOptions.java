package io.graft.cli.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after its name. Each one also reads
 * {@code GRAFT_<NAME>} from the environment ({@link EnvironmentDefaults}). The connection
 * options stay {@code null} when given neither way, so that graft.yaml and then the built-in
 * default can fill them in ({@link SettingsResolver}).
 */
public final class GlobalOptions {

    /** {@code sarif} and {@code github} are for {@code graft lint} only. */
    public enum Format { text, json, sarif, github, sql, junit }

    @Option(names = {"-c", "--changelog"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The changelog (default: ./changelog.yaml). Env: GRAFT_CHANGELOG.")
    Path changelog;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The database: a JDBC URL, or one as Alembic and libpq write it: postgresql://USER@HOST/DB "
                    + "mysql://USER@HOST/DB sqlite:///FILE (default: jdbc:sqlite:graft.db). Env: GRAFT_URL.")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "Database user. Env: GRAFT_USER.")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password; prefer the environment variable GRAFT_PASSWORD (set to an empty "
                    + "string: an empty password).")
    String password;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Schema (PostgreSQL) or database (MySQL) of the history tables. Env: GRAFT_SCHEMA.")
    String schema;

    @Option(names = "--table-prefix", scope = ScopeType.INHERIT, paramLabel = "PREFIX",
            description = "Prefix of the history tables (default: graft_). Env: GRAFT_TABLE_PREFIX.")
    String tablePrefix;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long to wait for another run's lock: seconds, or 60s, 2m (default: 60s). "
                    + "Env: GRAFT_LOCK_TIMEOUT.")
    Duration lockTimeout;

    @Option(names = "--env", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The environment of graft.yaml to use (default: its default_env). Env: GRAFT_ENV.")
    String env;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: ./graft.yaml when present). Env: GRAFT_CONFIG.")
    Path config;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: text or json (one JSON document on stdout); lint also takes sarif and github, test sarif and junit. "
                    + "Env: GRAFT_FORMAT.")
    Format format;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only errors. Env: GRAFT_QUIET.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail; stack traces on unexpected errors. Env: GRAFT_VERBOSE.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set or output is not a terminal). Env: GRAFT_NO_COLOR.")
    boolean noColor;

    /**
     * The names of the options above that take a value. The argument pre-scan
     * ({@code Main.invokedCommand}) and {@link EnvironmentDefaults} need them before picocli reads
     * the annotations; reading them first would put Java's annotation machinery (tens of
     * milliseconds) ahead of the work {@code Main} starts on another thread.
     * CommandRegistrationTest checks both sets against picocli's model of the annotations.
     */
    private static final Set<String> WITH_VALUE = Set.of("-c", "--changelog", "--url", "--user", "--password",
            "--schema", "--table-prefix", "--lock-timeout", "--env", "--config", "--format");
    /** The names of the options above without a value. */
    private static final Set<String> FLAGS = Set.of("-q", "--quiet", "-v", "--verbose", "--no-color");

    /** Every name of the global options that take a value ({@code -c}, {@code --changelog}, {@code --url}, ...). */
    public static Set<String> withValue() {
        return WITH_VALUE;
    }

    /** Every name of the global options without a value ({@code -q}, {@code --quiet}, ...). */
    public static Set<String> flags() {
        return FLAGS;
    }

    public Format format() {
        return format == null ? Format.text : format;
    }

    /** Whether {@code --format} (or {@code GRAFT_FORMAT}) was given, for a command whose default is another. */
    public boolean formatGiven() {
        return format != null;
    }

    /** {@code --url} or {@code GRAFT_URL}, or null when neither was given. */
    public String url() {
        return url;
    }

    public boolean json() {
        return format() == Format.json;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }
}
