package io.graft.internal.graph;

import io.graft.Target;
import io.graft.Direction;
import io.graft.Hints;
import io.graft.TargetException;
import io.graft.changelog.Revision;
import java.util.ArrayList;
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
 *
 * <p>Repeatable revisions: an upgrade (to anything but base) ends with those that are new or
 * changed and whose requirements are then applied, in changelog order; a downgrade reverts the
 * repeatable revisions it removes first (newest in the changelog first), and a repeatable one
 * without a down file does not block it (its row is removed, no SQL runs).
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

    /** Upgrade to {@code target}, no repeatable revision counted as changed. */
    public Plan upgrade(Target target, Set<String> applied) {
        return upgrade(target, applied, Set.of());
    }

    /**
     * Upgrade to {@code target}: its unapplied ancestors in topological order, then the
     * repeatable revisions that are due, in changelog order (see {@link #repeatablesDue}). When
     * the target names repeatable revisions itself, only those are considered.
     *
     * @param changed applied repeatable revisions whose up file's checksum changed since
     */
    public Plan upgrade(Target target, Set<String> applied, Set<String> changed) {
        BitSet known = graph.known(applied);
        return new Plan(Direction.UP, target.text(),
                upgradeSteps(resolver.position(target, known).at(), known, changed));
    }

    /** The steps up to the revisions {@code at} from {@code known}; nothing for base (empty {@code at}). */
    private List<Revision> upgradeSteps(List<Integer> at, BitSet known, Set<String> changed) {
        if (at.isEmpty()) {
            return List.of();
        }
        BitSet named = bits(at);
        BitSet wanted = graph.ancestorsOf(named);
        wanted.andNot(known);
        wanted.andNot(graph.repeatables());
        named.and(graph.repeatables());
        List<Revision> steps = new ArrayList<>(graph.inOrder(wanted, false));
        BitSet after = (BitSet) known.clone();
        after.or(wanted);
        steps.addAll(repeatablesDue(after, known, changed, named.isEmpty() ? null : named));
        return steps;
    }

    /** Everything not yet applied: the upgrade to {@code heads}. */
    public Plan pending(Set<String> applied) {
        return upgrade(Target.HEADS, applied);
    }

    /** {@link #pending(Set)}, with the repeatable revisions whose file changed. */
    public Plan pending(Set<String> applied, Set<String> changed) {
        return upgrade(Target.HEADS, applied, changed);
    }

    /**
     * The repeatable revisions a run applies after its ordinary revisions, in changelog order:
     * each that is new or {@code changed} and whose parents and depends_on are all applied once
     * the run's ordinary revisions are ({@code after}).
     *
     * @param scope the repeatable revisions a target named, or null for all
     */
    private List<Revision> repeatablesDue(BitSet after, BitSet known, Set<String> changed, BitSet scope) {
        List<Revision> due = new ArrayList<>();
        BitSet repeatables = scope != null ? scope : graph.repeatables();
        for (int i = repeatables.nextSetBit(0); i >= 0; i = repeatables.nextSetBit(i + 1)) {
            Revision r = graph.at(i);
            if (known.get(i) && !changed.contains(r.id())) {
                continue;
            }
            BitSet needs = graph.ancestorsOf(bits(List.of(i)));
            needs.clear(i);
            needs.andNot(after);
            if (needs.isEmpty()) {
                due.add(r);
            }
        }
        return due;
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
        List<Revision> steps = revertOrder(removal(position, known));
        List<String> irreversible = steps.stream().filter(r -> !r.isReversible() && !r.repeatable())
                .map(Revision::id).toList();
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

    /**
     * Reverted first: the repeatable revisions (they were applied after the others), newest in
     * the changelog first; then the others, children first.
     */
    private List<Revision> revertOrder(BitSet remove) {
        BitSet ordinary = (BitSet) remove.clone();
        ordinary.andNot(graph.repeatables());
        BitSet repeatables = graph.repeatables();
        repeatables.and(remove);
        List<Revision> steps = new ArrayList<>();
        for (int i = repeatables.previousSetBit(repeatables.length() - 1); i >= 0; i = repeatables.previousSetBit(i - 1)) {
            steps.add(graph.at(i));
        }
        steps.addAll(graph.inOrder(ordinary, true));
        return steps;
    }

    /** {@link #stamp(Target, Set, Set)} with no repeatable revision counted as changed. */
    public StampPlan stamp(Target target, Set<String> applied) {
        return stamp(target, applied, Set.of());
    }

    /**
     * The history rows to add and remove so that the database looks migrated to {@code target}:
     * what {@code up} to it would have recorded (repeatable revisions that are due included; one
     * that is {@code changed} is in {@code add} again, for its new checksum), and what
     * {@code down} to it would have removed.
     */
    public StampPlan stamp(Target target, Set<String> applied, Set<String> changed) {
        BitSet known = graph.known(applied);
        TargetResolver.Position position = resolver.position(target, known);
        BitSet remove = removal(position, known);
        BitSet kept = (BitSet) known.clone();
        kept.andNot(remove);
        return new StampPlan(target.text(), upgradeSteps(position.at(), kept, changed), revertOrder(remove));
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
     * A repeatable revision goes when one of its requirements goes, and at base; otherwise it
     * stays, as {@code up} to the same target would have applied it.
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
        BitSet repeatables = graph.repeatables();
        repeatables.and(known);
        remove.andNot(repeatables);
        for (int r = repeatables.nextSetBit(0); r >= 0; r = repeatables.nextSetBit(r + 1)) {
            BitSet needs = graph.ancestorsOf(bits(List.of(r)));
            needs.clear(r);
            if (position.at().isEmpty() || needs.intersects(remove)) {
                remove.set(r);
            }
        }
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
