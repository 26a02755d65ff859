package io.graft.cli.settings;

import io.graft.DatabaseUrl;
import io.graft.GraftException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.cli.error.UsageException;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.TargetListException;
import io.graft.fleet.TargetSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fleet settings of a graft.yaml environment (or of its top level):
 *
 * <pre>
 * environments:
 *   tenants:
 *     url: postgresql://app@db/app                 # the control database, and the base of schema names
 *     targets_query: SELECT schema_name FROM tenants WHERE active ORDER BY 1
 *     parallel: 8
 *     waves: 1,10%,rest
 *     max_failures: 2
 *   shops:
 *     targets:                                     # a list: URLs, or {name, url, user, password, schema}
 *       - mysql://root@db1/shop_eu
 *       - { name: us, url: "mysql://root@db2/shop_us", password: "${US_PASSWORD}" }
 *   edge:
 *     targets: devices/*.db                        # a glob of SQLite files
 *   files:
 *     targets_file: tenants.txt                    # one URL or JSON object per line
 * </pre>
 *
 * Relative paths are read from graft.yaml's folder; every value takes {@code ${VAR}}.
 */
public final class FleetConfig {

    static final Set<String> KEYS = Set.of("targets", "targets_file", "targets_query", "targets_url", "parallel",
            "waves", "max_failures");
    private static final Set<String> ENTRY_KEYS = Set.of("name", "url", "user", "password", "schema");

    private final ConfigFile config;
    private final String envName;
    private final Function<String, String> variables;

    private FleetConfig(ConfigFile config, String envName, Function<String, String> variables) {
        this.config = config;
        this.envName = envName;
        this.variables = variables;
    }

    /** The fleet settings of environment {@code envName} (null: the top level's) of {@code config}. */
    public static FleetConfig of(ConfigFile config, String envName, Function<String, String> variables) {
        return new FleetConfig(config, envName, variables);
    }

    /** Reads graft.yaml (or the file given) for its fleet settings; null when there is no such file. */
    public static ConfigFile load(Path file) {
        return file == null ? null : ConfigFile.load(file, file.getFileName().toString());
    }

    /**
     * {@code --targets NAME}: the environment NAME, when graft.yaml has one; it then becomes the
     * run's environment, as {@code --env NAME} would. False when there is no such environment.
     */
    public static boolean selectEnvironment(GlobalOptions options, CliEnvironment environment, String name) {
        Path cwd = environment.workingDir();
        Path file = options.config != null ? cwd.resolve(options.config) : cwd.resolve(SettingsResolver.DEFAULT_CONFIG);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        ConfigFile config = ConfigFile.load(file, options.config != null ? options.config.toString()
                : SettingsResolver.DEFAULT_CONFIG);
        if (!config.environmentNames().contains(name)) {
            return false;
        }
        if (options.env != null && !options.env.equals(name)) {
            throw new UsageException("--targets " + name + " names the environment " + name + " of "
                    + config.displayName() + ", but --env says " + options.env + ": give one of them");
        }
        options.env = name;
        return true;
    }

    /** True when the environment (or the top level) declares any targets. */
    public boolean hasTargets() {
        return node("targets") != null || node("targets_file") != null || node("targets_query") != null;
    }

    /** {@code parallel:}, or null. */
    public Integer parallel() {
        return number("parallel", 1);
    }

    /** {@code max_failures:}, or null. */
    public Integer maxFailures() {
        return number("max_failures", 0);
    }

    /** {@code waves:} as {@code 1,10%,rest} (a YAML list is joined), or null. */
    public String waves() {
        Node node = node("waves");
        if (node == null) {
            return null;
        }
        if (node instanceof SequenceNode seq) {
            List<String> parts = new ArrayList<>();
            for (Node item : seq.getValue()) {
                parts.add(scalar(item, "waves"));
            }
            return String.join(",", parts);
        }
        return scalar(node, "waves");
    }

