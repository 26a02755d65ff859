package io.graft.cli.command;

import io.graft.Graft;
import io.graft.Status;
import io.graft.cli.error.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft history [-r RANGE] [-i] [-v]}: the changelog's revisions, newest first. Reads the
 * database only with {@code -i} (as Alembic's {@code --indicate-current}), so that looking at the
 * changelog never needs, or creates, a database.
 */
@Command(mixinStandardHelpOptions = true,
        description = "List the revisions, newest first. -v adds parents, files and description.")
final class HistoryCommand extends GraftCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "FROM:TO of targets, both included, either side may be empty (e.g. base:head, 0003:)")
    String range;

    @Option(names = {"-i", "--indicate-current"},
            description = "Read the database: mark (current) and (pending) revisions; with -v, when each was applied.")
    boolean indicateCurrent;

    @Override
    protected int execute() {
        try (Graft graft = openGraft()) {
            Status status = indicateCurrent ? graft.applied() : null;
            renderer().history(graft.history(range), facts(graft), status, options().verbose());
        }
        return ExitCodes.OK;
    }
}
