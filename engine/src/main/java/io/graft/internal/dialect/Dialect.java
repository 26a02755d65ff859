package io.graft.internal.dialect;

import io.graft.changelog.DialectId;
import io.graft.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What differs per database. Kept to a handful of methods; every implementation passes the same
 * contract test ({@code DialectContractTest}).
 */
public interface Dialect {

    DialectId id();

    /** True when DDL takes part in transactions (PostgreSQL, SQLite); false when it commits implicitly (MySQL). */
    boolean transactionalDdl();

    /**
     * Why {@code statement} cannot run inside a transaction, or empty when it can.
     *
     * @param serverMajorVersion the server's major version, or 0 when unknown (offline scripts): then the newest rules apply
     */
    Optional<String> nonTransactionalReason(SqlStatement statement, int serverMajorVersion);

    /** The DDL that creates the history tables, each statement idempotent ({@code IF NOT EXISTS}). */
    List<String> historyDdl(HistoryTables tables);

    /** Whether the history tables exist, without creating anything. */
    boolean historyExists(Connection connection, HistoryTables tables) throws SQLException;

    /** The schema (PostgreSQL) or database (MySQL) the connection works in, or null (SQLite). */
    String currentSchema(Connection connection) throws SQLException;

    /**
     * Takes the database's migration lock and opens the connection revisions run on. Waits at most
     * {@code timeout}, then throws {@link io.graft.LockTimeoutException} saying who holds the lock
     * where the database can tell. Closing the session releases the lock.
     */
    RunSession openSession(DataSource dataSource, HistoryTables tables, Duration timeout, Runnable onWait)
            throws SQLException;

    /** Writes an instant the way this dialect's history columns hold it. */
    Object toDatabase(Instant instant);

    /** Reads an instant written by {@link #toDatabase(Instant)}. */
    Instant instantFrom(java.sql.ResultSet rs, String column) throws SQLException;

    /** Where inside a failed statement the database says the error is (1-based character offset), if it says. */
    default java.util.OptionalInt errorPosition(SQLException e) {
        return java.util.OptionalInt.empty();
    }

    /** Quotes an identifier. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
