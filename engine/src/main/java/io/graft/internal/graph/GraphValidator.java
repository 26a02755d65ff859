package io.graft.internal.graph;

import io.graft.internal.text.DidYouMean;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of DESIGN §2 that involve more than one revision: unique ids and labels, labels
 * usable as targets, references that exist, no cycles. Collects every problem; reports one cycle.
 */
final class GraphValidator {

    /** Words with a meaning of their own in a target (DESIGN §3): no id or label may be one. */
    static final Set<String> KEYWORDS = Set.of("head", "heads", "base");

    /** Did-you-mean costs a scan of every id; beyond this many unknown references, skip it. */
    private static final int MAX_SUGGESTED = 50;

    /** A longer cycle is printed with its middle left out. */
    private static final int MAX_CYCLE_SHOWN = 20;

    private final List<Revision> revisions;
    private final Map<String, Integer> firstIndex = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private int suggested;

    private GraphValidator(List<Revision> revisions) {
        this.revisions = revisions;
    }

    static List<Problem> validate(List<Revision> revisions) {
        GraphValidator validator = new GraphValidator(revisions);
        validator.checkIds();
        validator.checkLabels();
        validator.checkReferences();
        validator.checkRepeatables();
        validator.checkReplaces();
        validator.checkCycles();
        return List.copyOf(validator.problems);
    }

