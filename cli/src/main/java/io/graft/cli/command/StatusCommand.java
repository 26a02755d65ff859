package io.graft.cli.command;

import io.graft.Graft;
import io.graft.Status;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code graft status}: applied, pending, heads and problems. Exit 0 even with problems; see {@code check}. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "Examples:",
                "  graft status                where the database is, what is pending",
                "  graft status --format json  the same as one JSON document",
                "  graft --env prod status     the database of graft.yaml's environment prod"},
        description = "Show the current revision(s), the pending revisions, the heads and any drift.")
final class StatusCommand extends GraftCommand {

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int execute() {
        FleetRun.refuseStray(fleet);
        if (fleet.requested()) {
            return new FleetRun(context, fleet).run("status", null);
        }
        try (Graft graft = openGraft()) {
            Status status = graft.status();
            renderer().status(settings(), status, facts(graft));
            noteIfNoDatabaseYet(graft);
        }
        return ExitCodes.OK;
    }
}
