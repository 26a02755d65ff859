package io.graft.internal.migrate;

import static io.graft.internal.migrate.RunContext.databaseError;
import static io.graft.internal.migrate.RunContext.millisSince;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.GraftException;
import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.RevisionStep;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistorySql;
import io.graft.internal.dialect.Pipeline;
import io.graft.internal.dialect.RunSession;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies (or reverts) one revision with its history row, by one of two strategies: in one
 * transaction with its history row, or, where that is impossible ({@code transaction: false}, DDL
 * on MySQL), statement by statement behind a {@code running} row that counts them.
 */
final class RevisionApplier {

    /** The {@code graft_log} operation of {@code up --resume}. */
    static final String RESUME = "resume";

    private final Dialect dialect;
    private final HistoryStore history;
    private final StatementRunner runner;

    RevisionApplier(Dialect dialect, HistoryStore history, StatementRunner runner) {
        this.dialect = dialect;
        this.history = history;
        this.runner = runner;
    }

    /** Whether the script runs atomically with its history row. */
    boolean runsInTransaction(Script script) {
        if (!script.revision().transactional()) {
            return false;
        }
        return dialect.transactionalDdl()
                || script.statements().stream().noneMatch(s -> StatementInspector.isDdl(s.sql()));
    }

    /**
     * @param again a repeatable revision applied before: its row is replaced, in the same
     *     transaction as its statements where it has one
     */
    RevisionStep apply(RunSession session, Script script, String user, boolean again) throws SQLException {
        return runsInTransaction(script) ? applyInTransaction(session, script, user, again)
                : applyStepwise(session, script, user, again);
    }

    private RevisionStep applyInTransaction(RunSession session, Script script, String user, boolean again)
            throws SQLException {
        Connection c = session.connection();
        Revision revision = script.revision();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        int total = script.statements().size();
        session.beginRevision();
        Completed done = new Completed();
        try {
            Optional<Pipeline> pipeline = dialect.pipeline();
            if (pipeline.isPresent()) {
                sendInBatches(c, pipeline.get(), script, user, again, start, done);
            } else {
                sendOneByOne(c, script, user, again, start, t0, done);
            }
            long ms = millisSince(t0);
            session.commitRevision();
            return new RevisionStep(revision.id(), revision.description(), script.direction(), total, ms);
        } catch (SQLException e) {
            boolean interrupted = runner.cancelled() && done.statements < total;
            GraftException failure = interrupted
                    ? new RevisionInterrupted(script, done.statements, true, true, e)
                    : done.statements < total
                            ? runner.failure(script, done.statements, e, null)
                            : databaseError("recording revision '" + revision.id() + "'", e);
            try {
                session.rollbackRevision();
                history.log(c, operation(script), revision.id(), start, Instant.now(),
                        interrupted ? HistoryStore.INTERRUPTED : HistoryStore.FAILURE, failure.getMessage(), user);
                session.finish();
            } catch (SQLException logFailure) {
                failure.addSuppressed(logFailure);
            }
            throw failure;
        }
    }

    /** How many statements of a revision completed: where a failure is placed. */
    private static final class Completed {
        int statements;
    }

    /** Each statement in a round trip of its own, then the history writes; the caller commits. */
    private void sendOneByOne(Connection c, Script script, String user, boolean again, Instant start, long t0,
            Completed done) throws SQLException {
        Revision revision = script.revision();
        for (SqlStatement statement : script.statements()) {
            stopIfCancelled();
            runner.execute(c, statement);
            done.statements++;
        }
        long ms = millisSince(t0);
        if (again) {
            history.delete(c, revision.id());
        }
        if (script.direction() == Direction.UP) {
            history.recordApplied(c, row(script, AppliedRevision.State.APPLIED, done.statements, ms, user),
                    operation(script), start, Instant.now(), user);
        } else {
            history.recordReverted(c, revision.id(), operation(script), start, Instant.now(), user);
        }
    }

    /**
     * A batch holds its statements' text until the database answers: a large file (a data load) is
     * sent in batches of about this many characters, so that the run holds one batch of it, not
     * the whole file as text beside its bytes. Larger batches outlive the young generation while
     * the server works and fill the old one (1 M characters: 218 MB peak RSS for a 100 MB load,
     * {@code benchmarks/memory.sh}).
     */
    private static final int MAX_BATCH_CHARS = 1 << 18;