    private void checkIds() {
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i);
            Integer first = firstIndex.putIfAbsent(revision.id(), i);
            if (first != null) {
                problems.add(Problem.at(revision.spanOf("id"), "duplicate revision id '" + revision.id() + "'",
                        "the first is at " + revisions.get(first).spanOf("id") + "; give this revision an id of its own"));
            }
            if (KEYWORDS.contains(revision.id())) {
                problems.add(Problem.at(revision.spanOf("id"), "revision id '" + revision.id() + "' is a target keyword",
                        "rename it: 'head', 'heads' and 'base' have a meaning of their own in targets"));
            }
        }
    }

    private void checkLabels() {
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i);
            for (int j = 0; j < revision.labels().size(); j++) {
                String label = revision.labels().get(j);
                SourceSpan at = revision.spanOf("labels[" + j + "]");
                if (!Revision.ID_PATTERN.matcher(label).matches()) {
                    problems.add(Problem.at(at, "label '" + label + "' cannot be used in a target",
                            "use letters, digits, '_' and '.' only, e.g. '"
                                    + label.replaceAll("[^" + Revision.ID_ALPHABET + "]", "_")
                                    + "': '@', '+', '-' and ':' are target syntax"));
                    continue;
                }
                if (KEYWORDS.contains(label)) {
                    problems.add(Problem.at(at, "label '" + label + "' is a target keyword",
                            "rename it: 'head', 'heads' and 'base' have a meaning of their own in targets"));
                }
                Integer previous = owner.putIfAbsent(label, i);
                if (previous != null) {
                    Revision first = revisions.get(previous);
                    problems.add(Problem.at(at, "duplicate label '" + label + "'",
                            (previous == i ? "this revision lists it twice"
                                    : "revision '" + first.id() + "' already carries it (" + first.span() + ")")
                                    + "; labels are unique across the changelog"));
                }
                if (firstIndex.containsKey(label)) {
                    problems.add(Problem.at(at, "label '" + label + "' is also a revision id, so the target '"
                                    + label + "' is ambiguous",
                            "rename the label (or the revision " + revisions.get(firstIndex.get(label)).spanOf("id") + ")"));
                }
            }
        }
    }

    private void checkReferences() {
        for (Revision revision : revisions) {
            List<String> parents = revision.parents();
            for (int j = 0; j < parents.size(); j++) {
                String parent = parents.get(j);
                if (parents.subList(0, j).contains(parent)) {
                    problems.add(Problem.at(revision.spanOf("parents[" + j + "]"), "revision '" + revision.id()
                            + "' lists parent '" + parent + "' twice", "remove the second '" + parent + "'"));
                } else if (!firstIndex.containsKey(parent)) {
                    problems.add(Problem.at(revision.spanOf("parents[" + j + "]"), "unknown parent '" + parent
                            + "' of revision '" + revision.id() + "'", unknownHint(parent, "parents")));
                }
            }
            List<String> dependsOn = revision.dependsOn();
            for (int j = 0; j < dependsOn.size(); j++) {
                String dependency = dependsOn.get(j);
                SourceSpan at = revision.spanOf("depends_on[" + j + "]");
                if (dependency.equals(revision.id())) {
                    problems.add(Problem.at(at, "revision '" + revision.id() + "' depends on itself",
                            "remove '" + dependency + "' from its depends_on"));
                } else if (dependsOn.subList(0, j).contains(dependency)) {
                    problems.add(Problem.at(at, "revision '" + revision.id() + "' lists depends_on '" + dependency
                            + "' twice", "remove the second '" + dependency + "'"));
                } else if (!firstIndex.containsKey(dependency)) {
                    problems.add(Problem.at(at, "unknown depends_on '" + dependency + "' of revision '"
                            + revision.id() + "'", unknownHint(dependency, "depends_on")));
                }
            }
        }
    }

    /**
     * A repeatable revision is re-applied after the ordinary ones whenever it changes, so nothing
     * can come after it: no revision may name it as a parent or in depends_on, and it carries no
     * branch label (it is on no line).
     */
    private void checkRepeatables() {
        for (Revision revision : revisions) {
            if (revision.repeatable() && !revision.labels().isEmpty()) {
                problems.add(Problem.at(revision.spanOf("labels[0]"), "repeatable revision '" + revision.id()
                        + "' carries a branch label", "remove 'labels:' from it: a repeatable revision is on no"
                        + " branch; name it by its id"));
            }
            checkNotRepeatable(revision, revision.parents(), "parents", "a parent");
            checkNotRepeatable(revision, revision.dependsOn(), "depends_on", "in depends_on");
        }
    }

    /**
     * {@code replaces} (written by {@code graft squash}) names revisions that are gone from the
     * changelog, each replaced by one revision only.
     */
    private void checkReplaces() {
        Map<String, String> replacedBy = new HashMap<>();
        for (Revision revision : revisions) {
            List<String> replaces = revision.replaces();
            if (revision.repeatable() && !replaces.isEmpty()) {
                problems.add(Problem.at(revision.spanOf("replaces[0]"), "repeatable revision '" + revision.id()
                        + "' replaces other revisions", "a squashed revision is an ordinary one: drop"
                        + " 'repeatable: true' or 'replaces:'"));
            }
            for (int j = 0; j < replaces.size(); j++) {
                String old = replaces.get(j);
                SourceSpan at = revision.spanOf("replaces[" + j + "]");
                String other = replacedBy.putIfAbsent(old, revision.id());
                if (firstIndex.containsKey(old)) {
                    problems.add(Problem.at(at, "revision '" + revision.id() + "' replaces '" + old + "', which the"
                            + " changelog still declares", "remove revision '" + old + "' from the changelog (graft"
                            + " squash removes the revisions it replaces), or '" + old + "' from replaces"));
                } else if (other != null) {
                    problems.add(Problem.at(at, "'" + old + "' is replaced by both '" + other + "' and '"
                            + revision.id() + "'", "keep it in the replaces of one of them"));
                }
            }
        }
    }

    private void checkNotRepeatable(Revision revision, List<String> ids, String key, String how) {
        for (int j = 0; j < ids.size(); j++) {
            Integer target = firstIndex.get(ids.get(j));
            if (target != null && revisions.get(target).repeatable()) {
                problems.add(Problem.at(revision.spanOf(key + "[" + j + "]"), "revision '" + revision.id()
                        + "' names repeatable revision '" + ids.get(j) + "' " + how + ", but a repeatable revision"
                        + " is re-applied after the others whenever it changes, so nothing can follow it",
                        "name the revision the repeatable one follows instead, or drop 'repeatable: true' from '"
                                + ids.get(j) + "'"));
            }
        }
    }

    private String unknownHint(String id, String key) {
        if (suggested++ < MAX_SUGGESTED) {
            String hint = DidYouMean.hint(DidYouMean.closest(id, firstIndex.keySet(), 3));
            if (hint != null) {
                return hint;
            }
        }
        return key + " must name a revision defined in this changelog";
    }

    /** Iterative depth-first search over "needs" edges (parents and depends_on); stops at the first cycle. */
    private void checkCycles() {
        int n = revisions.size();
        int[][] needs = new int[n][];
        for (int i = 0; i < n; i++) {
            Revision revision = revisions.get(i);
            int[] edges = new int[revision.parents().size() + revision.dependsOn().size()];
            int count = 0;
            for (String id : revision.parents()) {
                count = addEdge(edges, count, id, i);
            }
            for (String id : revision.dependsOn()) {
                count = addEdge(edges, count, id, i);
            }
            needs[i] = count == edges.length ? edges : Arrays.copyOf(edges, count);
        }
        byte[] state = new byte[n]; // 0 unseen, 1 on the stack, 2 done
        int[] next = new int[n];
        int[] stack = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            state[start] = 1;
            while (top > 0) {
                int u = stack[top - 1];
                if (next[u] < needs[u].length) {
                    int v = needs[u][next[u]++];
                    if (state[v] == 0) {
                        state[v] = 1;
                        stack[top++] = v;
                    } else if (state[v] == 1) {
                        reportCycle(stack, top, v);
                        return;
                    }
                } else {
                    state[u] = 2;
                    top--;
                }
            }
        }
    }

    private int addEdge(int[] edges, int count, String id, int from) {
        Integer to = firstIndex.get(id);
        if (to != null && to != from) {
            edges[count++] = to;
        }
        return count;
    }

    /**
     * The stack holds {@code v, ..., u} where each needs the next and {@code u} needs {@code v}.
     * Printed parent first (the order they would run), starting at the earliest in the changelog.
     */
    private void reportCycle(int[] stack, int top, int v) {
        int k = top - 1;
        while (stack[k] != v) {
            k--;
        }
        List<Integer> cycle = new ArrayList<>();
        for (int i = top - 1; i >= k; i--) {
            cycle.add(stack[i]);
        }
        int earliest = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i) < cycle.get(earliest)) {
                earliest = i;
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= cycle.size(); i++) {
            ids.add(revisions.get(cycle.get((earliest + i) % cycle.size())).id());
        }
        Revision first = revisions.get(cycle.get(earliest));
        String closing = ids.get(ids.size() - 2);
        if (ids.size() > MAX_CYCLE_SHOWN) {
            int half = MAX_CYCLE_SHOWN / 2;
            List<String> shortened = new ArrayList<>(ids.subList(0, half));
            shortened.add("... (" + (ids.size() - 2 * half) + " more)");
            shortened.addAll(ids.subList(ids.size() - half, ids.size()));
            ids = shortened;
        }
        problems.add(Problem.at(referenceSpan(first, closing), "cycle: " + String.join(" -> ", ids),
                "a revision cannot come before itself: remove one of the parents or depends_on entries along this cycle"));
    }

    private static SourceSpan referenceSpan(Revision revision, String id) {
        int j = revision.parents().indexOf(id);
        if (j >= 0) {
            return revision.spanOf("parents[" + j + "]");
        }
        j = revision.dependsOn().indexOf(id);
        return j >= 0 ? revision.spanOf("depends_on[" + j + "]") : revision.span();
    }
}
