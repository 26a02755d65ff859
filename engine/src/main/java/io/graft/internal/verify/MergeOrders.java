package io.graft.internal.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders in which the parent branches of a merge may run, at most {@link #MAX} of them: each
 * branch whole, one after the other, first to last and last to first (the two extremes), then
 * interleavings (round robin from either end). Every order respects what the graph requires: a
 * revision comes after its parents and depends_on, also across branches. Pure: no database.
 */
final class MergeOrders {

    static final int MAX = 6;

    private MergeOrders() {
    }

    /**
     * @param branches per parent of the merge, the revisions only that branch leads to, in
     *     topological order (each revision in one branch only)
     * @param requires for a revision, the others among the branches that must run before it
     */
    static List<List<String>> of(List<List<String>> branches, Map<String, Set<String>> requires) {
        List<List<String>> nonEmpty = branches.stream().filter(b -> !b.isEmpty()).toList();
        Set<List<String>> orders = new LinkedHashSet<>();
        if (nonEmpty.size() < 2) {
            return List.of();
        }
        int k = nonEmpty.size();
        orders.add(schedule(nonEmpty, requires, false, 0, 1));
        orders.add(schedule(nonEmpty, requires, false, k - 1, -1));
        orders.add(schedule(nonEmpty, requires, true, 0, 1));
        orders.add(schedule(nonEmpty, requires, true, k - 1, -1));
        // more interleavings: each branch's first revision first, in either direction, then sequential
        for (int start = 1; start < k - 1 && orders.size() < MAX; start++) {
            orders.add(schedule(nonEmpty, requires, false, start, 1));
        }
        orders.add(firstOfEachThenRest(nonEmpty, requires));
        return new ArrayList<>(orders).subList(0, Math.min(MAX, orders.size()));
    }

    /**
     * Picks revision after revision: from the preferred branch when its next revision is ready,
     * else from the next branch in {@code step} direction. {@code rotate}: the preference moves on
     * after every pick (round robin); otherwise it stays until the branch is done.
     */
    private static List<String> schedule(List<List<String>> branches, Map<String, Set<String>> requires,
            boolean rotate, int first, int step) {
        int k = branches.size();
        int[] next = new int[k];
        Set<String> done = new HashSet<>();
        List<String> order = new ArrayList<>();
        int total = branches.stream().mapToInt(List::size).sum();
        int preferred = first;
        while (order.size() < total) {
            boolean picked = false;
            for (int i = 0; i < k && !picked; i++) {
                int b = Math.floorMod(preferred + i * step, k);
                List<String> branch = branches.get(b);
                if (next[b] < branch.size() && done.containsAll(requires.getOrDefault(branch.get(next[b]), Set.of()))) {
                    String id = branch.get(next[b]++);
                    done.add(id);
                    order.add(id);
                    picked = true;
                    preferred = rotate ? Math.floorMod(b + step, k) : b;
                }
            }
            if (!picked) {
                throw new IllegalStateException("no revision of the branches is ready: " + branches);
            }
        }
        return List.copyOf(order);
    }

    /** The first revision of every branch, then each branch's rest, first to last. */
    private static List<String> firstOfEachThenRest(List<List<String>> branches, Map<String, Set<String>> requires) {
        List<List<String>> heads = new ArrayList<>();
        List<List<String>> rests = new ArrayList<>();
        for (List<String> b : branches) {
            heads.add(b.subList(0, 1));
            rests.add(b.subList(1, b.size()));
        }
        List<List<String>> phases = new ArrayList<>(heads);
        phases.addAll(rests);
        return schedule(phases, requires, false, 0, 1);
    }
}
