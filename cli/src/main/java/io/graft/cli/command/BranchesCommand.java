package io.graft.cli.command;

import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;

/** {@code graft branches}: labelled branches and branch points (no database). */
@Command(mixinStandardHelpOptions = true,
        description = "Show the labelled branches and the branch points of the changelog.")
final class BranchesCommand extends GraftCommand {

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            renderer().branches(graft.branches(), facts(graft));
        }
        return ExitCodes.OK;
    }
}