    /** Where {@code key} is written, for errors about its value. */
    public SourceSpan where(String key) {
        Node node = node(key);
        return node == null ? SourceSpan.file(config.displayName()) : ConfigFile.span(node, config.displayName());
    }

    /**
     * Every target the environment declares, in order: the list (or glob), then the file, then the
     * query's rows (run on {@code controlUrl}).
     */
    public List<FleetTarget> targets(String controlUrl, String user, String password) {
        List<FleetTarget> targets = new ArrayList<>();
        Node list = node("targets");
        if (list != null) {
            targets.addAll(listed(list));
        }
        Node file = node("targets_file");
        if (file != null) {
            String name = scalar(file, "targets_file");
            Path path = config.folder().resolve(name);
            targets.addAll(inFolder(TargetSources.file(path, name), path.toAbsolutePath().getParent()));
        }
        Node query = node("targets_query");
        if (query != null) {
            Node base = node("targets_url");
            String baseUrl = base == null ? null : scalar(base, "targets_url");
            targets.addAll(TargetSources.query(controlUrl, user, password, scalar(query, "targets_query"), baseUrl));
        }
        List<Problem> duplicates = TargetSources.duplicateNames(targets);
        if (!duplicates.isEmpty()) {
            throw new TargetListException("two targets of " + config.displayName() + " have one name", duplicates);
        }
        return targets;
    }

    private List<FleetTarget> listed(Node node) {
        if (node instanceof ScalarNode) {
            String text = scalar(node, "targets");
            if (text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
                return TargetSources.sqliteGlob(config.folder(), text);
            }
            return inFolder(List.of(TargetSources.url(text)), config.folder());
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, "'targets' must be a list of URLs (or of {name, url}) or a glob of SQLite files", null);
        }
        List<FleetTarget> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Node item : seq.getValue()) {
            try {
                if (item instanceof MappingNode map) {
                    targets.add(TargetSources.entry(entry(map)));
                } else {
                    targets.add(TargetSources.url(scalar(item, "targets")));
                }
            } catch (GraftException | IllegalArgumentException e) {
                problems.add(Problem.at(ConfigFile.span(item, config.displayName()), e.getMessage(),
                        "a URL, or {name: NAME, url: URL}"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException("invalid configuration in " + config.displayName(), problems);
        }
        return inFolder(targets, config.folder());
    }

    private Map<String, String> entry(MappingNode map) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, SourceSpan> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = ConfigFile.keyOf(tuple, config.displayName(), ENTRY_KEYS, problems, seen);
            if (key != null) {
                values.put(key, scalar(tuple.getValueNode(), key));
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException("invalid configuration in " + config.displayName(), problems);
        }
        return values;
    }

    /** SQLite files named relatively are where graft.yaml (or the targets file) is, not where graft runs. */
    public static List<FleetTarget> inFolder(List<FleetTarget> targets, Path folder) {
        List<FleetTarget> resolved = new ArrayList<>();
        for (FleetTarget t : targets) {
            DatabaseUrl url = DatabaseUrl.parse(t.url());
            resolved.add(url.dialect() == DialectId.SQLITE
                    ? new FleetTarget(t.name(), url.relativeTo(folder).jdbcUrl(), t.user(), t.password(), t.schema())
                    : t);
        }
        return resolved;
    }

    private Integer number(String key, int min) {
        Node node = node(key);
        if (node == null) {
            return null;
        }
        String text = scalar(node, key);
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(node, "'" + key + "' must be a whole number, " + min + " or more, not '" + text + "'", null);
    }

    private String scalar(Node node, String key) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, "'" + key + "' must be a single value", null);
        }
        return ConfigFile.interpolate(new ConfigFile.Value(s.getValue(), ConfigFile.span(node, config.displayName())),
                variables);
    }

    private Node node(String key) {
        return config.fleetSetting(envName, key);
    }

    private UsageException error(Node node, String message, String hint) {
        return new UsageException("invalid configuration in " + config.displayName(),
                List.of(Problem.at(ConfigFile.span(node, config.displayName()), message, hint)));
    }
}
