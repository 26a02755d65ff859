package io.graft.internal.dialect;

import io.graft.Hints;
import io.graft.LockTimeoutException;
import io.graft.changelog.DialectId;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.Words;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.sqlite.SQLiteJDBCLoader;

/**
 * SQLite: transactional DDL, one writer at a time. The lock is the write transaction itself
 * ({@code BEGIN IMMEDIATE}, waiting up to the lock timeout through the busy timeout), held for the
 * whole run; each revision is a savepoint inside it, so a failing revision is undone alone and the
 * ones before it are committed. A {@code transaction: false} revision commits the run so far,
 * runs in autocommit, then takes the lock again.
 */
public final class SqliteDialect implements Dialect {

    @Override
    public DialectId id() {
        return DialectId.SQLITE;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public SplitOptions splitOptions() {
        return SplitOptions.SQLITE;
    }

    private static final StatementRules RULES = new StatementRules(SplitOptions.SQLITE,
            SqliteDialect::nonTransactionalReason, StatementRules.Begin.TRANSACTION, Set.of("END"), false);

    @Override
    public StatementRules statementRules() {
        return RULES;
    }

    private static Optional<String> nonTransactionalReason(Words t, SqlStatement statement, int serverMajorVersion) {
        if (t.get(0).equals("VACUUM")) {
            return Optional.of("VACUUM cannot run inside a transaction");
        }
        if (t.get(0).equals("PRAGMA")) {
            int i = t.at(2, ".") ? 3 : 1; // PRAGMA main.journal_mode
            boolean sets = t.at(i + 1, "=") || t.at(i + 1, "(");
            if (sets && t.at(i, "FOREIGN_KEYS")) {
                return Optional.of("PRAGMA foreign_keys has no effect inside a transaction");
            }
            if (sets && t.at(i, "JOURNAL_MODE")) {
                return Optional.of("PRAGMA journal_mode cannot change the journal mode inside a transaction");
            }
        }
        return Optional.empty();
    }

    @Override
    public HistorySql historySql(HistoryTables tables) {
        return new HistorySql(this, tables, historyDdl(tables), InstantColumn.ISO_TEXT, tables.revisions(this),
                HistorySql.Writes.SEPARATELY, "CREATE TABLE IF NOT EXISTS " + tables.schemaRecords(this) + " ("
                        + "seq INTEGER PRIMARY KEY NOT NULL, "
                        + "recorded_at TEXT NOT NULL, "
                        + "revisions TEXT NOT NULL, "
                        + "schema_hash TEXT NOT NULL, "
                        + "model TEXT NOT NULL)");
    }

    @Override
    public ClientScript clientScript() {
        return new ClientScript(SplitOptions.SQLITE, "BEGIN", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", null);
    }

    /**
     * Opening an SQLite URL creates the file; the driver's native library can be loaded before,
     * touching no file.
     */
    private static final PoolSettings POOL = new PoolSettings(Map.of(), true, SqliteDialect::loadNativeLibrary,
            new JdbcDriver("SQLite", "org.sqlite.JDBC", "org.xerial:sqlite-jdbc"));

    @Override
    public PoolSettings pool() {
        return POOL;
    }

    private static void loadNativeLibrary() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // the run itself meets the same failure and reports it
        }
    }

    private List<String> historyDdl(HistoryTables tables) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + tables.revisions(this) + " ("
                        + "id TEXT PRIMARY KEY NOT NULL, "
                        + "parents TEXT NOT NULL, "
                        + "checksum TEXT NOT NULL, "
                        + "state TEXT NOT NULL, "
                        + "direction TEXT NOT NULL, "
                        + "statements_done INTEGER NOT NULL, "
                        + "statements_total INTEGER NOT NULL, "
                        + "failed_statement TEXT, "
                        + "applied_seq INTEGER NOT NULL, "
                        + "applied_at TEXT NOT NULL, "
                        + "applied_by TEXT, "
                        + "execution_ms INTEGER NOT NULL, "
                        + "description TEXT)",
                "CREATE TABLE IF NOT EXISTS " + tables.log(this) + " ("
                        + "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "operation TEXT NOT NULL, "
                        + "revision_id TEXT, "
                        + "started_at TEXT NOT NULL, "
                        + "finished_at TEXT, "
                        + "outcome TEXT NOT NULL, "
                        + "error TEXT, "
                        + "applied_by TEXT)");
    }

    @Override
    public boolean tableExists(Connection connection, HistoryTables tables, String name) throws SQLException {
        String master = tables.schema() == null ? "sqlite_master" : quote(tables.schema()) + ".sqlite_master";
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public RunSession openSession(DataSource dataSource, HistoryTables tables, Duration timeout, Runnable onWait)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            return new Session(connection, timeout, onWait);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** SQLITE_BUSY and SQLITE_LOCKED, possibly extended. */
    private static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == 5 || code == 6 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }

    private static final class Session implements RunSession {
        private final Connection connection;
        private final Duration timeout;
        private boolean inRun;

        Session(Connection connection, Duration timeout, Runnable onWait) throws SQLException {
            this.connection = connection;
            this.timeout = timeout;
            if (!tryBegin(Duration.ZERO)) {
                onWait.run();
                lock();
            }
        }

        private void lock() throws SQLException {
            if (!tryBegin(timeout)) {
                throw new LockTimeoutException(Hints.append("could not get the migration lock within "
                        + Locks.describe(timeout) + ": another connection is writing to this SQLite database"
                        + " (SQLite cannot tell which process holds it)",
                        "wait for that run to finish, or raise --lock-timeout"));
            }
        }

        private boolean tryBegin(Duration wait) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, wait.toMillis()));
                s.execute("BEGIN IMMEDIATE");
                inRun = true;
                // The lock is held; statements that later run in autocommit (a transaction: false
                // revision) wait for readers as long as the lock timeout allows, never fail at once.
                s.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(timeout.toMillis(), 1000)));
                return true;
            } catch (SQLException e) {
                if (isBusy(e)) {
                    return false;
                }
                throw e;
            }
        }

        private void exec(String sql) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public void beginRevision() throws SQLException {
            exec("SAVEPOINT graft_revision");
        }

        @Override
        public void commitRevision() throws SQLException {
            exec("RELEASE graft_revision");
        }

        @Override
        public void rollbackRevision() throws SQLException {
            exec("ROLLBACK TO graft_revision");
            exec("RELEASE graft_revision");
        }

        @Override
        public void suspend() throws SQLException {
            finish();
        }

        @Override
        public void resume() throws SQLException {
            lock();
        }

        @Override
        public void finish() throws SQLException {
            if (inRun) {
                exec("COMMIT");
                inRun = false;
            }
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                if (inRun) {
                    inRun = false;
                    exec("ROLLBACK");
                }
            }
        }
    }
}
