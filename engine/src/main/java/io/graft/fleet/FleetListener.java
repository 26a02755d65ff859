package io.graft.fleet;

import io.graft.RevisionStep;
import java.util.List;

/**
 * Progress of a fleet run, for a progress line or a log. Called from the threads that run the
 * targets, so implementations must be thread-safe. Every method has an empty default.
 */
public interface FleetListener {

    /** The run starts: how many targets, and how they are cut into waves. */
    default void started(int targets, List<Integer> waveSizes) {
    }

    /** A wave starts ({@code wave} from 1). */
    default void waveStarted(int wave, int size) {
    }

    /** A target starts. */
    default void targetStarted(FleetTarget target, int wave) {
    }

    /** A target waits for another run's lock. */
    default void waitingForLock(FleetTarget target, String holder) {
    }

    /** A revision of a target was applied or reverted. */
    default void revisionFinished(FleetTarget target, RevisionStep step) {
    }

    /** A target is done, or was skipped. */
    default void targetFinished(TargetResult result) {
    }
}
