package io.graft.fleet;

import io.graft.ChangelogException;
import io.graft.Drift;
import io.graft.DriftException;
import io.graft.GraftException;
import io.graft.LockTimeoutException;
import io.graft.MigrationException;
import io.graft.MigrationInterruptedException;
import io.graft.SourceSpan;
import io.graft.TargetException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

/**
 * What a fleet run did on one target.
 *
 * @param name the target's name
 * @param url its URL without user info or password
 * @param outcome how it ended
 * @param wave the wave it belonged to, from 1
 * @param before the current revisions before the run (heads of what was applied); empty for
 *     nothing applied, or when the target could not be read
 * @param after the current revisions after the run
 * @param applied the revisions the run applied (for {@code down}: reverted), in order
 * @param pending for {@code status} and {@code check}: the revisions {@code up} would apply; else empty
 * @param durationMs how long the target took, connecting and lock wait included
 * @param error why it failed or stopped, or null
 */
public record TargetResult(String name, String url, Outcome outcome, int wave, List<String> before, List<String> after,
        List<String> applied, List<String> pending, long durationMs, GraftException error) {

    /** How a target's run ended. */
    public enum Outcome {
        /** Done: migrated, or nothing to do; for status, read. */
        SUCCEEDED,
        /** The target refused, could not be reached or locked, or does not match the changelog. */
        FAILED,
        /** Not started: the failure budget was spent, or the run was stopped. */
        SKIPPED,
        /** Started, then cancelled: its running revision rolled back where the database can. */
        INTERRUPTED
    }

    public TargetResult {
        before = List.copyOf(before);
        after = List.copyOf(after);
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** A target that was not started. */
    public static TargetResult skipped(FleetTarget target, int wave) {
        return new TargetResult(target.name(), target.shownUrl(), Outcome.SKIPPED, wave, List.of(), List.of(), List.of(),
                List.of(), 0, null);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    /**
     * The fault in one word, for reports: {@code unreachable} (no connection), {@code locked}
     * (another run held the lock past the timeout), {@code ahead} (the database has revisions this
     * changelog does not know: a newer release migrated it), {@code drift} (edited files, a
     * revision left running), {@code schema_drift} (the schema changed behind Graft's back,
     * {@code drift --targets}), {@code connection_lost} (the connection went away during the run:
     * a server restarted, the session was terminated), {@code revision_failed} (a revision's SQL
     * failed), {@code interrupted},
     * {@code changelog}, {@code target}, or {@code error}; empty without an error.
     */
    public Optional<String> fault() {
        if (error == null) {
            return Optional.empty();
        }
        if (error instanceof MigrationInterruptedException) {
            return Optional.of("interrupted");
        }
        if (error instanceof LockTimeoutException) {
            return Optional.of("locked");
        }
        if (error instanceof io.graft.SchemaDriftException) {
            return Optional.of("schema_drift");
        }
        if (error instanceof DriftException d) {
            boolean ahead = !d.drift().isEmpty()
                    && d.drift().stream().allMatch(x -> x.kind() == Drift.Kind.UNKNOWN_REVISION);
            return Optional.of(ahead ? "ahead" : "drift");
        }
        if (error instanceof ChangelogException) {
            return Optional.of("changelog");
        }
        if (error instanceof TargetException) {
            return Optional.of("target");
        }
        if (error instanceof MigrationException m && String.valueOf(m.getMessage()).startsWith("cannot connect")) {
            return Optional.of("unreachable");
        }
        // Before revision_failed: a statement cut off by a server restart is no fault of its SQL.
        if (connectionLost(error)) {
            return Optional.of("connection_lost");
        }
        if (error instanceof MigrationException m && m.revisionId() != null) {
            return Optional.of("revision_failed");
        }
        return Optional.of("error");
    }

    /**
     * The connection went away during the run: the server restarted or shut down, the session
     * was terminated, the network cut. SQLSTATE class 08 (connection exception), PostgreSQL's
     * 57P01-57P05 (administrator or crash shutdown, database dropped, idle timeout), MySQL's and
     * MariaDB's 70100 (connection killed), a driver's connection exception, or the pool's closed
     * connection (HikariCP's "Connection is closed", without a state: the pool closed a connection
     * the server had ended), anywhere among the causes.
     */
    static boolean connectionLost(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            String state = t instanceof MigrationException m ? m.sqlState()
                    : t instanceof SQLException e ? e.getSQLState() : null;
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("70100"))
                    || t instanceof SQLException && state == null && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** The revision the error is about, if any. */
    public Optional<String> failedRevision() {
        return error instanceof MigrationException m ? Optional.ofNullable(m.revisionId()) : Optional.empty();
    }

    /** The statement's {@code file:line:col} the error is about, if any. */
    public Optional<SourceSpan> where() {
        return error instanceof MigrationException m ? m.where() : Optional.empty();
    }
}
