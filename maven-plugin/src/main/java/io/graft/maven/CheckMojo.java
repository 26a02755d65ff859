package io.graft.maven;

import io.graft.Graft;
import io.graft.Status;
import io.graft.changelog.Revision;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the changelog with the database, like {@code graft check}: fails the build on drift
 * (an applied file changed, a revision the changelog does not know, a revision left running), and
 * with {@code failOnPending} also when revisions are pending.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractGraftMojo {

    /** Fail when the database lacks revisions of the changelog (a deployment gate). */
    @Parameter(property = "graft.failOnPending", defaultValue = "false")
    protected boolean failOnPending;

    @Override
    protected void run() throws MojoFailureException {
        Status status;
        try (Graft graft = openGraft()) {
            status = graft.check();
        }
        if (failOnPending && !status.pending().isEmpty()) {
            throw new MojoFailureException(status.pending().size() + " revision" + (status.pending().size() == 1 ? " is" : "s are")
                    + " pending: " + status.pending().stream().map(Revision::id).collect(Collectors.joining(", "))
                    + "\n  hint: run the up goal, or drop failOnPending");
        }
        getLog().info("Graft: changelog and database agree; " + status.applied().size() + " applied, "
                + (status.pending().isEmpty() ? "nothing" : String.valueOf(status.pending().size())) + " pending");
    }
}
