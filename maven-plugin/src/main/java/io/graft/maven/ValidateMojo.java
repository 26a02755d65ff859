package io.graft.maven;

import io.graft.Graft;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Checks the changelog and every file it names, without a database, like {@code graft validate}. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractGraftMojo {

    @Override
    protected boolean needsDatabase() {
        return false;
    }

    @Override
    protected void run() throws MojoFailureException {
        try (Graft graft = openGraft()) {
            Changelog changelog = graft.validate();
            getLog().info("Graft: changelog valid: " + changelog.revisions().size() + " revisions, heads "
                    + graft.heads().stream().map(Revision::id).collect(Collectors.joining(", ")));
        }
    }
}
