package io.graft.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which targets of a list a run takes: {@code --only} and {@code --exclude} patterns on the
 * target's name ({@code *} any characters, {@code ?} one; several separated by commas), then a
 * {@link Shard}. Order is kept.
 *
 * @param only patterns a name must match one of (empty: every name)
 * @param exclude patterns a name must match none of
 * @param shard the slice taken
 */
public record Selection(List<String> only, List<String> exclude, Shard shard) {

    public static final Selection ALL = new Selection(List.of(), List.of(), Shard.ALL);

    public Selection {
        only = split(only);
        exclude = split(exclude);
        shard = shard == null ? Shard.ALL : shard;
    }

    /** The targets selected, in their order. */
    public List<FleetTarget> apply(List<FleetTarget> targets) {
        List<Pattern> onlyPatterns = only.stream().map(Selection::glob).toList();
        List<Pattern> excludePatterns = exclude.stream().map(Selection::glob).toList();
        List<FleetTarget> selected = new ArrayList<>();
        for (FleetTarget t : targets) {
            boolean in = onlyPatterns.isEmpty() || onlyPatterns.stream().anyMatch(p -> p.matcher(t.name()).matches());
            if (in && excludePatterns.stream().noneMatch(p -> p.matcher(t.name()).matches()) && shard.contains(t.name())) {
                selected.add(t);
            }
        }
        return selected;
    }

    private static List<String> split(List<String> patterns) {
        List<String> all = new ArrayList<>();
        if (patterns != null) {
            for (String p : patterns) {
                for (String part : p.split(",")) {
                    if (!part.isBlank()) {
                        all.add(part.strip());
                    }
                }
            }
        }
        return List.copyOf(all);
    }

    private static Pattern glob(String pattern) {
        return io.graft.internal.text.Globs.compile(pattern);
    }
}
