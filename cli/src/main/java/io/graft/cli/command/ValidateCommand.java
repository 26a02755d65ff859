package io.graft.cli.command;

import io.graft.Graft;
import io.graft.changelog.Changelog;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.GraphFacts;
import picocli.CommandLine.Command;

/** {@code graft validate}: the changelog and its files alone, no database. Exit 2 with every problem. */
@Command(mixinStandardHelpOptions = true,
        description = "Check the changelog and every file it names, without a database.")
final class ValidateCommand extends GraftCommand {

    @Override
    protected int execute() {
        if (options().url() != null) {
            // Flyway's validate compares with the database; here that is check.
            output().notice("graft: note: validate reads the changelog and its files only and does not connect; "
                    + "'graft check' compares them with the database");
        }
        try (Graft graft = openGraft()) {
            Changelog changelog = graft.validate();
            renderer().validated(changelog, new GraphFacts(changelog, graft.heads()));
        }
        return ExitCodes.OK;
    }
}
