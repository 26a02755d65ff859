package io.graft.cli.command;

import io.graft.Target;
import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft stamp TARGET} / {@code graft stamp --purge}: writes the history, runs no SQL. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "Examples:",
                "  graft stamp head       record everything as applied (an existing database)",
                "  graft stamp 0003_tags  record 0003_tags and its ancestors as applied",
                "  graft stamp --purge    empty the history, touch nothing else"},
        description = "Record TARGET and its ancestors as applied (and nothing else), running no SQL; "
                + "--purge empties the history.")
final class StampCommand extends GraftCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET")
    String target;

    @Option(names = "--purge", description = "Remove every row of the history table.")
    boolean purge;

    @Option(names = "--from", paramLabel = "TOOL", description = "Record what TOOL's history table says it applied"
            + " (the same as 'graft adopt --from TOOL').")
    String from;

    @Override
    protected int execute() {
        if (from != null) {
            if (purge || target != null) {
                throw new UsageException("stamp --from TOOL takes no TARGET and no --purge");
            }
            try (Graft graft = openGraft()) {
                renderer().adopted(graft.adopt(from));
            }
            return ExitCodes.OK;
        }
        if (purge == (target != null)) {
            throw new UsageException(purge ? "stamp takes either a TARGET or --purge, not both"
                    : "stamp needs a TARGET (e.g. 'head', an id, 'base') or --purge");
        }
        Target to = purge ? null : Target.parse(target);
        try (Graft graft = openGraft()) {
            if (purge) {
                renderer().run("purge", graft.stampPurge());
            } else {
                renderer().run("stamp", graft.stamp(to));
            }
        }
        return ExitCodes.OK;
    }
}
