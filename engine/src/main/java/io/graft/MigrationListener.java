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

    default void revisionStarted(String revisionId, Direction direction, int index, int total) {
    }

    default void revisionFinished(RevisionStep step, int index, int total) {
    }
}
