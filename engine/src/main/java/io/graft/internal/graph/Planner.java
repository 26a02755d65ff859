package io.graft.internal.graph;

import io.graft.Target;
import io.graft.Direction;
import io.graft.Hints;
import io.graft.TargetException;
import io.graft.changelog.Revision;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans (DESIGN §4) against the SET of applied revisions. Ids in {@code applied} that the graph
 * does not know (rows written from another changelog) are ignored here; {@link #unknown} lists
 * them so that the caller can report them.
 *
 * <p>Upgrading to T applies every ancestor of T (parents and depends_on, transitively) that is
 * not applied, in topological order. Downgrading to T reverts every applied descendant
 * of T's children (again through depends_on, so whatever depends on a reverted revision is reverted
 * too, while a revision that only depends on T stays with T), children first; T itself stays and
 * must be applied, as must the revision a step back lands on. Stamping removes what
 * that downgrade would revert and adds the ancestors of T.
 */
public final class Planner {

    private final RevisionGraph graph;
    private final TargetResolver resolver;

    public Planner(RevisionGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.resolver = new TargetResolver(graph);
    }

    public RevisionGraph graph() {
        return graph;
    }

    public TargetResolver resolver() {
        return resolver;
    }

    /** Upgrade to {@code target}. */
    public Plan upgrade(Target target, Set<String> applied) {
        BitSet known = graph.known(applied);
        BitSet wanted = graph.ancestorsOf(bits(resolver.position(target, known).at()));
        wanted.andNot(known);
        return new Plan(Direction.UP, target.text(), graph.inOrder(wanted, false));
    }

    /** Everything not yet applied: the upgrade to {@code heads}. */
    public Plan pending(Set<String> applied) {
        return upgrade(Target.HEADS, applied);
    }

    /**
     * Downgrade to {@code target} (required). Refused with a {@link TargetException} before
     * anything runs when the target is not applied or a step has no down file.
     */
    public Plan downgrade(Target target, Set<String> applied) {
        BitSet known = graph.known(applied);
        TargetResolver.Position position = resolver.position(target, known);
        for (int t : position.at()) {
            if (!known.get(t)) {
                String id = graph.at(t).id();
                throw new TargetException(target.text(), Hints.append("cannot downgrade to '" + target.text() + "': '"
                        + id + "' is not applied", "`graft up " + id + "` applies it; `graft current` shows"
                        + " what is applied"), List.of(id));
            }
        }
        List<Revision> steps = graph.inOrder(removal(position, known), true);
        List<String> irreversible = steps.stream().filter(r -> !r.isReversible()).map(Revision::id).toList();
        if (!irreversible.isEmpty()) {
            boolean one = irreversible.size() == 1;
            throw new TargetException(target.text(), Hints.append("cannot downgrade to '" + target.text() + "': "
                    + TargetResolver.list(irreversible) + (one ? " is" : " are") + " irreversible ("
                    + (one ? "it has" : "they have") + " no down file)", "add a down file to "
                    + TargetResolver.list(irreversible) + ", or run `graft stamp " + target.text()
                    + "` to record the downgrade without running SQL"), irreversible);
        }
        return new Plan(Direction.DOWN, target.text(), steps);
    }

    /** The history rows to add and remove so that the database looks migrated to {@code target}. */
    public StampPlan stamp(Target target, Set<String> applied) {
        BitSet known = graph.known(applied);
        TargetResolver.Position position = resolver.position(target, known);
        BitSet add = graph.ancestorsOf(bits(position.at()));
        add.andNot(known);
        return new StampPlan(target.text(), graph.inOrder(add, false),
                graph.inOrder(removal(position, known), true));
    }

    /** Applied revisions with no applied child, in changelog order. */
    public List<Revision> current(Set<String> applied) {
        return graph.tips(graph.known(applied)).stream().map(graph::at).toList();
    }

    /** The ids in {@code applied} that this changelog does not define, sorted. */
    public List<String> unknown(Collection<String> applied) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String id : applied) {
            if (!graph.contains(id)) {
                unknown.add(id);
            }
        }
        return List.copyOf(unknown);
    }

    /** Every revision, newest first (reverse topological order). */
    public List<Revision> history() {
        return history(null, Set.of());
    }

    /** {@link #history(String, Set)} with nothing applied (relative targets then count from base). */
    public List<Revision> history(String range) {
        return history(range, Set.of());
    }

    /**
     * Newest first, limited by a range {@code FROM:TO} of targets: descendants of FROM that are
     * ancestors of TO, both ends included. An empty side, {@code base} as FROM and {@code heads}
     * as TO are unbounded; no range is everything.
     */
    public List<Revision> history(String range, Set<String> applied) {
        BitSet selected = new BitSet(graph.size());
        selected.set(0, graph.size());
        if (range == null || range.isBlank()) {
            return graph.inOrder(selected, true);
        }
        int colon = range.indexOf(':');
        if (colon < 0 || range.indexOf(':', colon + 1) >= 0) {
            throw new TargetException(range, Hints.append("invalid range '" + range + "': expected FROM:TO",
                    "either side may be empty, e.g. 'base:head', '0003:' or ':0005'"));
        }
        BitSet known = graph.known(applied);
        String from = range.substring(0, colon).trim();
        String to = range.substring(colon + 1).trim();
        if (!from.isEmpty()) {
            List<Integer> start = resolver.position(Target.parse(from), known).at();
            if (!start.isEmpty()) {
                selected.and(graph.descendantsOf(bits(start)));
            }
        }
        if (!to.isEmpty()) {
            selected.and(graph.ancestorsOf(bits(resolver.position(Target.parse(to), known).at())));
        }
        return graph.inOrder(selected, true);
    }

    /**
     * What a downgrade or stamp to {@code position} reverts: after a step back, the revision
     * stepped off and its applied descendants; for base, everything applied; otherwise the applied
     * descendants of the targets' children that are not also ancestors of one of the targets.
     * Descendants are taken through depends_on too: what depends on a reverted revision goes with
     * it. A revision that only depends on a target, which stays, is not reverted (as in Alembic):
     * it may be on another branch, and other branches are untouched.
     */
    private BitSet removal(TargetResolver.Position position, BitSet known) {
        BitSet remove;
        if (position.steppedOff() >= 0) {
            remove = graph.descendantsOf(bits(List.of(position.steppedOff())));
        } else if (position.at().isEmpty()) {
            remove = (BitSet) known.clone();
        } else {
            BitSet targets = bits(position.at());
            BitSet children = new BitSet(graph.size());
            for (int t : position.at()) {
                for (int c : graph.childrenOf(t)) {
                    children.set(c);
                }
            }
            remove = graph.descendantsOf(children);
            remove.andNot(graph.ancestorsOf(targets));
        }
        remove.and(known);
        return remove;
    }

    private BitSet bits(List<Integer> indices) {
        BitSet set = new BitSet(graph.size());
        for (int i : indices) {
            set.set(i);
        }
        return set;
    }
}
