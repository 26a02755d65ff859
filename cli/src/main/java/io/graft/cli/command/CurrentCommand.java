package io.graft.cli.command;

import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;

/** {@code graft current}: the applied revisions that have no applied descendant. */
@Command(mixinStandardHelpOptions = true,
        description = "Show the current revision(s) of the database.")
final class CurrentCommand extends GraftCommand {

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            renderer().current(graft.applied(), facts(graft));
            noteIfNoDatabaseYet(graft);
        }
        return ExitCodes.OK;
    }
}
