package io.graft.cli.command;

import io.graft.Target;
import io.graft.Graft;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft up [TARGET]}: applies every revision up to TARGET, default {@code heads}. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "Examples:",
                "  graft up                      apply everything (every head)",
                "  graft up 0002_orders          apply 0002_orders and what it needs",
                "  graft up +1                   apply the next revision only",
                "  graft up --sql > upgrade.sql  write the SQL of the run, change nothing"},
        description = "Apply the revisions up to TARGET (default: heads, everything in the changelog).")
final class UpCommand extends GraftCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "heads, head, an id or 4+ char prefix, a label, LABEL@head, +N, ID+N")
    String target;

    @Option(names = "--sql", description = "Print the SQL the run would execute (statements, transaction "
            + "boundaries, history writes) for the database's own client, and change nothing.")
    boolean sql;

    @Option(names = "--from", paramLabel = "TARGET", description = "With --sql: take the database to be at "
            + "TARGET (e.g. base) instead of reading it; no connection is made.")
    String from;

    @Option(names = "--resume", paramLabel = "ID", description = "Continue revision ID (an id, prefix or name "
            + "part), which a run outside a transaction left running, from the first statement that did not "
            + "complete (nothing else runs).")
    String resume;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    protected int execute() {
        FleetRun.refuseStray(fleet);
        if (fleet.requested()) {
            if (sql || from != null || resume != null) {
                throw new UsageException("--targets runs up on many databases; --sql, --from and --resume take one");
            }
            return new FleetRun(context, fleet).run("up", target == null ? Target.HEADS : Target.parse(target));
        }
        if (resume != null) {
            if (target != null || sql || from != null) {
                throw new UsageException("--resume ID continues that one revision: it takes no TARGET, --sql or --from; "
                        + "run 'graft up' afterwards for the rest");
            }
            return runStoppable("resume", graft -> graft.resume(resume));
        }
        if (from != null && !sql) {
            throw new UsageException("--from only goes with --sql: it names the state an offline script starts from");
        }
        Target to = target == null ? Target.HEADS : Target.parse(target);
        Target start = from == null ? null : Target.parse(from);
        if (sql) {
            try (Graft graft = openGraft()) {
                output().script(graft.upgradeSql(to, start));
            }
            return ExitCodes.OK;
        }
        return runStoppable("up", graft -> graft.upgrade(to));
    }
}
