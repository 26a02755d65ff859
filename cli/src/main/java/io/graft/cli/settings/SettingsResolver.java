package io.graft.cli.settings;

import io.graft.DatabaseUrl;
import io.graft.Graft;
import io.graft.Problem;
import io.graft.cli.error.UsageException;
import io.graft.cli.secrets.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.TypeConversionException;

/**
 * Layers the settings: command line, then {@code GRAFT_*} variables (both already in
 * {@link GlobalOptions}, see {@link EnvironmentDefaults}), then graft.yaml (the chosen environment
 * over its top-level keys), then the built-in defaults. Registers every password it meets with
 * the {@link Redactor} before anything can print it.
 */
public final class SettingsResolver {

    public static final String DEFAULT_CONFIG = "graft.yaml";
    public static final String DEFAULT_CHANGELOG = "changelog.yaml";
    public static final String DEFAULT_TABLE_PREFIX = "graft_";

    private final CliEnvironment environment;
    private final Redactor redactor;

    public SettingsResolver(CliEnvironment environment, Redactor redactor) {
        this.environment = environment;
        this.redactor = redactor;
    }

    /**
     * The changelog as the user would write it: relative to the working directory when it lies
     * below it, so that problems read {@code changelog.yaml:4:5}, not a long absolute path.
     */
    private static Path shown(Path changelog, Path cwd) {
        Path jvmDir = Path.of("").toAbsolutePath();
        if (cwd.toAbsolutePath().normalize().equals(jvmDir) && changelog.startsWith(jvmDir)) {
            return jvmDir.relativize(changelog);
        }
        return changelog;
    }

    public Settings resolve(GlobalOptions options) {
        redactor.addSecret(options.password);
        redactor.addSecretsOf(options.url);

        Path cwd = environment.workingDir();
        ConfigFile config = loadConfig(options.config);
        Map<String, String> file = Map.of();
        String envName = options.env;
        if (config != null) {
            file = config.settings(envName, environment::variableAsSet);
            if (envName == null) {
                envName = config.defaultEnvironment(environment::variable);
            }
            redactor.addSecret(file.get("password"));
            redactor.addSecretsOf(file.get("url"));
        } else if (envName != null) {
            throw new UsageException("--env " + envName + " needs a configuration file, but "
                    + (options.config == null ? "there is no ./" + DEFAULT_CONFIG : options.config + " does not exist"));
        }
        Path folder = config == null ? cwd : config.folder();

        Path changelog = options.changelog != null ? cwd.resolve(options.changelog)
                : file.containsKey("changelog") ? folder.resolve(file.get("changelog"))
                : cwd.resolve(DEFAULT_CHANGELOG);
        DatabaseUrl database = options.url != null ? DatabaseUrl.parse(options.url).relativeTo(cwd)
                : file.containsKey("url") ? DatabaseUrl.parse(file.get("url")).relativeTo(folder)
                : DatabaseUrl.parse(Graft.DEFAULT_URL).relativeTo(cwd);
        redactor.addSecret(database.password());
        String url = database.jdbcUrl();
        // As with a JDBC URL's ?user= and ?password=, what the URL itself says comes first.
        String user = first(database.user(), options.user, file.get("user"));
        String password = first(database.password(), options.password, file.get("password"));
        String schema = first(options.schema, file.get("schema"));
        String prefix = first(options.tablePrefix, file.get("table_prefix"), DEFAULT_TABLE_PREFIX);
        Duration lockTimeout = options.lockTimeout != null ? options.lockTimeout
                : file.containsKey("lock_timeout") ? duration(config, envName, file.get("lock_timeout"))
                : Graft.DEFAULT_LOCK_TIMEOUT;
        redactor.addSecretsOf(url);
        return new Settings(shown(changelog.normalize(), cwd), url, user, password, schema, prefix, lockTimeout, envName,
                config == null ? null : config.path());
    }

    private ConfigFile loadConfig(Path option) {
        Path cwd = environment.workingDir();
        if (option != null) {
            Path path = cwd.resolve(option);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("configuration file " + option + " does not exist");
            }
            return ConfigFile.load(path, option.toString());
        }
        Path implicit = cwd.resolve(DEFAULT_CONFIG);
        return Files.isRegularFile(implicit) ? ConfigFile.load(implicit, DEFAULT_CONFIG) : null;
    }

    private static Duration duration(ConfigFile config, String envName, String value) {
        try {
            return DurationConverter.parse(value);
        } catch (TypeConversionException e) {
            Problem problem = Problem.at(config.whereIs(envName, "lock_timeout")
                    .orElse(io.graft.SourceSpan.file(config.displayName())), "lock_timeout: " + e.getMessage());
            throw new UsageException("invalid configuration in " + config.displayName(), List.of(problem));
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
