package io.graft.cli.command;

import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code graft check}: the changelog against the database; exit 1 on drift (changed checksums, unknown rows). */
@Command(mixinStandardHelpOptions = true,
        description = "Compare the changelog with the database: checksums, unknown or running revisions, pending.")
final class CheckCommand extends GraftCommand {

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int execute() {
        FleetRun.refuseStray(fleet);
        if (fleet.requested()) {
            return new FleetRun(context, fleet).run("check", null);
        }
        try (Graft graft = openGraft()) {
            renderer().checked(graft.check());
            noteIfNoDatabaseYet(graft);
        }
        return ExitCodes.OK;
    }
}
