package io.graft.cli.command;

import io.graft.Graft;
import io.graft.RepairAction;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code graft repair}: accepts the current checksums of changed applied files;
 * {@code graft repair ID --applied|--rolled-back} settles a revision left {@code running}.
 */
@Command(mixinStandardHelpOptions = true,
        description = {"Without ID: accept the new checksums of applied revisions whose files changed.",
            "With ID: settle a revision a stopped non-transactional run left 'running'."})
final class RepairCommand extends GraftCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID")
    String revisionId;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Resolution resolution;

    static final class Resolution {
        @Option(names = "--applied", required = true,
                description = "You finished its remaining statements by hand: record it as applied.")
        boolean applied;

        @Option(names = "--rolled-back", required = true,
                description = "You undid its completed statements by hand: remove its row.")
        boolean rolledBack;

        RepairAction action() {
            return applied ? RepairAction.APPLIED : RepairAction.ROLLED_BACK;
        }
    }

    @Override
    protected int execute() {
        if (revisionId != null && resolution == null) {
            throw new UsageException("repair " + revisionId + " needs --applied or --rolled-back: say whether its "
                    + "remaining statements were finished or its completed ones undone");
        }
        if (revisionId == null && resolution != null) {
            throw new UsageException("--applied and --rolled-back need the ID of the revision left running");
        }
        try (Graft graft = openGraft()) {
            if (revisionId == null) {
                renderer().checksumsRepaired(graft.repairChecksums());
            } else {
                graft.repair(revisionId, resolution.action());
                renderer().repaired(revisionId, resolution.action());
            }
        }
        return ExitCodes.OK;
    }
}
