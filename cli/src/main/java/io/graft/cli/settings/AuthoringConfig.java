package io.graft.cli.settings;

import io.graft.LintOptions;
import io.graft.NewRevision.IdScheme;
import io.graft.Problem;
import io.graft.Severity;
import io.graft.LintRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The {@code lint:} and {@code new:} sections of graft.yaml:
 *
 * <pre>
 * lint:
 *   rules:
 *     missing-down: off          # off | note | warning | error
 *     destructive-statement: error
 * new:
 *   id_scheme: sequence          # timestamp (default) | sequence
 * </pre>
 *
 * Unknown keys, rule ids and values are errors with the file's position and a did-you-mean.
 *
 * @param lintRules rule id -> severity, or empty for {@code off}
 * @param idScheme the id scheme of {@code graft new} and {@code graft merge}, or null when not set
 */
public record AuthoringConfig(Map<String, Optional<Severity>> lintRules, IdScheme idScheme) {

    public static final AuthoringConfig EMPTY = new AuthoringConfig(Map.of(), null);

    private static final Set<String> GRADES = Set.of("off", "note", "warning", "error");

    public AuthoringConfig {
        lintRules = Map.copyOf(lintRules);
    }

    /** Lint options with these rules applied. */
    public LintOptions.Builder apply(LintOptions.Builder builder) {
        lintRules.forEach((rule, severity) -> {
            if (severity.isPresent()) {
                builder.severity(rule, severity.get());
            } else {
                builder.off(rule);
            }
        });
        return builder;
    }

    AuthoringConfig read(String section, Node node, String file, List<Problem> problems) {
        MappingNode mapping = ConfigFile.mapping(node, file, section, problems);
        if (mapping == null) {
            return this;
        }
        Map<String, Optional<Severity>> rules = new LinkedHashMap<>(lintRules);
        IdScheme scheme = idScheme;
        Map<String, io.graft.SourceSpan> seen = new LinkedHashMap<>();
        Set<String> allowed = section.equals("lint") ? Set.of("rules") : Set.of("id_scheme");
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ConfigFile.keyOf(tuple, file, allowed, problems, seen);
            if (key == null) {
                continue;
            }
            if (key.equals("id_scheme")) {
                ConfigFile.Value v = ConfigFile.scalar(tuple.getValueNode(), file, key, problems);
                if (v != null) {
                    try {
                        scheme = IdScheme.valueOf(v.raw().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add(Problem.at(v.where(), "unknown id_scheme '" + v.raw() + "'",
                                "use timestamp or sequence"));
                    }
                }
                continue;
            }
            MappingNode ruleMap = ConfigFile.mapping(tuple.getValueNode(), file, "lint.rules", problems);
            if (ruleMap == null) {
                continue;
            }
            Set<String> ids = Arrays.stream(LintRule.values()).map(LintRule::id).collect(Collectors.toSet());
            Map<String, io.graft.SourceSpan> seenRules = new LinkedHashMap<>();
            for (NodeTuple r : ruleMap.getValue()) {
                String id = ConfigFile.keyOf(r, file, ids, problems, seenRules);
                ConfigFile.Value v = id == null ? null : ConfigFile.scalar(r.getValueNode(), file, id, problems);
                if (v == null) {
                    continue;
                }
                String grade = v.raw().toLowerCase(Locale.ROOT);
                if (!GRADES.contains(grade)) {
                    problems.add(Problem.at(v.where(), "'" + v.raw() + "' is not a severity for rule " + id,
                            "use off, note, warning or error"));
                } else {
                    rules.put(id, Severity.fromKey(grade));
                }
            }
        }
        return new AuthoringConfig(rules, scheme);
    }
}
