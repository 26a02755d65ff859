package io.graft.cli;

import io.graft.Graft;
import picocli.CommandLine.Command;

/** {@code graft branches}: labelled branches and branch points (no database). */
@Command(name = "branches", mixinStandardHelpOptions = true,
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
