package io.graft.maven;

import io.graft.AppliedRevision;
import io.graft.Drift;
import io.graft.Graft;
import io.graft.Status;
import io.graft.changelog.Revision;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;

/** Shows the changelog against the database: current, pending, heads and problems, like {@code graft status}. Never fails on what it finds. */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractGraftMojo {

    @Override
    protected void run() throws MojoFailureException {
        try (Graft graft = openGraft()) {
            log(getLog(), graft.status());
        }
    }

    static void log(Log log, Status status) {
        log.info("Current:  " + Reporting.current(status.current()));
        log.info("Heads:    " + status.heads().stream().map(Revision::id).collect(Collectors.joining(", ")));
        log.info("Applied:  " + status.completed().size());
        for (AppliedRevision running : status.running()) {
            log.warn("Running:  " + running.id() + " (not applied: " + running.statementsDone() + " of "
                    + running.statementsTotal() + " statement(s) completed)");
        }
        log.info("Pending:  " + (status.pending().isEmpty() ? "none"
                : status.pending().size() + " (" + status.pending().stream().map(Revision::id).collect(Collectors.joining(", ")) + ")"));
        for (Drift d : status.drift()) {
            log.warn("Problem:  " + d.render());
        }
    }
}
