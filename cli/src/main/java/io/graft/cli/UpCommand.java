package io.graft.cli;

import io.graft.Graft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graft up [TARGET]}: applies every revision up to TARGET, default {@code heads}. */
@Command(name = "up", aliases = "upgrade", mixinStandardHelpOptions = true,
        description = "Apply the revisions up to TARGET (default: heads, everything in the changelog).")
final class UpCommand extends GraftCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "heads, head, an id or 4+ char prefix, a label, LABEL@head, +N, ID+N")
    String target;

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            renderer().run("up", graft.upgrade(target));
        }
        return ExitCodes.OK;
    }
}
