package io.graft.internal.dialect;

import io.graft.changelog.DialectId;
import io.graft.internal.sql.SplitOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * MySQL and MariaDB: DDL commits implicitly, so a revision that holds DDL cannot be atomic; the
 * executor runs it like a {@code transaction: false} revision (a {@code running} row, statements
 * counted). The lock is {@code GET_LOCK} on a connection of its own; it dies with the session.
 */
public final class MySqlDialect implements Dialect {

    @Override
    public DialectId id() {
        return DialectId.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public SplitOptions splitOptions() {
        return SplitOptions.MYSQL;
    }

    /** Nothing is refused in a transaction: DDL commits it instead (see {@link #transactionalDdl()}). */
    private static final StatementRules RULES = new StatementRules(SplitOptions.MYSQL, StatementRules::none,
            StatementRules.Begin.TRANSACTION_WHEN_BARE, Set.of(), false);

    @Override
    public StatementRules statementRules() {
        return RULES;
    }

    @Override
    public HistorySql historySql(HistoryTables tables) {
        return new HistorySql(this, tables, historyDdl(tables), InstantColumn.UTC_DATETIME,
                "(SELECT applied_seq FROM " + tables.revisions(this) + ") AS graft_seq", HistorySql.Writes.SEPARATELY,
                "CREATE TABLE IF NOT EXISTS " + tables.schemaRecords(this) + " ("
                        + "seq INT NOT NULL PRIMARY KEY, "
                        + "recorded_at DATETIME(3) NOT NULL, "
                        + "revisions MEDIUMTEXT NOT NULL, "
                        + "schema_hash CHAR(64) NOT NULL, "
                        + "model LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @Override
    public ClientScript clientScript() {
        return new ClientScript(SplitOptions.MYSQL, "START TRANSACTION", "UTC_TIMESTAMP(3)", "CURRENT_USER()");
    }

    private static final PoolSettings POOL = PoolSettings.plain(
            new JdbcDriver("MySQL/MariaDB", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client",
                    "write jdbc:mariadb://HOST[:PORT]/DB (jdbc:mysql:// and mysql:// are read as that; it reaches"
                            + " MySQL too)"));

    @Override
    public PoolSettings pool() {
        return POOL;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    private List<String> historyDdl(HistoryTables tables) {
        String revisions = "CREATE TABLE IF NOT EXISTS " + tables.revisions(this) + " ("
                + "id VARCHAR(128) NOT NULL PRIMARY KEY, "
                + "parents VARCHAR(4000) NOT NULL, "
                + "checksum CHAR(64) NOT NULL, "
                + "state VARCHAR(16) NOT NULL, "
                + "direction VARCHAR(4) NOT NULL, "
                + "statements_done INT NOT NULL, "
                + "statements_total INT NOT NULL, "
                + "failed_statement VARCHAR(4000), "
                + "applied_seq INT NOT NULL, "
                + "applied_at DATETIME(3) NOT NULL, "
                + "applied_by VARCHAR(128), "
                + "execution_ms BIGINT NOT NULL, "
                + "description VARCHAR(1000)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
        String log = "CREATE TABLE IF NOT EXISTS " + tables.log(this) + " ("
                + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "operation VARCHAR(16) NOT NULL, "
                + "revision_id VARCHAR(128), "
                + "started_at DATETIME(3) NOT NULL, "
                + "finished_at DATETIME(3), "
                + "outcome VARCHAR(16) NOT NULL, "
                + "error TEXT, "
                + "applied_by VARCHAR(128)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
        if (tables.schema() != null) {
            return List.of("CREATE DATABASE IF NOT EXISTS " + quote(tables.schema()), revisions, log);
        }
        return List.of(revisions, log);
    }

    @Override
    public boolean tableExists(Connection connection, HistoryTables tables, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?")) {
            ps.setString(1, tables.schema());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT DATABASE()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public RunSession openSession(DataSource dataSource, HistoryTables tables, Duration timeout, Runnable onWait)
            throws SQLException {
        return JdbcRunSession.open(dataSource, lockConnection -> {
            String database = tables.schema() != null ? tables.schema() : currentSchema(lockConnection);
            String name = lockName(database, tables.prefix());
            if (!getLock(lockConnection, name, 0)) {
                onWait.run();
                if (!getLock(lockConnection, name, Math.max(1, (int) Math.ceil(timeout.toMillis() / 1000.0)))) {
                    throw Locks.timedOut(timeout, holder(lockConnection, name));
                }
            }
            return () -> release(lockConnection, name);
        }, MySqlDialect::useServerSqlMode);
    }

    /**
     * MariaDB Connector/J asks for {@code IGNORE_SPACE}; routines and triggers record the session's
     * sql_mode, so run revisions with the server's own, as the {@code mariadb} client does.
     */
    private static void useServerSqlMode(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SET SESSION sql_mode = @@GLOBAL.sql_mode")) {
            ps.execute();
        }
    }

    /** Lock names are limited to 64 characters. */
    static String lockName(String database, String prefix) {
        String name = "graft:" + database + ":" + prefix;
        if (name.length() <= 64) {
            return name;
        }
        return "graft:" + Integer.toHexString(name.hashCode()) + ":" + name.substring(name.length() - 40);
    }

    private static boolean getLock(Connection connection, String name, int seconds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** The session that holds the lock, described; empty when it has just been released. */
    private static Optional<String> holder(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("connection " + rs.getLong(1) + " (user " + rs.getString(2)
                        + ", host " + rs.getString(3) + ", running for " + rs.getLong(4) + " s)");
            }
        }
    }

    private static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }
}
