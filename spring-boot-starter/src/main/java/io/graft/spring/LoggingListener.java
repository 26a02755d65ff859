package io.graft.spring;

import io.graft.Direction;
import io.graft.MigrationListener;
import io.graft.RevisionStep;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Logs a start-up run: the plan, a lock wait, and each revision with its place in the plan and its time. */
final class LoggingListener implements MigrationListener {

    private static final Log LOG = LogFactory.getLog("io.graft");

    @Override
    public void planned(Direction direction, List<String> revisionIds) {
        if (!revisionIds.isEmpty()) {
            LOG.info("Graft: " + revisionIds.size() + " revision(s) to run (" + direction.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    @Override
    public void waitingForLock(String holder) {
        LOG.info("Graft: waiting for the migration lock" + (holder == null || holder.isBlank() ? "" : " held by " + holder));
    }

    @Override
    public void revisionFinished(RevisionStep step, int index, int total) {
        LOG.info("Graft: " + (index + 1) + "/" + total + " " + step.revisionId() + " (" + step.executionMs() + " ms)");
    }
}
