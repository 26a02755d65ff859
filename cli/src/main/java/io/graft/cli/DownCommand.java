package io.graft.cli;

import io.graft.Graft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graft down TARGET}: reverts every applied descendant of TARGET; TARGET stays. */
@Command(name = "down", aliases = "downgrade", mixinStandardHelpOptions = true,
        description = "Revert every applied revision that descends from TARGET (TARGET stays); "
                + "'base' reverts everything.")
final class DownCommand extends GraftCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "base, -N, an id or 4+ char prefix, a label, ID-N")
    String target;

    @Override
    protected int execute() {
        if (target == null) {
            throw new UsageException("down needs a TARGET: 'base' reverts everything, '-1' the last revision, "
                    + "or name the revision to go back to");
        }
        try (Graft graft = openGraft()) {
            renderer().run("down", graft.downgrade(target));
        }
        return ExitCodes.OK;
    }
}
