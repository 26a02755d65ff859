package io.graft.internal.migrate;

import io.graft.Direction;
import io.graft.GraftException;
import io.graft.SourceSpan;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;

/**
 * A revision stopped by a cancel, as its applier knows it: which statement was cancelled, how
 * many completed, and whether anything of it remains. {@link Migrator} turns it into the public
 * {@link io.graft.MigrationInterruptedException}, adding what the rest of the run did.
 */
final class RevisionInterrupted extends GraftException {

    private final Script script;
    private final int done;
    private final boolean nothingRemains;

    /**
     * @param done the statements that completed
     * @param inTransaction true when the revision ran in a transaction (which was rolled back)
     * @param nothingRemains true when the revision's transaction was rolled back, or none of its
     *        statements took effect and its row was removed
     */
    RevisionInterrupted(Script script, int done, boolean inTransaction, boolean nothingRemains, Throwable cause) {
        super(describe(script, done, inTransaction, nothingRemains), cause);
        this.script = script;
        this.done = done;
        this.nothingRemains = nothingRemains;
    }

    Script script() {
        return script;
    }

    int done() {
        return done;
    }

    boolean nothingRemains() {
        return nothingRemains;
    }

    /** The statement that was cancelled (or would have run next). */
    SourceSpan where() {
        return done < script.statements().size() ? script.statements().get(done).span() : null;
    }

    private static String describe(Script script, int done, boolean inTransaction, boolean nothingRemains) {
        String id = script.revision().id();
        int total = script.statements().size();
        boolean down = script.direction() == Direction.DOWN;
        StringBuilder m = new StringBuilder("revision '").append(id).append("'").append(down ? " (down)" : "")
                .append(" stopped at statement ").append(Math.min(done + 1, total)).append(" of ").append(total);
        if (done < total) {
            SqlStatement statement = script.statements().get(done);
            m.append(" (").append(statement.span()).append(": ").append(StatementInspector.firstLine(statement.sql()))
                    .append(")");
        }
        if (inTransaction) {
            m.append("; its transaction was rolled back, so nothing of it remains")
                    .append(down ? " and it stays applied" : "");
        } else if (nothingRemains) {
            m.append("; it does not run in a transaction, and none of its statements had taken effect,"
                    + " so its history row was removed");
        } else {
            m.append("; it does not run in a transaction, so ")
                    .append(done == 0 ? "none of its statements took effect" : "its first " + done
                            + " statement(s) stay committed")
                    .append(", and it is recorded as running with ").append(done).append(" of ").append(total)
                    .append(" done");
        }
        return m.toString();
    }
}
