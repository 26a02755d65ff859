package io.graft.internal.migrate;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.SourceSpan;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.Pipeline;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Executes one statement and turns a database error into a located {@link MigrationException}. */
final class StatementRunner {

    private final Dialect dialect;
    private final Cancellation cancellation;

    StatementRunner(Dialect dialect) {
        this(dialect, new Cancellation());
    }

    StatementRunner(Dialect dialect, Cancellation cancellation) {
        this.dialect = dialect;
        this.cancellation = cancellation;
    }

    /** Runs a statement that {@link Cancellation#cancel()} can stop on the server. */
    void execute(Connection connection, SqlStatement statement) throws SQLException {
        try {
            dialect.execute(connection, statement, cancellation::starting);
        } finally {
            cancellation.finished();
        }
    }

    /** Runs a batch of a revision ({@link Pipeline#run}) that {@link Cancellation#cancel()} can stop on the server. */
    void executeBatch(Connection connection, Pipeline pipeline, List<String> statements) throws SQLException {
        try {
            pipeline.run(connection, statements, cancellation::starting);
        } finally {
            cancellation.finished();
        }
    }

    /** True once the run was asked to stop: a statement that failed now failed because it was cancelled. */
    boolean cancelled() {
        return cancellation.requested();
    }

    /**
     * The error for a statement the database refused: {@code file:line:col} (moved to the exact
     * spot when the database reports a position), the revision, the statement's first line, the
     * database's own message and SQLSTATE.
     */
    MigrationException failure(Script script, int index, SQLException e, String extraHint) {
        SqlStatement statement = script.statements().get(index);
        SourceSpan where = Positions.inside(statement, dialect.errorPosition(e));
        String message = Hints.append(where + ": revision '" + script.revision().id() + "' failed"
                + (script.direction() == io.graft.Direction.DOWN ? " (down)" : "")
                + " at statement " + (index + 1) + " of " + script.statements().size()
                + ": " + StatementInspector.firstLine(statement.sql())
                + "\n  " + dialect.id().key() + ": " + databaseMessage(e)
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), extraHint);
        return new MigrationException(message, script.revision().id(), e.getSQLState(), where, e);
    }

    /** The database's message without the driver's decorations (PostgreSQL appends "Position: n"). */
    static String databaseMessage(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl).strip();
        return m.startsWith("ERROR: ") ? m.substring(7) : m;
    }
}
