package io.graft.cli.settings;

import io.graft.Graft;
import io.graft.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code drift:} section of graft.yaml:
 *
 * <pre>
 * drift:
 *   record: true                 # record the schema after each run (default true)
 *   ignore:                      # objects graft drift and graft status leave out
 *     - spatial_ref_sys          # a table (or any object) of that name, and what is in it
 *     - table tmp_*              # a kind and a glob
 *     - extension *
 * </pre>
 *
 * @param record whether runs record the schema ({@code graft_schema})
 * @param ignore the patterns, as written
 */
public record DriftConfig(boolean record, List<String> ignore) {

    public static final DriftConfig DEFAULT = new DriftConfig(true, List.of());

    public DriftConfig {
        ignore = List.copyOf(ignore);
    }

    /** The builder with these settings. */
    public Graft.Builder apply(Graft.Builder builder) {
        return builder.recordSchema(record).driftIgnore(ignore);
    }

    static DriftConfig read(Node node, String file, List<Problem> problems) {
        MappingNode mapping = ConfigFile.mapping(node, file, "drift", problems);
        if (mapping == null) {
            return DEFAULT;
        }
        boolean record = true;
        List<String> ignore = new ArrayList<>();
        Map<String, io.graft.SourceSpan> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ConfigFile.keyOf(tuple, file, Set.of("record", "ignore"), problems, seen);
            if (key == null) {
                continue;
            }
            Node value = tuple.getValueNode();
            if (key.equals("record")) {
                ConfigFile.Value v = ConfigFile.scalar(value, file, "drift.record", problems);
                if (v != null) {
                    switch (v.raw().toLowerCase(Locale.ROOT)) {
                        case "true", "yes", "on" -> record = true;
                        case "false", "no", "off" -> record = false;
                        default -> problems.add(Problem.at(v.where(), "drift.record must be true or false, not '"
                                + v.raw() + "'", "write 'record: false' to stop recording the schema after runs"));
                    }
                }
                continue;
            }
            if (!(value instanceof SequenceNode list)) {
                problems.add(Problem.at(ConfigFile.span(value, file), "drift.ignore must be a list of patterns",
                        "write e.g. 'ignore: [spatial_ref_sys, \"table tmp_*\"]'"));
                continue;
            }
            for (Node item : list.getValue()) {
                ConfigFile.Value v = ConfigFile.scalar(item, file, "drift.ignore", problems);
                if (v == null) {
                    continue;
                }
                if (v.raw().isBlank()) {
                    problems.add(Problem.at(v.where(), "a drift.ignore pattern is empty",
                            "write an object's name, a glob such as 'tmp_*', or a kind and a name such as"
                                    + " 'table spatial_ref_sys'"));
                } else {
                    ignore.add(v.raw());
                }
            }
        }
        return new DriftConfig(record, ignore);
    }
}