    /**
     * The statements in one batch with the history writes and {@code COMMIT} at its end: one round
     * trip for the revision, or one more for each statement that may return rows, which runs alone
     * between two batches. A refused entry is named by the database's answer; nothing is sent again.
     */
    private void sendInBatches(Connection c, Pipeline pipeline, Script script, String user, boolean again,
            Instant start, Completed done) throws SQLException {
        List<SqlStatement> statements = script.statements();
        int total = statements.size();
        HistorySql.Values literals = pipeline.literals(c);
        List<String> last = new ArrayList<>(script.direction() == Direction.UP
                ? history.appliedStatements(literals, row(script, AppliedRevision.State.APPLIED, total, 0, user), again,
                        operation(script), start, user)
                : history.revertedStatements(literals, script.revision().id(), operation(script), start,
                        Instant.now(), user));
        last.add(pipeline.commit());
        List<String> batch = new ArrayList<>();
        int from = 0;
        long chars = 0;
        for (int i = 0; i < total; i++) {
            SqlStatement statement = statements.get(i);
            if (pipeline.batchable(statement)) {
                if (batch.isEmpty()) {
                    from = i;
                    chars = 0;
                }
                String sql = statement.sql();
                batch.add(sql);
                chars += sql.length();
                if (chars >= MAX_BATCH_CHARS && i + 1 < total) {
                    sendBatch(c, pipeline, batch, from, batch.size(), done);
                }
                continue;
            }
            sendBatch(c, pipeline, batch, from, batch.size(), done);
            stopIfCancelled();
            runner.execute(c, statement);
            done.statements = i + 1;
        }
        if (batch.isEmpty()) {
            from = total;
        }
        int count = batch.size();
        batch.addAll(last);
        sendBatch(c, pipeline, batch, from, count, done);
    }

