package io.graft.maven;

import io.graft.Direction;
import io.graft.MigrationListener;
import io.graft.RevisionStep;
import io.graft.RunResult;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** How a run is shown in the build's log: a line per revision as it goes, then a summary. */
final class Reporting implements MigrationListener {

    private final Log log;

    Reporting(Log log) {
        this.log = log;
    }

    @Override
    public void waitingForLock(String holder) {
        log.info("Graft: waiting for the migration lock" + (holder == null || holder.isBlank() ? "" : " held by " + holder));
    }

    @Override
    public void revisionStarted(String revisionId, Direction direction, int index, int total) {
        log.info("[" + (index + 1) + "/" + total + "] " + (direction == Direction.UP ? "applying " : "reverting ") + revisionId);
    }

    @Override
    public void revisionFinished(RevisionStep step, int index, int total) {
        log.info("[" + (index + 1) + "/" + total + "] " + (step.direction() == Direction.UP ? "applied " : "reverted ")
                + step.revisionId() + " (" + step.statements() + " statement" + (step.statements() == 1 ? "" : "s")
                + ", " + step.executionMs() + " ms)");
    }

    /** The summary of an up, down or stamp. */
    void summary(String verb, RunResult result) {
        if (result.nothingToDo()) {
            log.info("Graft: nothing to do; current: " + current(result.current()));
            return;
        }
        int n = result.steps().size();
        log.info("Graft: " + verb + " " + n + " revision" + (n == 1 ? "" : "s") + " in " + result.elapsedMs()
                + " ms; current: " + current(result.current()));
    }

    static String current(List<String> current) {
        return current.isEmpty() ? "base (nothing applied)" : String.join(", ", current);
    }
}
