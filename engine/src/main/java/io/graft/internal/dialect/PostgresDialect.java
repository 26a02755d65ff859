package io.graft.internal.dialect;

import io.graft.LockTimeoutException;
import io.graft.changelog.DialectId;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

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
    public Optional<String> nonTransactionalReason(SqlStatement statement, int serverMajorVersion) {
        Optional<String> reason = StatementInspector.nonTransactionalReason(statement.sql(), DialectId.POSTGRESQL);
        if (reason.isEmpty() && serverMajorVersion > 0 && serverMajorVersion < 12
                && ADD_ENUM_VALUE.matcher(statement.sql()).find()) {
            return Optional.of("ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12"
                    + " (this server is " + serverMajorVersion + ")");
        }
        return reason;
    }

    private static final java.util.regex.Pattern ADD_ENUM_VALUE = java.util.regex.Pattern.compile(
            "^\\s*ALTER\\s+TYPE\\s+.+?\\s+ADD\\s+VALUE\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    @Override
    public List<String> historyDdl(HistoryTables tables) {
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
    public boolean historyExists(Connection connection, HistoryTables tables) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, tables.revisions(this));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_schema()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
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
    public Object toDatabase(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant instantFrom(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
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
                    throw new LockTimeoutException("could not get the migration lock within "
                            + Locks.describe(timeout) + ": " + holder(connection, key)
                            + "\n  hint: wait for that run to finish, or raise --lock-timeout");
                }
                Locks.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                pause = Math.min(pause * 2, 500);
            }
        }
    }

    private static String holder(Connection connection, long key) throws SQLException {
        String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start, a.state"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "it is held by another session (it may just have been released)";
                }
                String client = rs.getString("client_addr");
                return "it is held by PostgreSQL backend pid " + rs.getInt("pid")
                        + " (user " + rs.getString("usename")
                        + ", application '" + rs.getString("application_name") + "'"
                        + (client == null ? ", local socket" : ", client " + client)
                        + ", connected since " + rs.getObject("backend_start", OffsetDateTime.class) + ")";
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