    /**
     * Sends {@code batch}, whose first {@code count} entries are statements {@code from + 1} on,
     * and clears it; on a refusal, {@code done} counts the statements before the refused entry
     * (all of them when it is a history write or the commit).
     */
    private void sendBatch(Connection c, Pipeline pipeline, List<String> batch, int from, int count, Completed done)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        stopIfCancelled();
        try {
            runner.executeBatch(c, pipeline, batch);
        } catch (Pipeline.BatchFailure refused) {
            done.statements = from + Math.min(refused.index(), count);
            throw refused.error();
        } catch (SQLException e) {
            // The database did not say which entry (the connection was lost): the first one is named.
            done.statements = from;
            throw e;
        }
        done.statements = from + count;
        batch.clear();
    }

    /** A cancelled run runs no further statement: the same error as a statement cancelled on the server. */
    private void stopIfCancelled() throws SQLException {
        if (runner.cancelled()) {
            throw new SQLException("canceled before it started", "57014");
        }
    }

    /**
     * A revision that cannot be atomic ({@code transaction: false}, or DDL on MySQL): a
     * {@code running} row first, the count of completed statements after each one, and
     * {@code applied} (or no row, going down) at the end.
     */
    private RevisionStep applyStepwise(RunSession session, Script script, String user, boolean again)
            throws SQLException {
        Connection c = session.connection();
        Revision revision = script.revision();
        session.suspend();
        if (again) {
            history.delete(c, revision.id());
        }
        if (script.direction() == Direction.UP) {
            history.insert(c, row(script, AppliedRevision.State.RUNNING, 0, 0, user), Direction.UP);
        } else {
            history.markRunning(c, revision.id(), Direction.DOWN, script.statements().size(), Instant.now());
        }
        return runStepwise(session, script, 0, false, user);
    }

    /**
     * Continues an upgrade a run left {@code running}, from statement {@code from + 1} (the first
     * that did not complete): the row takes the file's current checksum and count, and becomes
     * {@code applied} when the last statement completes.
     */
    RevisionStep resume(RunSession session, Script script, int from, String user) throws SQLException {
        session.suspend();
        history.resumeRunning(session.connection(), script.revision().id(), from, script.statements().size(),
                script.checksum());
        return runStepwise(session, script, from, true, user);
    }

    private RevisionStep runStepwise(RunSession session, Script script, int from, boolean resuming, String user)
            throws SQLException {
        Connection c = session.connection();
        Revision revision = script.revision();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<SqlStatement> statements = script.statements();
        int total = statements.size();
        int done = from;
        while (done < total) {
            try {
                stopIfCancelled();
                runner.execute(c, statements.get(done));
            } catch (SQLException e) {
                if (runner.cancelled()) {
                    throw interruptedStepwise(c, script, done, resuming, start, user, e);
                }
                throw stepwiseFailure(c, script, done, resuming, e, start, user);
            }
            done++;
            try {
                history.progress(c, revision.id(), done);
            } catch (SQLException e) {
                throw progressNotRecorded(c, script, done, resuming, start, user, e);
            }
        }
        long ms = millisSince(t0);
        // The row's end and its log line commit together: a run killed between them would leave
        // the revision applied without its line in the log.
        c.setAutoCommit(false);
        try {
            if (script.direction() == Direction.UP) {
                history.markApplied(c, revision.id(), total, ms, Instant.now());
            } else {
                history.delete(c, revision.id());
            }
            history.log(c, logOperation(script, resuming), revision.id(), start, Instant.now(), true,
                    resuming ? "resumed at statement " + (from + 1) + " of " + total : null, user);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        session.resume();
        return new RevisionStep(revision.id(), revision.description(), script.direction(), total - from, ms);
    }

    /**
     * The error of a stepwise revision stopped by a failed statement, with its history written.
     * When no statement had completed going up (and the run is no resumption), nothing took
     * effect (the failed statement is undone by the database): the {@code running} row goes, the failure stays in the log, and
     * the next {@code up} simply runs the revision again. Otherwise the row records where it
     * stopped, for {@code up --resume} or {@code repair}.
     */
    private MigrationException stepwiseFailure(Connection c, Script script, int done, boolean resuming,
            SQLException e, Instant start, String user) {
        Revision revision = script.revision();
        String id = revision.id();
        // A resumed run may follow one killed during its first statement, which may have taken effect.
        boolean nothingTookEffect = done == 0 && !resuming && script.direction() == Direction.UP;
        String hint;
        if (nothingTookEffect) {
            hint = "no statement of revision '" + id + "' took effect, so nothing was recorded as applied or"
                    + " running; fix the cause and run 'graft up' again";
        } else if (script.direction() == Direction.UP) {
            hint = "revision '" + id + "' does not run in a transaction, so its first " + done
                    + " statement(s) stay committed; fix the cause, then run 'graft up --resume " + id
                    + "' to continue from statement " + (done + 1) + ", or finish the rest by hand and run 'graft repair "
                    + id + " --applied', or undo the first " + done + " by hand and run 'graft repair " + id
                    + " --rolled-back'";
        } else {
            hint = "revision '" + id + "' does not run in a transaction, so its first " + done
                    + " statement(s) stay committed; fix the cause, then either finish the rest by hand and run"
                    + " 'graft repair " + id + " --rolled-back', or undo the first " + done
                    + " by hand and run 'graft repair " + id + " --applied'";
        }
        MigrationException failure = runner.failure(script, done, e, hint);
        try {
            if (nothingTookEffect) {
                history.delete(c, id);
            } else {
                SqlStatement failed = script.statements().get(done);
                history.failed(c, id, done, failed.span() + ": " + StatementRunner.databaseMessage(e));
            }
            history.log(c, logOperation(script, resuming), id, start, Instant.now(), false, failure.getMessage(),
                    user);
        } catch (SQLException logFailure) {
            failure.addSuppressed(logFailure);
        }
        return failure;
    }

    /**
     * Statement {@code done} of a stepwise revision completed, but the history could not count it
     * (the connection was lost, the table changed under the run): the row still says
     * {@code done - 1}, so the message says which statement took effect, as {@code --resume} would
     * run it again.
     */
    private MigrationException progressNotRecorded(Connection c, Script script, int done, boolean resuming,
            Instant start, String user, SQLException e) {
        String id = script.revision().id();
        SqlStatement completed = script.statements().get(done - 1);
        String message = completed.span() + ": revision '" + id + "': statement " + done + " of "
                + script.statements().size() + " completed, but recording that in the history failed: "
                + StatementRunner.databaseMessage(e) + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
        String hint = "statements 1 to " + done + " of revision '" + id + "' took effect, while its history row may"
                + " count " + (done - 1) + "; once the database answers again, finish the rest by hand and run 'graft"
                + " repair " + id + " --applied', or undo them and run 'graft repair " + id + " --rolled-back'"
                + " ('graft up --resume " + id + "' would run statement " + done + " again)";
        MigrationException failure = new MigrationException(Hints.append(message, hint), id, e.getSQLState(),
                completed.span(), e);
        try {
            history.log(c, logOperation(script, resuming), id, start, Instant.now(), false, failure.getMessage(),
                    user);
        } catch (SQLException logFailure) {
            failure.addSuppressed(logFailure);
        }
        return failure;
    }

    /**
     * A stepwise revision stopped by a cancel: the statements that completed stay. The row records
     * exactly how many and which statement was cancelled; an upgrade of which no statement took
     * effect leaves no row, so that the next run simply applies it.
     */
    private RevisionInterrupted interruptedStepwise(Connection c, Script script, int done, boolean resuming,
            Instant start, String user, SQLException cause) {
        String id = script.revision().id();
        // As for a failure: a resumed run may follow one killed during its first statement.
        boolean forget = done == 0 && !resuming && script.direction() == Direction.UP;
        RevisionInterrupted interrupted = new RevisionInterrupted(script, done, false, forget, cause);
        try {
            if (forget) {
                history.delete(c, id);
            } else {
                history.failed(c, id, done, script.statements().get(done).span() + ": interrupted (the run was"
                        + " cancelled); statements 1 to " + done + " completed");
            }
            history.log(c, logOperation(script, resuming), id, start, Instant.now(), HistoryStore.INTERRUPTED,
                    interrupted.getMessage(), user);
        } catch (SQLException logFailure) {
            interrupted.addSuppressed(logFailure);
        }
        return interrupted;
    }

    /** The operation a stepwise revision's log line names: {@code resume} for a resumed run. */
    private static String logOperation(Script script, boolean resuming) {
        return resuming ? RESUME : operation(script);
    }

    private static String operation(Script script) {
        return script.direction() == Direction.UP ? "up" : "down";
    }

    private static AppliedRevision row(Script script, AppliedRevision.State state, int done, long ms, String user) {
        Revision r = script.revision();
        return new AppliedRevision(r.id(), r.parents(), script.checksum(), state, done, script.statements().size(),
                null, Instant.now(), user, ms, r.description());
    }
}
