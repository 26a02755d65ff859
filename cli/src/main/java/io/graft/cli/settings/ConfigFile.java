package io.graft.cli.settings;

import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.cli.error.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code graft.yaml}: connection settings per environment, with {@code ${VAR}} and
 * {@code ${VAR:-default}} taken from the environment ({@code $${} writes a literal {@code ${}}),
 * as a shell reads them: {@code ${VAR}} of a variable set to an empty string is empty, and
 * {@code :-} gives the default for an unset or empty variable.
 *
 * <pre>
 * default_env: dev
 * changelog: db/changelog.yaml      # top-level settings apply to every environment
 * environments:
 *   dev:  { url: jdbc:sqlite:dev.db }
 *   prod: { url: "jdbc:postgresql://db/app", user: app, password: "${PROD_DB_PASSWORD}" }
 * </pre>
 *
 * Values are interpolated only when they are used, so an unset variable of another environment
 * is no error. Every error names {@code file:line:col}.
 */
public final class ConfigFile {

    /** The settings a level (top or environment) may hold. */
    static final Set<String> SETTING_KEYS =
            Set.of("url", "user", "password", "schema", "table_prefix", "lock_timeout", "changelog");
    /** The fleet settings a level may hold; read by {@link FleetConfig}, which knows their shapes (lists, mappings). */
    static final Set<String> FLEET_KEYS = FleetConfig.KEYS;
    private static final Set<String> LEVEL_KEYS = union(SETTING_KEYS, FLEET_KEYS);
    private static final Set<String> TOP_KEYS = union(LEVEL_KEYS, Set.of("default_env", "environments", "lint", "new",
            "drift", "autogenerate"));
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** A scalar as written, with where it sits. */
    record Value(String raw, SourceSpan where) {
    }

    private final Path path;
    private final Path folder;
    private final String displayName;
    private final Map<String, Value> top;
    private final Map<String, Map<String, Value>> environments;
    private final Map<String, SourceSpan> environmentSpans;
    private final Value defaultEnv;
    private final AuthoringConfig authoring;
    private DriftConfig drift = DriftConfig.DEFAULT;
    /** The fleet settings as written, per environment ({@code ""} for the top level). */
    private Map<String, Map<String, Node>> fleet = Map.of();

    private ConfigFile(Path path, Path folder, String displayName, Map<String, Value> top,
            Map<String, Map<String, Value>> environments, Map<String, SourceSpan> environmentSpans, Value defaultEnv,
            AuthoringConfig authoring) {
        this.path = path;
        this.folder = folder;
        this.displayName = displayName;
        this.top = top;
        this.environments = environments;
        this.environmentSpans = environmentSpans;
        this.defaultEnv = defaultEnv;
        this.authoring = authoring;
    }

    /** Reads and checks the shape of {@code file}; {@code displayName} is how errors name it. */
    public static ConfigFile load(Path file, String displayName) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            SourceSpan where = mark == null ? SourceSpan.file(displayName)
                    : new SourceSpan(displayName, mark.getLine() + 1, mark.getColumn() + 1);
            throw error(Problem.at(where, "invalid YAML: " + e.getProblem()));
        } catch (IOException e) {
            throw new UsageException("cannot read " + displayName + ": " + e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        if (root == null) {
            return new ConfigFile(file, folder, displayName, Map.of(), Map.of(), Map.of(), null, AuthoringConfig.EMPTY);
        }
        List<Problem> problems = new ArrayList<>();
        MappingNode mapping = mapping(root, displayName, "graft.yaml", problems);
        Map<String, Value> top = new LinkedHashMap<>();
        Map<String, Map<String, Value>> envs = new LinkedHashMap<>();
        Map<String, SourceSpan> envSpans = new LinkedHashMap<>();
        Value defaultEnv = null;
        AuthoringConfig authoring = AuthoringConfig.EMPTY;
        DriftConfig drift = DriftConfig.DEFAULT;
        Map<String, Map<String, Node>> fleet = new LinkedHashMap<>();
        if (mapping != null) {
            Map<String, SourceSpan> seen = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyOf(tuple, displayName, TOP_KEYS, problems, seen);
                if (key == null) {
                    continue;
                }
                Node value = tuple.getValueNode();
                switch (key) {
                    case "environments" -> {
                        MappingNode envMapping = mapping(value, displayName, "environments", problems);
                        if (envMapping == null) {
                            continue;
                        }
                        Map<String, SourceSpan> seenEnvs = new LinkedHashMap<>();
                        for (NodeTuple env : envMapping.getValue()) {
                            String name = keyOf(env, displayName, null, problems, seenEnvs);
                            if (name == null) {
                                continue;
                            }
                            envSpans.put(name, span(env.getKeyNode(), displayName));
                            envs.put(name, settings(env.getValueNode(), displayName, "environment '" + name + "'",
                                    problems, fleet.computeIfAbsent(name, n -> new LinkedHashMap<>())));
                        }
                    }
                    case "default_env" -> defaultEnv = scalar(value, displayName, key, problems);
                    case "lint", "new", "autogenerate" -> authoring = authoring.read(key, value, displayName, problems);
                    case "drift" -> drift = DriftConfig.read(value, displayName, problems);
                    default -> {
                        if (FLEET_KEYS.contains(key)) {
                            fleet.computeIfAbsent("", n -> new LinkedHashMap<>()).put(key, value);
                            continue;
                        }
                        Value v = scalar(value, displayName, key, problems);
                        if (v != null) {
                            top.put(key, v);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw error(problems);
        }
        ConfigFile config = new ConfigFile(file, folder, displayName, top, envs, envSpans, defaultEnv, authoring);
        config.fleet = fleet;
        config.drift = drift;
        return config;
    }

    /**
     * A fleet setting ({@link FleetConfig#KEYS}) as written for {@code envName} (null: the top
     * level only), the environment's over the top level's; null when neither sets it.
     */
    Node fleetSetting(String envName, String key) {
        Map<String, Node> env = envName == null ? null : fleet.get(envName);
        if (env != null && env.containsKey(key)) {
            return env.get(key);
        }
        Map<String, Node> topLevel = fleet.get("");
        return topLevel == null ? null : topLevel.get(key);
    }

    /** The {@code lint:} and {@code new:} sections. */
    public AuthoringConfig authoring() {
        return authoring;
    }

    /** The {@code drift:} section. */
    public DriftConfig drift() {
        return drift;
    }

    /** The file read. */
    public Path path() {
        return path;
    }

    /** The folder relative paths in this file are resolved against. */
    public Path folder() {
        return folder;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The settings for {@code envName} (or the default environment when null) over the top-level
     * ones, interpolated. Unknown environment or unset variable: {@link UsageException}.
     *
     * @param variables the environment, with a variable set to an empty string as {@code ""}
     */
    public Map<String, String> settings(String envName, Function<String, String> variables) {
        String name = envName;
        if (name == null && defaultEnv != null) {
            name = interpolate(defaultEnv, variables);
        }
        Map<String, Value> merged = new LinkedHashMap<>(top);
        if (name != null) {
            Map<String, Value> env = environments.get(name);
            if (env == null) {
                SourceSpan where = envName == null ? defaultEnv.where() : SourceSpan.file(displayName);
                throw error(Problem.at(where, "no environment '" + name + "' in " + displayName,
                        environments.isEmpty() ? "add it under 'environments:'"
                                : "use one of: " + String.join(", ", environments.keySet())));
            }
            merged.putAll(env);
        }
        Map<String, String> result = new LinkedHashMap<>();
        merged.forEach((key, value) -> result.put(key, interpolate(value, variables)));
        return result;
    }

    /** Where a setting is written, for error messages about its value. */
    public Optional<SourceSpan> whereIs(String envName, String key) {
        Map<String, Value> env = envName == null ? null : environments.get(envName);
        Value v = env != null && env.containsKey(key) ? env.get(key) : top.get(key);
        return Optional.ofNullable(v).map(Value::where);
    }

    public Set<String> environmentNames() {
        return environments.keySet();
    }

    /** The name of the environment used when none is asked for, interpolated, or null. */
    public String defaultEnvironment(Function<String, String> variables) {
        return defaultEnv == null ? null : interpolate(defaultEnv, variables);
    }

    static String interpolate(Value value, Function<String, String> variables) {
        Matcher m = VARIABLE.matcher(value.raw());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$${")) {
                replacement = "${";
            } else {
                String name = m.group(1);
                String fallback = m.group(2);
                String set = variables.apply(name);
                // As in a shell: ${VAR:-default} also replaces an empty value; ${VAR} set to ""
                // is "" (an empty password is a password).
                if (set != null && (!set.isEmpty() || fallback == null)) {
                    replacement = set;
                } else if (fallback != null) {
                    replacement = fallback;
                } else {
                    throw error(Problem.at(value.where(), "environment variable " + name + " is not set",
                            "set " + name + ", or write ${" + name + ":-default} for a default"));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Value> settings(Node node, String file, String what, List<Problem> problems,
            Map<String, Node> fleet) {
        Map<String, Value> result = new LinkedHashMap<>();
        MappingNode mapping = mapping(node, file, what, problems);
        if (mapping == null) {
            return result;
        }
        Map<String, SourceSpan> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple, file, LEVEL_KEYS, problems, seen);
            if (key != null && FLEET_KEYS.contains(key)) {
                fleet.put(key, tuple.getValueNode());
            } else if (key != null) {
                Value v = scalar(tuple.getValueNode(), file, key, problems);
                if (v != null) {
                    result.put(key, v);
                }
            }
        }
        return result;
    }

    static MappingNode mapping(Node node, String file, String what, List<Problem> problems) {
        if (node instanceof MappingNode m) {
            return m;
        }
        problems.add(Problem.at(span(node, file), what + " must be a mapping of keys to values"));
        return null;
    }

    static String keyOf(NodeTuple tuple, String file, Set<String> allowed, List<Problem> problems,
            Map<String, SourceSpan> seen) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar)) {
            problems.add(Problem.at(span(keyNode, file), "keys must be plain names"));
            return null;
        }
        String key = scalar.getValue();
        SourceSpan first = seen.putIfAbsent(key, span(keyNode, file));
        if (first != null) {
            problems.add(Problem.at(span(keyNode, file), "duplicate key '" + key + "'",
                    "it is already set at line " + first.line() + "; keep one"));
            return null;
        }
        if (allowed != null && !allowed.contains(key)) {
            problems.add(Problem.unknownKey(span(keyNode, file), key, allowed));
            return null;
        }
        return key;
    }

    static Value scalar(Node node, String file, String key, List<Problem> problems) {
        if (node instanceof ScalarNode scalar) {
            return new Value(scalar.getValue(), span(node, file));
        }
        problems.add(Problem.at(span(node, file), "'" + key + "' must be a single value"));
        return null;
    }

    static SourceSpan span(Node node, String file) {
        Mark mark = node.getStartMark();
        return mark == null ? SourceSpan.file(file) : new SourceSpan(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static UsageException error(Problem problem) {
        return error(List.of(problem));
    }

    private static UsageException error(List<Problem> problems) {
        return new UsageException("invalid configuration in " + problems.get(0).where().file(), problems);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
