package io.graft.cli.command;

import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;

/** {@code graft heads}: the revisions with no child (no database). */
@Command(mixinStandardHelpOptions = true,
        description = "Show the heads of the changelog (revisions nothing builds on). -v for details.")
final class HeadsCommand extends GraftCommand {

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            renderer().heads(graft.heads(), facts(graft), options().verbose());
        }
        return ExitCodes.OK;
    }
}
