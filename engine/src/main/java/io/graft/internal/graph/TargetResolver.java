package io.graft.internal.graph;

import io.graft.Hints;
import io.graft.Target;
import io.graft.internal.text.DidYouMean;
import io.graft.TargetException;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves a {@link Target} against a graph and the set of applied revisions. A target names
 * zero revisions ({@code base}, or stepping back past a root), one, or several ({@code heads}).
 *
 * <p>Relative targets walk parents and children only, never {@code depends_on}, and refuse to
 * guess: a fork, a merge or several current heads on the way is an error listing the choices.
 * "Current heads" are the applied revisions with no applied child. {@code +N} with nothing
 * applied starts before the single base (so {@code +1} is the base); {@code -N} that steps back
 * from a root reaches {@code base}; one step further is an error. Repeatable revisions are off
 * these walks: they are not steps of a line.
 */
public final class TargetResolver {

    /** How many names an error message lists before "and N more". */
    private static final int LISTED = 10;

    private final RevisionGraph graph;

    public TargetResolver(RevisionGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Resolves what of {@code target} the graph alone decides (every name in it), so that a typo
     * is reported before a connection, a lock or a history read. Steps relative to what is
     * applied are left to the plan.
     */
    public void checkNames(Target target) {
        if (target instanceof Target.Offset offset) {
            named(offset.name(), target.text());
        } else if (target instanceof Target.BranchRelative branch) {
            named(branch.name(), target.text());
        } else if (!(target instanceof Target.Relative)) {
            position(target, new BitSet());
        }
    }

    /** The revisions {@code target} names, in changelog order; empty for {@code base}. */
    public List<Revision> resolve(Target target, Set<String> applied) {
        return position(target, graph.known(applied)).at().stream().map(graph::at).toList();
    }

    /** Exactly one revision (for {@code show}); {@code base} and several heads are errors. */
    public Revision resolveOne(Target target, Set<String> applied) {
        List<Revision> found = resolve(target, applied);
        if (found.isEmpty()) {
            throw new TargetException(target.text(), "'" + target.text() + "' is base: it names no revision");
        }
        if (found.size() > 1) {
            List<String> ids = found.stream().map(Revision::id).toList();
            throw new TargetException(target.text(), Hints.append("'" + target.text() + "' names several revisions: "
                    + list(ids), "name one of them"), ids);
        }
        return found.get(0);
    }

    /**
     * Where a target puts the database.
     *
     * @param at the revisions it names (empty: base)
     * @param steppedOff for a step back, the last revision stepped off, else -1: a downgrade then
     *     reverts that revision and its descendants only, so that stepping back along one branch
     *     leaves the other children of a shared ancestor applied
     */
    record Position(List<Integer> at, int steppedOff) {

        static Position of(int index) {
            return new Position(index < 0 ? List.of() : List.of(index), -1);
        }
    }

    Position position(Target target, BitSet applied) {
        String text = target.text();
        if (target instanceof Target.Head) {
            return Position.of(singleHead(text));
        }
        if (target instanceof Target.Heads) {
            return new Position(heads(), -1);
        }
        if (target instanceof Target.Base) {
            return Position.of(-1);
        }
        if (target instanceof Target.Named named) {
            return Position.of(named(named.name(), text));
        }
        if (target instanceof Target.BranchHead branch) {
            return Position.of(branchHead(branch.name(), text));
        }
        if (target instanceof Target.Relative relative) {
            return relative(relative.steps(), applied, text);
        }
        if (target instanceof Target.Offset offset) {
            return step(named(offset.name(), text), offset.steps(), null, List.of(), applied, text);
        }
        if (target instanceof Target.BranchRelative branch) {
            return branchRelative(branch.name(), branch.steps(), applied, text);
        }
        throw new IllegalStateException("unknown target type " + target);
    }

    /**
     * An id, then a label, then a revision that is the only one whose id starts with {@code name}
     * (4+ characters) or whose id is {@code NUMBER_name} (the name part of a timestamped or
     * numbered id: {@code add_posts} for {@code 20261201213630_add_posts}). A name that matches
     * several revisions in these last two ways is ambiguous, and the error lists them all.
     */
    int named(String name, String text) {
        int i = graph.indexOf(name);
        if (i >= 0) {
            return i;
        }
        i = graph.labelled(name);
        if (i >= 0) {
            return i;
        }
        List<String> prefixed = prefixed(name);
        List<String> byNamePart = withNamePart(name);
        Set<String> matches = new LinkedHashSet<>(byNamePart);
        if (name.length() >= 4) {
            matches.addAll(prefixed);
        }
        if (matches.size() == 1) {
            return graph.indexOf(matches.iterator().next());
        }
        if (matches.size() > 1) {
            List<String> found = graph.revisions().stream().map(Revision::id).filter(matches::contains).toList();
            String how = byNamePart.isEmpty() ? "is a prefix of"
                    : byNamePart.size() == found.size() ? "is the name part of" : "is a prefix or the name part of";
            throw new TargetException(text, Hints.append("ambiguous target '" + text + "': '" + name + "' " + how
                    + " several revisions: " + list(found), byNamePart.isEmpty() ? "give more characters of the id"
                    : "name one by its whole id, or by a prefix of 4+ characters of it"), found);
        }
        Set<String> candidates = new LinkedHashSet<>(prefixed);
        Set<String> names = new LinkedHashSet<>(graph.ids());
        names.addAll(graph.labels());
        for (Revision revision : graph.revisions()) {
            String part = namePart(revision.id());
            if (part != null) {
                names.add(part);
            }
        }
        candidates.addAll(DidYouMean.closest(name, names, 5));
        List<String> suggestions = candidates.stream().limit(LISTED).toList();
        String where = text.equals(name) ? "unknown target '" + text + "'" : "unknown revision '" + name
                + "' in target '" + text + "'";
        String hint;
        if (!prefixed.isEmpty()) {
            hint = "a prefix needs at least 4 characters; did you mean one of " + list(suggestions) + "?";
        } else if (!suggestions.isEmpty()) {
            hint = DidYouMean.hint(suggestions);
        } else {
            hint = "`graft history` lists the revisions and `graft branches` the labels";
        }
        throw new TargetException(text, Hints.append(where + ": no revision id, label, id prefix or name part matches", hint),
                suggestions);
    }

    private int singleHead(String text) {
        List<Integer> heads = heads();
        if (heads.isEmpty()) {
            throw new TargetException(text, "'" + text + "' names nothing: the changelog has no revisions");
        }
        if (heads.size() > 1) {
            List<String> ids = ids(heads);
            throw new TargetException(text, Hints.append("'" + text + "' is ambiguous: the changelog has "
                    + heads.size() + " heads: " + list(ids), "use 'heads' for all of them, LABEL@head for one branch,"
                    + " or merge them with `graft merge`"), ids);
        }
        return heads.get(0);
    }

    private List<Integer> heads() {
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.isHead(i)) {
                heads.add(i);
            }
        }
        return heads;
    }

    private int branchHead(String name, String text) {
        int start = named(name, text);
        BitSet members = graph.branchMembers(start);
        List<Integer> heads = new ArrayList<>();
        for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
            if (graph.isHead(m)) {
                heads.add(m);
            }
        }
        if (heads.size() > 1) {
            List<String> ids = ids(heads);
            throw new TargetException(text, Hints.append("'" + text + "' is ambiguous: the branch from '"
                    + graph.at(start).id() + "' has " + heads.size() + " heads: " + list(ids),
                    "name one of them, or merge them with `graft merge`"), ids);
        }
        return heads.get(0);
    }

    private Position relative(int steps, BitSet applied, String text) {
        List<Integer> current = graph.tips(applied);
        if (current.size() > 1) {
            throw severalCurrent(current, "several revisions are current", steps, applied, text);
        }
        if (!current.isEmpty()) {
            return step(current.get(0), steps, null, List.of(), applied, text);
        }
        if (steps < 0) {
            throw new TargetException(text, "'" + text + "' has nothing to step back from: nothing is applied");
        }
        List<Integer> bases = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.parentsOf(i).length == 0 && !graph.isRepeatable(i)) {
                bases.add(i);
            }
        }
        return step(-1, steps, null, bases, applied, text);
    }

    private Position branchRelative(String name, int steps, BitSet applied, String text) {
        int start = named(name, text);
        BitSet members = graph.branchMembers(start);
        BitSet appliedMembers = (BitSet) members.clone();
        appliedMembers.and(applied);
        List<Integer> current = graph.tips(appliedMembers);
        if (current.size() > 1) {
            throw severalCurrent(current, "the branch from '" + graph.at(start).id()
                    + "' has several applied heads", steps, applied, text);
        }
        if (!current.isEmpty()) {
            return step(current.get(0), steps, members, List.of(), applied, text);
        }
        if (steps < 0) {
            throw new TargetException(text, "'" + text + "' has nothing to step back from: nothing on the branch from '"
                    + graph.at(start).id() + "' is applied");
        }
        return step(-1, steps, members, List.of(start), applied, text);
    }

    /**
     * Walks {@code steps} children forward (positive) or parents back (negative) from {@code start};
     * a walk back also returns the revision it last stepped off.
     * {@code -1} is "nothing": forward from it goes to {@code first}, back into it from a root.
     * Walks stay inside {@code scope} when it is given: forward it picks among children, back it
     * picks the one parent of a merge that is in it.
     *
     * <p>The last step back over a merge lands on all its parents: the merge alone is reverted and
     * its parents stay, as several current heads (what {@code alembic downgrade PARENT} leaves).
     * A walk that must go further back than a merge without a scope to choose a side is ambiguous.
     * {@code applied} serves only the hints of such errors.
     */
    private Position step(int start, int steps, BitSet scope, List<Integer> first, BitSet applied, String text) {
        int position = start;
        int steppedOff = -1;
        int n = Math.abs(steps);
        for (int taken = 0; taken < n; taken++) {
            int remaining = n - taken - 1;
            if (steps > 0) {
                List<Integer> next = position < 0 ? first : children(position, scope);
                if (next.isEmpty()) {
                    throw new TargetException(text, position < 0 ? "'" + text + "' names nothing: the changelog is empty"
                            : "'" + text + "' goes past a head: '" + graph.at(position).id()
                                    + "' has no child (" + taken + " of " + n + " steps are possible)");
                }
                if (next.size() > 1) {
                    List<String> ids = ids(next);
                    String why = position < 0 ? "nothing is applied and there are several bases: "
                            : "'" + graph.at(position).id() + "' has several children: ";
                    throw new TargetException(text, Hints.append("'" + text + "' is ambiguous: " + why + list(ids),
                            "step from one of them, e.g. '" + ids.get(0) + suffix('+', remaining) + "'"), ids);
                }
                position = next.get(0);
            } else {
                if (position < 0) {
                    throw new TargetException(text, "'" + text + "' goes past base: only " + taken
                            + (taken == 1 ? " step back is possible" : " steps back are possible"));
                }
                int[] parents = graph.parentsOf(position);
                if (parents.length > 1) {
                    if (remaining == 0) {
                        List<Integer> sides = new ArrayList<>();
                        for (int parent : parents) {
                            sides.add(parent);
                        }
                        sides.sort(null);
                        return new Position(sides, position);
                    }
                    int side = scope == null ? -1 : onlyOneIn(parents, scope);
                    if (side < 0) {
                        throw throughMerge(start, position, parents, taken, remaining, applied, text);
                    }
                    steppedOff = position;
                    position = side;
                    continue;
                }
                steppedOff = position;
                position = parents.length == 0 ? -1 : parents[0];
            }
        }
        return new Position(position < 0 ? List.of() : List.of(position), steppedOff);
    }

    private static int onlyOneIn(int[] parents, BitSet scope) {
        int found = -1;
        for (int parent : parents) {
            if (scope.get(parent)) {
                if (found >= 0) {
                    return -1;
                }
                found = parent;
            }
        }
        return found;
    }

    /**
     * A walk back that reaches a merge with steps left: says what the steps up to the merge do,
     * and for each parent the targets that go on through it ({@code LABEL@-N}, {@code ID-N}).
     */
    private TargetException throughMerge(int start, int merge, int[] parents, int taken, int remaining,
            BitSet applied, String text) {
        List<String> ids = ids(parents);
        String upToMerge = text.replaceFirst("-\\d+$", "-" + (taken + 1));
        List<String> sides = new ArrayList<>();
        for (int parent : parents) {
            List<String> forms = new ArrayList<>();
            for (String label : labelsThrough(start, parent, parents, applied)) {
                forms.add("'" + label + "@-" + (taken + 1 + remaining) + "'");
            }
            forms.add("'" + graph.at(parent).id() + "-" + remaining + "'");
            sides.add(String.join(" or ", forms) + " (through '" + graph.at(parent).id() + "')");
        }
        return new TargetException(text, Hints.append("'" + text + "' is ambiguous: '" + graph.at(merge).id()
                + "' is a merge of " + list(ids) + "; a step back over it reverts it alone, and the "
                + (remaining == 1 ? "next step" : "next " + remaining + " steps") + " must choose one of its parents",
                "'" + upToMerge + "' goes back over the merge alone, leaving " + list(ids)
                        + " as current heads; to go further, choose a side: " + String.join(", ", sides)), ids);
    }

    /**
     * Labels whose branch-relative walk back goes from {@code start} through {@code parent} of a
     * merge: the branch's single applied head is {@code start} and, of the merge's parents, it
     * holds {@code parent} alone.
     */
    private List<String> labelsThrough(int start, int parent, int[] parents, BitSet applied) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            for (String label : graph.at(i).labels()) {
                BitSet members = graph.branchMembers(i);
                if (onlyOneIn(parents, members) == parent && appliedHead(members, applied) == start) {
                    labels.add(label);
                }
            }
        }
        return labels;
    }

    /** The single applied head of a branch, or -1. */
    private int appliedHead(BitSet members, BitSet applied) {
        BitSet appliedMembers = (BitSet) members.clone();
        appliedMembers.and(applied);
        List<Integer> tips = graph.tips(appliedMembers);
        return tips.size() == 1 ? tips.get(0) : -1;
    }

    private List<Integer> children(int position, BitSet scope) {
        List<Integer> children = new ArrayList<>();
        for (int c : graph.childrenOf(position)) {
            if ((scope == null || scope.get(c)) && !graph.isRepeatable(c)) {
                children.add(c);
            }
        }
        return children;
    }

    private TargetException severalCurrent(List<Integer> current, String why, int steps, BitSet applied, String text) {
        List<String> ids = ids(current);
        String signed = (steps > 0 ? "+" : "") + steps;
        Map<Integer, List<String>> labelsByHead = new HashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            if (!graph.at(i).labels().isEmpty()) {
                int head = appliedHead(graph.branchMembers(i), applied);
                labelsByHead.computeIfAbsent(head, h -> new ArrayList<>()).addAll(graph.at(i).labels());
            }
        }
        List<String> choices = new ArrayList<>();
        for (int head : current.subList(0, Math.min(current.size(), LISTED))) {
            List<String> forms = new ArrayList<>();
            for (String label : labelsByHead.getOrDefault(head, List.of())) {
                forms.add("'" + label + "@" + signed + "'");
            }
            forms.add("'" + graph.at(head).id() + signed + "'");
            choices.add(String.join(" or ", forms) + " (from '" + graph.at(head).id() + "')");
        }
        return new TargetException(text, Hints.append("'" + text + "' is ambiguous: " + why + ": " + list(ids),
                "step from one of them: " + String.join(", ", choices)), ids);
    }

    private static String suffix(char sign, int remaining) {
        return remaining == 0 ? "" : sign + Integer.toString(remaining);
    }

    private List<String> ids(Collection<Integer> indices) {
        return indices.stream().map(i -> graph.at(i).id()).toList();
    }

    private List<String> ids(int[] indices) {
        List<String> ids = new ArrayList<>();
        for (int i : indices) {
            ids.add(graph.at(i).id());
        }
        return ids;
    }

    private List<String> prefixed(String name) {
        List<String> found = new ArrayList<>();
        for (Revision revision : graph.revisions()) {
            if (revision.id().startsWith(name)) {
                found.add(revision.id());
            }
        }
        return found;
    }

    /** Ids, in changelog order, whose name part is {@code name}. */
    private List<String> withNamePart(String name) {
        List<String> found = new ArrayList<>();
        for (Revision revision : graph.revisions()) {
            if (name.equals(namePart(revision.id()))) {
                found.add(revision.id());
            }
        }
        return found;
    }

    /** {@code add_posts} for {@code 20261201213630_add_posts} or {@code 0007_add_posts}; else null. */
    static String namePart(String id) {
        int digits = 0;
        while (digits < id.length() && id.charAt(digits) >= '0' && id.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits + 1 >= id.length() || id.charAt(digits) != '_') {
            return null;
        }
        return id.substring(digits + 1);
    }

    /** {@code 'a', 'b', 'c'}, cut after {@value #LISTED} names. */
    static String list(List<String> names) {
        String shown = DidYouMean.quoted(names.subList(0, Math.min(names.size(), LISTED)));
        return names.size() > LISTED ? shown + " and " + (names.size() - LISTED) + " more" : shown;
    }
}
