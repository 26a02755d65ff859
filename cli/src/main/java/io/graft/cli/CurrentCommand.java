package io.graft.cli;

import io.graft.Graft;
import picocli.CommandLine.Command;

/** {@code graft current}: the applied revisions that have no applied descendant. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Show the current revision(s) of the database.")
final class CurrentCommand extends GraftCommand {

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            renderer().current(graft.status(), facts(graft));
        }
        return ExitCodes.OK;
    }
}
