package io.graft.examples;

import io.graft.Direction;
import io.graft.MigrationListener;
import io.graft.RevisionStep;
import java.util.List;
import java.util.function.Consumer;

/**
 * docs/java-api.md, "Progress": a listener that logs each revision with its index and the count,
 * {@code [2/5] applying 0002_create_posts}. Pass it to {@code Graft.builder().listener(...)}; it is
 * called on the thread that runs the migration.
 */
public final class ProgressListener implements MigrationListener {

    private final Consumer<String> log;

    /** Logs to {@code System.Logger} "graft" at INFO. */
    public ProgressListener() {
        this(line -> System.getLogger("graft").log(System.Logger.Level.INFO, line));
    }

    public ProgressListener(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void planned(Direction direction, List<String> revisionIds) {
        log.accept(revisionIds.isEmpty()
                ? "nothing to do"
                : (direction == Direction.UP ? "applying " : "reverting ") + revisionIds.size() + " revisions");
    }

    @Override
    public void waitingForLock(String holder) {
        log.accept("waiting for the lock held by " + holder);
    }

    @Override
    public void revisionStarted(String revisionId, Direction direction, int index, int total) {
        // index counts from 0
        log.accept("[%d/%d] %s %s".formatted(index + 1, total, direction == Direction.UP ? "applying" : "reverting", revisionId));
    }

    @Override
    public void revisionFinished(RevisionStep step, int index, int total) {
        log.accept("[%d/%d] %s done in %d ms".formatted(index + 1, total, step.revisionId(), step.executionMs()));
    }
}
