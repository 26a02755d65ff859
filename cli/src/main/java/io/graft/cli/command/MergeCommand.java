package io.graft.cli.command;

import io.graft.Graft;
import io.graft.NewRevision;
import io.graft.cli.error.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft merge [IDS] -m MSG}: a merge revision of the given revisions, or of every head. */
@Command(mixinStandardHelpOptions = true,
        description = "Create a merge revision whose parents are the given revisions (default: every head).")
final class MergeCommand extends GraftCommand {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the merge is for.")
    String message;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Revisions to merge (ids, prefixes, labels, LABEL@head).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--label", paramLabel = "LABEL", split = ",", description = "Branch label(s) for the merge revision.")
    List<String> labels = new ArrayList<>();

    @Override
    protected int execute() {
        NewRevision request = new NewRevision(message, ids, labels, List.of(), true,
                NewCommand.idScheme(settings()));
        try (Graft graft = openGraft()) {
            NewCommand.report(context, "merged", graft.merge(request));
        }
        return ExitCodes.OK;
    }
}
