package io.graft.cli.command;

import io.graft.Target;
import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft down TARGET}: reverts every applied descendant of TARGET; TARGET stays. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "Examples:",
                "  graft down -1           revert the last revision",
                "  graft down 0002_orders  revert what came after 0002_orders (it stays)",
                "  graft down base         revert everything",
                "  graft down -1 --sql     print the SQL of the revert, change nothing"},
        description = "Revert every applied revision that descends from TARGET (TARGET stays); "
                + "'base' reverts everything.")
final class DownCommand extends GraftCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "base, -N, an id or 4+ char prefix, a label, ID-N")
    String target;

    @Option(names = "--sql", description = "Print the SQL the run would execute (statements, transaction "
            + "boundaries, history writes) for the database's own client, and change nothing.")
    boolean sql;

    @Option(names = "--from", paramLabel = "TARGET", description = "With --sql: take the database to be at "
            + "TARGET (e.g. base) instead of reading it; no connection is made.")
    String from;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int execute() {
        FleetRun.refuseStray(fleet);
        if (target == null) {
            throw new UsageException("down needs a TARGET: 'base' reverts everything, '-1' the last revision, "
                    + "or name the revision to go back to");
        }
        if (from != null && !sql) {
            throw new UsageException("--from only goes with --sql: it names the state an offline script starts from");
        }
        Target to = Target.parse(target);
        if (fleet.requested()) {
            if (sql || from != null) {
                throw new UsageException("--targets runs down on many databases; --sql and --from take one");
            }
            return new FleetRun(context, fleet).run("down", to);
        }
        Target start = from == null ? null : Target.parse(from);
        if (sql) {
            try (Graft graft = openGraft()) {
                output().script(graft.downgradeSql(to, start));
            }
            return ExitCodes.OK;
        }
        return runStoppable("down", graft -> graft.downgrade(to));
    }
}
