package io.graft.fleet;

import java.util.List;

/**
 * What a fleet run did: one {@link TargetResult} per target selected, in the order of the list.
 *
 * @param operation {@code up}, {@code down}, {@code status} or {@code check}
 * @param target the revision target ({@code heads}, an id, ...), or null for status and check
 * @param results one per target
 * @param waveSizes how many targets each wave held
 * @param shard the slice of the fleet this run took
 * @param stopped true when {@link Fleet#stop()} or {@link Fleet#cancel()} ended the run early
 * @param elapsedMs the whole run
 */
public record FleetResult(String operation, String target, List<TargetResult> results, List<Integer> waveSizes,
        Shard shard, boolean stopped, long elapsedMs) {

    public FleetResult {
        results = List.copyOf(results);
        waveSizes = List.copyOf(waveSizes);
    }

    public long count(TargetResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The targets that failed or were interrupted. */
    public List<TargetResult> failures() {
        return results.stream().filter(r -> r.outcome() == TargetResult.Outcome.FAILED
                || r.outcome() == TargetResult.Outcome.INTERRUPTED).toList();
    }

    /** True when every target succeeded. */
    public boolean succeeded() {
        return results.stream().allMatch(TargetResult::succeeded);
    }

    /** Revisions applied (for {@code down}: reverted) over all targets. */
    public long revisionsApplied() {
        return results.stream().mapToLong(r -> r.applied().size()).sum();
    }
}
