package io.graft.internal.graph;

import io.graft.Branch;
import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The revisions of a changelog as a validated, immutable graph. Pure: built from a list of
 * revisions, no file and no database. Two kinds of edge:
 * <ul>
 *   <li>parents: a revision's parents; they alone decide children, heads, bases and branches
 *       ({@code depends_on} does not make a child, as in Alembic);</li>
 *   <li>requirements: parents plus {@code depends_on}; they decide order, ancestors and descendants.</li>
 * </ul>
 * Internally every revision is its index in changelog order; no query recurses, so a chain of
 * 100,000 revisions is fine.
 *
 * <p>A repeatable revision is a leaf that no revision may follow (the validator sees to that): it
 * is never a head, a current revision or a step of a relative target; {@code Planner} applies it
 * after the ordinary revisions of a run.
 *
 * <p>Longer than most files here on purpose: it is the one place that knows the index-and-bitset
 * representation; validation ({@code GraphValidator}), target resolution ({@code TargetResolver})
 * and plans ({@code Planner}) live beside it and use only its queries.
 */
public final class RevisionGraph {

    private final List<Revision> revisions;
    private final Map<String, Integer> index;
    private final Map<String, Integer> labelIndex;
    private final int[][] parents;
    private final int[][] dependsOn;
    private final int[][] children;
    private final int[][] dependents;
    /** Revision indices in topological order, and each revision's position in it. */
    private final int[] topological;
    private final int[] rank;
    private final BitSet repeatable;
    /** Revisions that an ordinary (not repeatable) revision names as a parent. */
    private final BitSet followed;

