package io.graft.internal.dialect;

import io.graft.changelog.DialectId;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * PostgreSQL: transactional DDL; the migration lock is a session-level advisory lock held on a
 * connection of its own that stays in autocommit with no open transaction, so that
 * {@code CREATE INDEX CONCURRENTLY} on the migration connection never waits for it (flyway#3497).
 */
public final class PostgresDialect implements Dialect {

    @Override
    public DialectId id() {
        return DialectId.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public SplitOptions splitOptions() {
        return SplitOptions.POSTGRESQL;
    }

    private static final StatementRules RULES = new StatementRules(SplitOptions.POSTGRESQL,
            PostgresStatements::nonTransactionalReason, StatementRules.Begin.TRANSACTION_UNLESS_ATOMIC,
            Set.of("END", "ABORT"), true);

    @Override
    public StatementRules statementRules() {
        return RULES;
    }

    @Override
    public HistorySql historySql(HistoryTables tables) {
        return new HistorySql(this, tables, historyDdl(tables), InstantColumn.WITH_TIME_ZONE, tables.revisions(this),
                HistorySql.Writes.TOGETHER, "CREATE TABLE IF NOT EXISTS " + tables.schemaRecords(this) + " ("
                        + "seq INTEGER PRIMARY KEY, "
                        + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "revisions TEXT NOT NULL, "
                        + "schema_hash CHAR(64) NOT NULL, "
                        + "model TEXT NOT NULL)");
    }

    @Override
    public ClientScript clientScript() {
        return new ClientScript(SplitOptions.POSTGRESQL, "BEGIN", "now()", "current_user");
    }

    /** Names Graft's sessions in {@code pg_stat_activity}, and so in the lock holder a waiting run reports. */
    private static final PoolSettings POOL = new PoolSettings(Map.of("ApplicationName", "graft"), false, () -> { },
            new JdbcDriver("PostgreSQL", "org.postgresql.Driver", "org.postgresql:postgresql"));

    @Override
    public PoolSettings pool() {
        return POOL;
    }

    /**
     * Revisions in one batch each (docs/benchmarks.md); {@code -Dgraft.pipeline=false} sends each
     * statement alone, as before, for comparison or for a driver that behaves otherwise.
     */
    @Override
    public Optional<Pipeline> pipeline() {
        return Boolean.parseBoolean(System.getProperty("graft.pipeline", "true"))
                ? Optional.of(PostgresPipeline.INSTANCE) : Optional.empty();
    }

    /** {@code COPY ... FROM stdin} sends its inline data through the driver's copy API. */
    @Override
    public void execute(Connection connection, SqlStatement statement, Cancellable cancellable) throws SQLException {
        if (statement.copyData() == null) {
            Dialect.super.execute(connection, statement, cancellable);
            return;
        }
        if (!cancellable.starting(() -> connection.unwrap(org.postgresql.core.BaseConnection.class).cancelQuery())) {
            throw new SQLException("canceled before it started", "57014");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(statement.sql(), new StringReader(statement.copyData()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "58030", e);
        }
    }

    private List<String> historyDdl(HistoryTables tables) {
        List<String> ddl = new ArrayList<>();
        if (tables.schema() != null) {
            ddl.add("CREATE SCHEMA IF NOT EXISTS " + quote(tables.schema()));
        }
        ddl.add("CREATE TABLE IF NOT EXISTS " + tables.revisions(this) + " ("
                + "id VARCHAR(128) PRIMARY KEY, "
                + "parents VARCHAR(4000) NOT NULL, "
                + "checksum CHAR(64) NOT NULL, "
                + "state VARCHAR(16) NOT NULL, "
                + "direction VARCHAR(4) NOT NULL, "
                + "statements_done INTEGER NOT NULL, "
                + "statements_total INTEGER NOT NULL, "
                + "failed_statement VARCHAR(4000), "
                + "applied_seq INTEGER NOT NULL, "
                + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "applied_by VARCHAR(128), "
                + "execution_ms BIGINT NOT NULL, "
                + "description VARCHAR(1000))");
        ddl.add("CREATE TABLE IF NOT EXISTS " + tables.log(this) + " ("
                + "id BIGSERIAL PRIMARY KEY, "
                + "operation VARCHAR(16) NOT NULL, "
                + "revision_id VARCHAR(128), "
                + "started_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "finished_at TIMESTAMP WITH TIME ZONE, "
                + "outcome VARCHAR(16) NOT NULL, "
                + "error TEXT, "
                + "applied_by VARCHAR(128))");
        return ddl;
    }

    @Override
    public boolean tableExists(Connection connection, HistoryTables tables, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, tables.qualified(this, name));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public java.util.OptionalInt errorPosition(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getPosition() > 0) {
            return java.util.OptionalInt.of(p.getServerErrorMessage().getPosition());
        }
        return java.util.OptionalInt.empty();
    }

    @Override
    public RunSession openSession(DataSource dataSource, HistoryTables tables, Duration timeout, Runnable onWait)
            throws SQLException {
        return JdbcRunSession.open(dataSource, lockConnection -> {
            long key = tables.lockKey(database(lockConnection));
            acquire(lockConnection, key, timeout, onWait);
            return () -> unlock(lockConnection, key);
        }, PostgresDialect::stopWhenClientDies);
    }

    /**
     * A killed Graft leaves its statement running on the server until the server next writes to
     * the client; from PostgreSQL 14 the server can notice the dead client during the statement.
     */
    private static void stopWhenClientDies(Connection work) throws SQLException {
        if (work.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (java.sql.Statement s = work.createStatement()) {
                s.execute("SET client_connection_check_interval = 1000");
            }
        }
    }

    private static String database(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_database()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void acquire(Connection connection, long key, Duration timeout, Runnable onWait)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50;
        boolean told = false;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (!told) {
                    onWait.run();
                    told = true;
                }
                if (System.nanoTime() >= deadline) {
                    throw Locks.timedOut(timeout, holder(connection, key));
                }
                Locks.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    /** The session that holds the lock, described; empty when it has just been released. */
    private static Optional<String> holder(Connection connection, long key) throws SQLException {
        String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start, a.state"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String client = rs.getString("client_addr");
                return Optional.of("PostgreSQL backend pid " + rs.getInt("pid")
                        + " (user " + rs.getString("usename")
                        + ", application '" + rs.getString("application_name") + "'"
                        + (client == null ? ", local socket" : ", client " + client)
                        + ", connected since " + rs.getObject("backend_start", OffsetDateTime.class) + ")");
            }
        }
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }
}
