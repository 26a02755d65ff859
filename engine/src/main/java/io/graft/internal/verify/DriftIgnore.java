package io.graft.internal.verify;

import io.graft.SchemaDriftReport.Difference;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The objects {@code graft drift} and {@code status} leave out ({@code graft.yaml}:
 * {@code drift: {ignore: [...]}}), for objects an extension or another tool owns. A pattern is a
 * glob ({@code *} any run of characters, {@code ?} one) on an object's name, optionally after its
 * kind: {@code spatial_ref_sys} matches the table of that name and everything in it (its columns,
 * constraints, indexes); {@code table tmp_*} only tables; {@code extension *} every extension;
 * {@code column users.legacy_*} those columns.
 */
public final class DriftIgnore {

    public static final DriftIgnore NONE = new DriftIgnore(List.of());

    private record Rule(String kind, Pattern name) {
    }

    private final List<Rule> rules;

    private DriftIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The patterns as written; a blank one is refused with its place in the list. */
    public static DriftIgnore of(List<String> patterns) {
        return new DriftIgnore(patterns.stream().map(DriftIgnore::rule).toList());
    }

    private static Rule rule(String pattern) {
        String p = pattern.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("a drift.ignore pattern is empty: write an object's name, a glob such as"
                    + " 'tmp_*', or a kind and a name such as 'table spatial_ref_sys'");
        }
        int space = p.lastIndexOf(' ');
        String kind = space < 0 ? null : p.substring(0, space).strip().toLowerCase(Locale.ROOT);
        return new Rule(kind, glob(space < 0 ? p : p.substring(space + 1)));
    }

    private static Pattern glob(String glob) {
        return io.graft.internal.text.Globs.compile(glob);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether {@code difference}'s object is one of the ignored. */
    public boolean ignores(Difference difference) {
        return ignores(difference.object());
    }

    /** @param object an object in words, as a difference names it: {@code column users.email} */
    boolean ignores(String object) {
        String words = object.startsWith("the comment on ") ? object.substring("the comment on ".length()) : object;
        int space = words.lastIndexOf(' ');
        String kind = space < 0 ? "" : words.substring(0, space).toLowerCase(Locale.ROOT);
        String name = words.substring(space + 1);
        int dot = name.indexOf('.');
        String root = dot > 0 ? name.substring(0, dot) : name;
        for (Rule rule : rules) {
            if (rule.kind() != null) {
                if (rule.kind().equals(kind) && rule.name().matcher(name).matches()) {
                    return true;
                }
            } else if (rule.name().matcher(name).matches() || rule.name().matcher(root).matches()) {
                return true;
            }
        }
        return false;
    }
}
