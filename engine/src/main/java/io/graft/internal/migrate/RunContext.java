package io.graft.internal.migrate;

import io.graft.AppliedRevision;
import io.graft.MigrationException;
import io.graft.MigrationListener;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.RunSession;
import io.graft.internal.graph.Planner;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.history.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What every part of a run shares: the changelog and its graph, the database and its dialect,
 * the history tables, and the few helpers all of them use (the session with its lock, the user
 * to record, database errors). Built once per {@link Migrator}.
 *
 * @param dataSource {@code null} for a migrator that only writes offline scripts
 */
record RunContext(Changelog changelog, RevisionGraph graph, Planner planner, Dialect dialect, DataSource dataSource,
        HistoryStore history, ScriptReader scripts, StatementRunner runner, Duration lockTimeout,
        List<MigrationListener> listeners) {

    RunContext {
        listeners = List.copyOf(listeners);
    }

    /** Takes the migration lock and opens the connection revisions run on; see {@link Dialect#openSession}. */
    RunSession openSession() throws SQLException {
        return dialect.openSession(dataSource, history.tables(), lockTimeout,
                () -> listeners.forEach(l -> l.waitingForLock("another run")));
    }

    /** Applied revisions with no applied child, by id. */
    List<String> current(Set<String> applied) {
        return planner.current(applied).stream().map(Revision::id).toList();
    }

    static Set<String> appliedIds(List<AppliedRevision> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (AppliedRevision row : rows) {
            if (row.state() == AppliedRevision.State.APPLIED) {
                ids.add(row.id());
            }
        }
        return ids;
    }

    /** Who runs: the database user, else the operating-system user. */
    static String user(Connection c) {
        try {
            String user = c.getMetaData().getUserName();
            if (user != null && !user.isBlank()) {
                return user;
            }
        } catch (SQLException ignored) {
            // Fall back to the operating-system user.
        }
        return System.getProperty("user.name");
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static MigrationException databaseError(String doing, SQLException e) {
        return new MigrationException("database error while " + doing + ": " + StatementRunner.databaseMessage(e)
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), null, e.getSQLState(), e);
    }
}
