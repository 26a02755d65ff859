package io.graft.maven;

import io.graft.Graft;
import io.graft.Target;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reverts every applied descendant of {@code target} ({@code base} reverts everything), like {@code graft down}. */
@Mojo(name = "down", requiresProject = false, threadSafe = true)
public class DownMojo extends AbstractGraftMojo {

    /** Required: an id or prefix, a label, {@code -1}, {@code base}. */
    @Parameter(property = "graft.target")
    protected String target;

    @Override
    protected void run() throws MojoFailureException {
        if (blankToNull(target) == null) {
            throw new MojoFailureException("down needs a target: set <target> or -Dgraft.target=ID "
                    + "(-1 reverts the last revision, base reverts everything)");
        }
        Target to = Target.parse(target.strip());
        Reporting reporting = new Reporting(getLog());
        try (Graft graft = openGraft(b -> b.listener(reporting))) {
            reporting.summary("reverted", graft.downgrade(to));
        }
    }
}
