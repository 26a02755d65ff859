package io.graft.maven;

import io.graft.Graft;
import io.graft.Target;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records {@code target} and its ancestors as applied, running no SQL (adopting a database that
 * already has the schema), like {@code graft stamp}; with {@code purge}, empties the history.
 */
@Mojo(name = "stamp", requiresProject = false, threadSafe = true)
public class StampMojo extends AbstractGraftMojo {

    /** The revision to record as applied (with its ancestors); {@code base} records nothing. */
    @Parameter(property = "graft.target")
    protected String target;

    /** Remove every row of the history table instead. */
    @Parameter(property = "graft.purge", defaultValue = "false")
    protected boolean purge;

    @Override
    protected void run() throws MojoFailureException {
        boolean hasTarget = blankToNull(target) != null;
        if (purge == hasTarget) {
            throw new MojoFailureException(purge ? "stamp takes either a target or purge, not both"
                    : "stamp needs a target: set <target> or -Dgraft.target=ID (e.g. head), or -Dgraft.purge");
        }
        Reporting reporting = new Reporting(getLog());
        try (Graft graft = openGraft()) {
            if (purge) {
                graft.stampPurge();
                getLog().info("Graft: history emptied");
            } else {
                reporting.summary("stamped", graft.stamp(Target.parse(target.strip())));
            }
        }
    }
}