    private RevisionGraph(List<Revision> revisions) {
        this.revisions = List.copyOf(revisions);
        int n = this.revisions.size();
        index = new HashMap<>(n * 2);
        labelIndex = new HashMap<>();
        repeatable = new BitSet(n);
        for (int i = 0; i < n; i++) {
            Revision revision = this.revisions.get(i);
            index.put(revision.id(), i);
            repeatable.set(i, revision.repeatable());
            for (String label : revision.labels()) {
                labelIndex.put(label, i);
            }
        }
        parents = new int[n][];
        dependsOn = new int[n][];
        int[] childCount = new int[n];
        int[] dependentCount = new int[n];
        for (int i = 0; i < n; i++) {
            Revision revision = this.revisions.get(i);
            parents[i] = indices(revision.parents());
            dependsOn[i] = indices(revision.dependsOn());
            for (int p : parents[i]) {
                childCount[p]++;
            }
            for (int d : dependsOn[i]) {
                dependentCount[d]++;
            }
        }
        children = new int[n][];
        dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
            dependents[i] = new int[dependentCount[i]];
            childCount[i] = 0;
            dependentCount[i] = 0;
        }
        followed = new BitSet(n);
        for (int i = 0; i < n; i++) {
            for (int p : parents[i]) {
                children[p][childCount[p]++] = i;
                if (!repeatable.get(i)) {
                    followed.set(p);
                }
            }
            for (int d : dependsOn[i]) {
                dependents[d][dependentCount[d]++] = i;
            }
        }
        topological = sortTopologically();
        rank = new int[n];
        for (int position = 0; position < n; position++) {
            rank[topological[position]] = position;
        }
    }

    /** The graph of a loaded changelog. */
    public static RevisionGraph of(Changelog changelog) {
        return of(changelog.revisions());
    }

    /** Validates and builds; throws {@link ChangelogException} carrying every problem. */
    public static RevisionGraph of(List<Revision> revisions) {
        GraphCheck check = GraphCheck.of(revisions);
        if (check.graph() == null) {
            throw new ChangelogException(check.problems());
        }
        return check.graph();
    }

    /** For {@link GraphCheck}: revisions in which the validator found nothing wrong. */
    static RevisionGraph ofValidated(List<Revision> revisions) {
        return new RevisionGraph(revisions);
    }

    /**
     * Every problem with the graph: duplicate ids or labels, labels that are ids or keywords,
     * unknown or repeated parents and depends_on, a depends_on on itself, and one cycle.
     */
    public static List<Problem> validate(List<Revision> revisions) {
        return GraphValidator.validate(revisions);
    }

    // ---- queries by id -------------------------------------------------------------------------

    /** All revisions in changelog order. */
    public List<Revision> revisions() {
        return revisions;
    }

    public int size() {
        return revisions.size();
    }

    public boolean contains(String id) {
        return index.containsKey(id);
    }

    public Optional<Revision> find(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(revisions.get(i));
    }

    /** The revision with this exact id; {@link NoSuchElementException} when there is none. */
    public Revision get(String id) {
        return revisions.get(require(id));
    }

    public List<Revision> parents(String id) {
        return revisionsAt(parents[require(id)]);
    }

    /** Revisions naming {@code id} as a parent, in changelog order. */
    public List<Revision> children(String id) {
        return revisionsAt(children[require(id)]);
    }

    /** Ordinary revisions no other revision names as a parent, in changelog order. */
    public List<Revision> heads() {
        List<Revision> heads = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            if (isHead(i)) {
                heads.add(revisions.get(i));
            }
        }
        return heads;
    }

    /** Ordinary revisions without parents, in changelog order. */
    public List<Revision> bases() {
        List<Revision> bases = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            if (parents[i].length == 0 && !repeatable.get(i)) {
                bases.add(revisions.get(i));
            }
        }
        return bases;
    }

    /** Every label with its revision and the heads of its branch (see {@link #branchMembers}), changelog order. */
    public List<Branch> branches() {
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            for (String label : revisions.get(i).labels()) {
                List<String> heads = new ArrayList<>();
                BitSet members = branchMembers(i);
                for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
                    if (isHead(m)) {
                        heads.add(revisions.get(m).id());
                    }
                }
                branches.add(new Branch(label, revisions.get(i).id(), heads));
            }
        }
        return branches;
    }

    /** Every revision, each after its parents and depends_on; ties go to the earlier in the changelog. */
    public List<Revision> topologicalOrder() {
        return revisionsAt(topological);
    }

    /** The given revisions and everything they require (parents, depends_on), transitively; topological order. */
    public Set<String> ancestors(Collection<String> ids) {
        return idsInOrder(ancestorsOf(indicesOf(ids)));
    }

    /** The given revisions and everything that requires them, transitively; topological order. */
    public Set<String> descendants(Collection<String> ids) {
        return idsInOrder(descendantsOf(indicesOf(ids)));
    }

    // ---- index-level API for the resolver and the planner ------------------------------------

    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    int labelled(String label) {
        Integer i = labelIndex.get(label);
        return i == null ? -1 : i;
    }

    Revision at(int i) {
        return revisions.get(i);
    }

    /** An ordinary revision without children: a head of the changelog. */
    boolean isHead(int i) {
        return !repeatable.get(i) && !followed.get(i);
    }

    boolean isRepeatable(int i) {
        return repeatable.get(i);
    }

    /** The repeatable revisions, as a set of indices (a copy). */
    BitSet repeatables() {
        return (BitSet) repeatable.clone();
    }

    int[] parentsOf(int i) {
        return parents[i];
    }

    int[] childrenOf(int i) {
        return children[i];
    }

    Set<String> labels() {
        return Collections.unmodifiableSet(labelIndex.keySet());
    }

    Set<String> ids() {
        return Collections.unmodifiableSet(index.keySet());
    }

    /** The ids in {@code applied} that this graph knows, as a set of indices; the rest are ignored. */
    BitSet known(Collection<String> applied) {
        BitSet set = new BitSet(revisions.size());
        for (String id : applied) {
            Integer i = index.get(id);
            if (i != null) {
                set.set(i);
            }
        }
        return set;
    }

    /**
     * Ordinary members of {@code set} without a child (by parents) in {@code set}: the current
     * heads of an applied set.
     */
    List<Integer> tips(BitSet set) {
        List<Integer> tips = new ArrayList<>();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            boolean tip = !repeatable.get(i);
            for (int c : children[i]) {
                if (set.get(c) && !repeatable.get(c)) {
                    tip = false;
                    break;
                }
            }
            if (tip) {
                tips.add(i);
            }
        }
        return tips;
    }

    /** Inclusive closure over parents and depends_on. */
    BitSet ancestorsOf(BitSet start) {
        return closure(start, parents, dependsOn);
    }

    /** Inclusive closure over children and dependents. */
    BitSet descendantsOf(BitSet start) {
        return closure(start, children, dependents);
    }

    /**
     * A label's branch: the labelled revision and its descendants by parents, without entering a
     * revision that carries a label of its own (that is another branch). When that walk reaches no
     * head, because labels are used as tags along one line, it is all descendants instead.
     */
    BitSet branchMembers(int start) {
        BitSet members = walkChildren(start, true);
        for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
            if (isHead(m)) {
                return members;
            }
        }
        return walkChildren(start, false);
    }

    private BitSet walkChildren(int start, boolean stopAtLabels) {
        // Sized as it grows: branches() walks once per label, most walks are short.
        BitSet seen = new BitSet();
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = start;
        seen.set(start);
        while (top > 0) {
            int u = stack[--top];
            for (int c : children[u]) {
                if (!seen.get(c) && !(stopAtLabels && !revisions.get(c).labels().isEmpty())) {
                    seen.set(c);
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = c;
                }
            }
        }
        return seen;
    }

    /** The members of {@code set} in topological order, or newest first when {@code reverse}. */
    List<Revision> inOrder(BitSet set, boolean reverse) {
        List<Revision> ordered = new ArrayList<>(set.cardinality());
        for (int p = 0; p < topological.length; p++) {
            int i = topological[reverse ? topological.length - 1 - p : p];
            if (set.get(i)) {
                ordered.add(revisions.get(i));
            }
        }
        return ordered;
    }

    // ---- internals ----------------------------------------------------------------------------

    private int require(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new NoSuchElementException("no revision '" + id + "' in the changelog");
        }
        return i;
    }

    private int[] indices(List<String> ids) {
        int[] result = new int[ids.size()];
        for (int k = 0; k < result.length; k++) {
            result[k] = index.get(ids.get(k));
        }
        return result;
    }

    private BitSet indicesOf(Collection<String> ids) {
        BitSet set = new BitSet(revisions.size());
        for (String id : ids) {
            set.set(require(id));
        }
        return set;
    }

    private List<Revision> revisionsAt(int[] indices) {
        List<Revision> result = new ArrayList<>(indices.length);
        for (int i : indices) {
            result.add(revisions.get(i));
        }
        return Collections.unmodifiableList(result);
    }

    private Set<String> idsInOrder(BitSet set) {
        Set<String> ids = new LinkedHashSet<>();
        for (Revision revision : inOrder(set, false)) {
            ids.add(revision.id());
        }
        return Collections.unmodifiableSet(ids);
    }

    private BitSet closure(BitSet start, int[][] first, int[][] second) {
        BitSet seen = (BitSet) start.clone();
        int[] stack = new int[revisions.size()];
        int top = 0;
        for (int i = start.nextSetBit(0); i >= 0; i = start.nextSetBit(i + 1)) {
            stack[top++] = i;
        }
        while (top > 0) {
            int u = stack[--top];
            for (int v : first[u]) {
                if (!seen.get(v)) {
                    seen.set(v);
                    stack[top++] = v;
                }
            }
            for (int v : second[u]) {
                if (!seen.get(v)) {
                    seen.set(v);
                    stack[top++] = v;
                }
            }
        }
        return seen;
    }

    /** Kahn's algorithm; the queue hands out the earliest revision in changelog order first. */
    private int[] sortTopologically() {
        int n = revisions.size();
        int[] waiting = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            waiting[i] = parents[i].length + dependsOn[i].length;
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int u = ready.poll();
            order[count++] = u;
            for (int c : children[u]) {
                if (--waiting[c] == 0) {
                    ready.add(c);
                }
            }
            for (int d : dependents[u]) {
                if (--waiting[d] == 0) {
                    ready.add(d);
                }
            }
        }
        if (count != n) {
            throw new IllegalStateException("cycle in a validated graph");
        }
        return order;
    }
}
