package io.graft.maven;

import io.graft.Graft;
import io.graft.Target;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies the revisions up to {@code target} (default {@code heads}: everything in the changelog), like {@code graft up}. */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false, threadSafe = true)
public class UpMojo extends AbstractGraftMojo {

    /** heads, head, an id or a 4+ character prefix, a label, LABEL@head, +N, ID+N. */
    @Parameter(property = "graft.target", defaultValue = "heads")
    protected String target;

    @Override
    protected void run() throws MojoFailureException {
        Target to = Target.parse(blankToNull(target) == null ? "heads" : target.strip());
        Reporting reporting = new Reporting(getLog());
        try (Graft graft = openGraft(b -> b.listener(reporting))) {
            reporting.summary("applied", graft.upgrade(to));
        }
    }

}
