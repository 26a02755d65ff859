package io.graft.cli.command;

import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graft adopt --from TOOL}: another tool's history recorded in Graft's, running no SQL. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "Example:",
                "  graft import flyway legacy && graft adopt --from flyway && graft up"},
        description = "Record as applied, running no SQL, the revisions that TOOL's history table in this database"
                + " says it applied (the changelog must come from 'graft import TOOL'); TOOL's table is only read."
                + " Refuses, naming the row, a failed migration, one the changelog lacks, or an edited file.")
final class AdoptCommand extends GraftCommand {

    @Option(names = "--from", required = true, paramLabel = "TOOL", completionCandidates = ImportTools.class,
            description = "The tool whose history to read: ${COMPLETION-CANDIDATES}.")
    String from;

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            renderer().adopted(graft.adopt(from));
        }
        return ExitCodes.OK;
    }
}
