package io.graft.internal.migrate;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.ClientScript;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistorySql;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.sql.SqlStatement;
import java.util.List;

/**
 * Writes the script a run would execute — statements, transaction boundaries, history writes —
 * as input for the database's own client ({@code psql}, {@code sqlite3}, {@code mariadb}). The
 * history writes are the live store's ({@link HistorySql}) with literals for values; values the
 * database knows better (time, user) are taken from it when the script runs.
 */
final class OfflineScript {

    private final Dialect dialect;
    private final HistorySql history;
    private final ClientScript client;
    private final StringBuilder out = new StringBuilder(4096);

    OfflineScript(Dialect dialect, HistoryTables tables) {
        this.dialect = dialect;
        this.history = dialect.historySql(tables);
        this.client = dialect.clientScript();
    }

    /**
     * @param inTransaction whether a script runs in a transaction with its history row
     * @param again whether a script is a repeatable revision applied before, whose row is replaced
     */
    String write(Direction direction, String target, List<Script> plan,
            java.util.function.Predicate<Script> inTransaction, java.util.function.Predicate<Script> again) {
        comment("Graft: " + (direction == Direction.UP ? "up" : "down") + " to " + target + " on "
                + dialect.id().key() + ", " + plan.size() + " revision(s)");
        comment("Generated offline: this script takes no migration lock; run it while nothing else migrates.");
        if (plan.isEmpty()) {
            comment("Nothing to do.");
            return out.toString();
        }
        out.append('\n');
        for (String ddl : history.create()) {
            statement(ddl);
        }
        for (Script script : plan) {
            out.append('\n');
            Revision r = script.revision();
            comment("Revision " + r.id() + (r.description() == null ? "" : ": " + r.description())
                    + " (" + script.file() + ")");
            if (again.test(script)) {
                comment("repeatable: applied before, its file changed; its row is replaced");
            }
            if (inTransaction.test(script)) {
                statement(client.begin());
                script.statements().forEach(this::statement);
                if (again.test(script)) {
                    statement(history.deleteRevision(client, r.id()));
                }
                history(script, AppliedRevision.State.APPLIED, script.statements().size());
                statement(logRow(script));
                statement("COMMIT");
            } else {
                comment("runs outside a transaction: a 'running' row counts the statements");
                int total = script.statements().size();
                if (again.test(script)) {
                    statement(history.deleteRevision(client, r.id()));
                }
                if (direction == Direction.UP) {
                    history(script, AppliedRevision.State.RUNNING, 0);
                } else {
                    statement(history.scriptMarkRunning(client, r.id(), Direction.DOWN, total));
                }
                int done = 0;
                for (SqlStatement s : script.statements()) {
                    statement(s);
                    done++;
                    statement(history.progress(client, r.id(), done));
                }
                if (direction == Direction.UP) {
                    statement(history.scriptMarkApplied(client, r.id()));
                } else {
                    statement(history.deleteRevision(client, r.id()));
                }
                statement(logRow(script));
            }
        }
        return out.toString();
    }

    private void history(Script script, AppliedRevision.State state, int done) {
        Revision r = script.revision();
        if (script.direction() == Direction.DOWN) {
            statement(history.deleteRevision(client, r.id()));
            return;
        }
        // time and user are the database's when the script runs
        AppliedRevision row = new AppliedRevision(r.id(), r.parents(), script.checksum(), state, done,
                script.statements().size(), null, null, null, 0, r.description());
        statement(history.insertRevision(client, row, Direction.UP, null));
    }

    private String logRow(Script script) {
        return history.insertLog(client, script.direction() == Direction.UP ? "up" : "down", script.revision().id(),
                null, null, true, null, null);
    }

    private void comment(String text) {
        out.append("-- ").append(text.replace("\n", " ")).append('\n');
    }

    private void statement(String sql) {
        out.append(sql).append(";\n");
    }

    /** A statement from a file, as the client reads it. */
    private void statement(SqlStatement s) {
        out.append(client.statement(s));
    }
}
