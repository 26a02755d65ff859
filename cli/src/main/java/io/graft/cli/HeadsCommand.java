package io.graft.cli;

import io.graft.Graft;
import picocli.CommandLine.Command;

/** {@code graft heads}: the revisions with no child (no database). */
@Command(name = "heads", mixinStandardHelpOptions = true,
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
