package io.graft.internal.migrate;

import io.graft.Direction;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.sql.SqlStatement;
import java.util.List;

/**
 * Writes the script a run would execute — statements, transaction boundaries, history writes —
 * as input for the database's own client ({@code psql}, {@code sqlite3}, {@code mariadb}). The
 * history writes match {@link io.graft.internal.history.HistoryStore}'s layout; values the database knows
 * better (time, user) are taken from it when the script runs.
 */
final class OfflineScript {

    private final Dialect dialect;
    private final HistoryTables tables;
    private final String revisions;
    private final String log;
    private final StringBuilder out = new StringBuilder(4096);

    OfflineScript(Dialect dialect, HistoryTables tables) {
        this.dialect = dialect;
        this.tables = tables;
        this.revisions = tables.revisions(dialect);
        this.log = tables.log(dialect);
    }

    String write(Direction direction, String target, List<Script> plan,
            java.util.function.Predicate<Script> inTransaction) {
        comment("Graft: " + (direction == Direction.UP ? "up" : "down") + " to " + target + " on "
                + dialect.id().key() + ", " + plan.size() + " revision(s)");
        comment("Generated offline: this script takes no migration lock; run it while nothing else migrates.");
        if (plan.isEmpty()) {
            comment("Nothing to do.");
            return out.toString();
        }
        out.append('\n');
        for (String ddl : dialect.historyDdl(tables)) {
            statement(ddl);
        }
        for (Script script : plan) {
            out.append('\n');
            Revision r = script.revision();
            comment("Revision " + r.id() + (r.description() == null ? "" : ": " + r.description())
                    + " (" + script.file() + ")");
            if (inTransaction.test(script)) {
                statement(dialect.id() == DialectId.MYSQL ? "START TRANSACTION" : "BEGIN");
                script.statements().forEach(this::statement);
                history(script, "applied", script.statements().size());
                statement(logRow(script));
                statement("COMMIT");
            } else {
                comment("runs outside a transaction: a 'running' row counts the statements");
                int total = script.statements().size();
                if (direction == Direction.UP) {
                    history(script, "running", 0);
                } else {
                    statement("UPDATE " + revisions + " SET state = 'running', direction = 'down',"
                            + " statements_done = 0, statements_total = " + total + " WHERE id = " + literal(r.id()));
                }
                int done = 0;
                for (SqlStatement s : script.statements()) {
                    statement(s);
                    done++;
                    statement("UPDATE " + revisions + " SET statements_done = " + done + " WHERE id = " + literal(r.id()));
                }
                if (direction == Direction.UP) {
                    statement("UPDATE " + revisions + " SET state = 'applied' WHERE id = " + literal(r.id()));
                } else {
                    statement("DELETE FROM " + revisions + " WHERE id = " + literal(r.id()));
                }
                statement(logRow(script));
            }
        }
        return out.toString();
    }

    private void history(Script script, String state, int done) {
        Revision r = script.revision();
        if (script.direction() == Direction.DOWN) {
            statement("DELETE FROM " + revisions + " WHERE id = " + literal(r.id()));
            return;
        }
        String seqSource = dialect.id() == DialectId.MYSQL
                ? "(SELECT applied_seq FROM " + revisions + ") AS graft_seq" : revisions;
        statement("INSERT INTO " + revisions + " (id, parents, checksum, state, direction, statements_done,"
                + " statements_total, failed_statement, applied_seq, applied_at, applied_by, execution_ms, description)"
                + " VALUES (" + literal(r.id()) + ", " + literal(String.join(",", r.parents())) + ", "
                + literal(script.checksum()) + ", '" + state + "', 'up', " + done + ", " + script.statements().size()
                + ", NULL, (SELECT COALESCE(MAX(applied_seq), 0) + 1 FROM " + seqSource + "), " + now() + ", "
                + user() + ", 0, " + literal(r.description()) + ")");
    }

    private String logRow(Script script) {
        return "INSERT INTO " + log + " (operation, revision_id, started_at, finished_at, outcome, error, applied_by)"
                + " VALUES (" + literal(script.direction() == Direction.UP ? "up" : "down") + ", "
                + literal(script.revision().id()) + ", " + now() + ", " + now() + ", 'success', NULL, " + user() + ")";
    }

    private String now() {
        return switch (dialect.id()) {
            case POSTGRESQL -> "now()";
            case SQLITE -> "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
            case MYSQL -> "UTC_TIMESTAMP(3)";
        };
    }

    private String user() {
        return switch (dialect.id()) {
            case POSTGRESQL -> "current_user";
            case SQLITE -> literal(System.getProperty("user.name"));
            case MYSQL -> "CURRENT_USER()";
        };
    }

    private String literal(String text) {
        if (text == null) {
            return "NULL";
        }
        String escaped = text.replace("'", "''");
        if (dialect.id() == DialectId.MYSQL) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }

    private void comment(String text) {
        out.append("-- ").append(text.replace("\n", " ")).append('\n');
    }

    private void statement(String sql) {
        out.append(sql).append(";\n");
    }

    /**
     * A statement from a file. psql reads inline COPY data up to {@code \.}; the mariadb client
     * needs another delimiter around a statement that holds semicolons (routine bodies).
     */
    private void statement(SqlStatement s) {
        if (s.copyData() != null) {
            out.append(s.sql()).append(";\n").append(s.copyData()).append("\\.\n");
        } else if (dialect.id() == DialectId.MYSQL && s.sql().contains(";")) {
            String delimiter = s.sql().contains("$$") ? "//" : "$$";
            out.append("DELIMITER ").append(delimiter).append('\n').append(s.sql()).append(delimiter)
                    .append("\nDELIMITER ;\n");
        } else {
            out.append(s.sql()).append(";\n");
        }
    }
}
