package io.graft;

import java.util.List;

/** Progress of a run, for a progress bar or a log. Every method has an empty default. */
public interface MigrationListener {

    /** The lock is held and the plan is known; {@code revisionIds} may be empty. */
    default void planned(Direction direction, List<String> revisionIds) {
    }

    /** Waiting for another run's lock. Called once, before the wait starts. */
    default void waitingForLock(String holder) {
    }

    /**
     * A revision starts: {@code index} counts from 0 among the {@code total} revisions of the plan,
     * so {@code index + 1} of {@code total} is the usual "2 of 5".
     */
    default void revisionStarted(String revisionId, Direction direction, int index, int total) {
    }

    /** A revision is done and recorded; {@code index} and {@code total} as in {@link #revisionStarted}. */
    default void revisionFinished(RevisionStep step, int index, int total) {
    }
}
