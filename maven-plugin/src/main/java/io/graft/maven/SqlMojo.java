package io.graft.maven;

import io.graft.Graft;
import io.graft.Target;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the SQL a run would execute (statements, transaction boundaries, history writes) to a
 * file for the database's own client, changing nothing, like {@code graft up --sql}. With
 * {@code from} the database is taken to be at that target and no connection is made (the URL
 * still names the dialect); without it the history is read.
 */
@Mojo(name = "sql", requiresProject = false, threadSafe = true)
public class SqlMojo extends AbstractGraftMojo {

    /** {@code up} or {@code down}. */
    @Parameter(property = "graft.direction", defaultValue = "up")
    protected String direction;

    /** The target of the run; default {@code heads} for up, required for down. */
    @Parameter(property = "graft.target")
    protected String target;

    /** The state the script starts from (e.g. {@code base}); with it no connection is made. */
    @Parameter(property = "graft.from")
    protected String from;

    /** Where the script is written. */
    @Parameter(property = "graft.outputFile", defaultValue = "${project.build.directory}/graft/migration.sql")
    protected File outputFile;

    @Override
    protected void run() throws MojoFailureException {
        String dir = direction == null ? "up" : direction.strip().toLowerCase(Locale.ROOT);
        if (!dir.equals("up") && !dir.equals("down")) {
            throw new MojoFailureException("<direction> '" + direction + "' must be up or down");
        }
        Target start = blankToNull(from) == null ? null : Target.parse(from.strip());
        String script;
        try (Graft graft = openGraft()) {
            if (dir.equals("up")) {
                script = graft.upgradeSql(blankToNull(target) == null ? Target.HEADS : Target.parse(target.strip()), start);
            } else {
                if (blankToNull(target) == null) {
                    throw new MojoFailureException("a down script needs a target: set <target> or -Dgraft.target=ID (base for everything)");
                }
                script = graft.downgradeSql(Target.parse(target.strip()), start);
            }
        }
        try {
            File parent = outputFile.getAbsoluteFile().getParentFile();
            if (parent != null) {
                Files.createDirectories(parent.toPath());
            }
            Files.writeString(outputFile.toPath(), script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("cannot write " + outputFile + ": " + e.getMessage(), e);
        }
        getLog().info("Graft: " + dir + " script written to " + relative(outputFile.toPath()));
    }
}
