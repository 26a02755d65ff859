package io.graft.cli.command;

import io.graft.Target;
import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graft show TARGET}: one revision in detail. */
@Command(mixinStandardHelpOptions = true,
        description = "Show the revision TARGET names: parents, labels, files, description.")
final class ShowCommand extends GraftCommand {

    @Parameters(index = "0", paramLabel = "TARGET", description = "an id or 4+ char prefix, a label, head, ...")
    String target;

    @Override
    protected int execute() {
        Target parsed = Target.parse(target);
        try (Graft graft = openGraft()) {
            renderer().show(graft.show(parsed), facts(graft));
        }
        return ExitCodes.OK;
    }
}
