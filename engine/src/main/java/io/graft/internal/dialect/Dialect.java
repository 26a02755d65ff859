package io.graft.internal.dialect;

import io.graft.changelog.DialectId;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * What differs per database. Kept to a handful of methods, related questions grouped in the
 * small values they return ({@link SplitOptions}, {@link StatementRules}, {@link HistorySql},
 * {@link ClientScript}, {@link PoolSettings}); every implementation passes the same contract test
 * ({@code DialectContractTest}). The dialects Graft knows are listed in {@link Dialects}.
 */
public interface Dialect {

    DialectId id();

    /** How the lexer splits this dialect's SQL files, as its own client does. */
    SplitOptions splitOptions();

    /** What cannot run inside a transaction, and what controls one. */
    StatementRules statementRules();

    /** True when DDL takes part in transactions (PostgreSQL, SQLite); false when it commits implicitly (MySQL). */
    boolean transactionalDdl();

    /** The statements Graft runs on the history tables {@code tables}. */
    HistorySql historySql(HistoryTables tables);

    /** Whether the history tables exist, without creating anything. */
    default boolean historyExists(Connection connection, HistoryTables tables) throws SQLException {
        return tableExists(connection, tables, tables.revisionsName());
    }

    /** Whether table {@code name} exists beside the history tables ({@code tables}' schema), creating nothing. */
    boolean tableExists(Connection connection, HistoryTables tables, String name) throws SQLException;

    /**
     * Takes the database's migration lock and opens the connection revisions run on. Waits at most
     * {@code timeout}, then throws {@link io.graft.LockTimeoutException} saying who holds the lock
     * where the database can tell. Closing the session releases the lock.
     */
    RunSession openSession(DataSource dataSource, HistoryTables tables, Duration timeout, Runnable onWait)
            throws SQLException;

    /** How {@code up --sql} writes a script for this database's own client. */
    ClientScript clientScript();

    /** What the pool opened for a URL of this dialect needs. */
    PoolSettings pool();

    /**
     * How this database takes a transactional revision in few round trips; empty where each
     * statement is sent alone (SQLite runs in the process; MySQL commits DDL on its own).
     */
    default Optional<Pipeline> pipeline() {
        return Optional.empty();
    }

    /** Runs one statement of a revision's file. */
    default void execute(Connection connection, SqlStatement statement) throws SQLException {
        execute(connection, statement, cancel -> true);
    }

    /**
     * Runs one statement of a revision's file, first telling {@code cancellable} how to cancel it
     * on the server while it runs; when that returns false the statement is not run and an
     * {@link SQLException} with SQLSTATE {@code 57014} (query canceled) is thrown.
     */
    default void execute(Connection connection, SqlStatement statement, Cancellable cancellable) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (!cancellable.starting(s::cancel)) {
                throw new SQLException("canceled before it started", "57014");
            }
            s.execute(statement.sql());
        }
    }

    /** Stops a statement that runs on the server, from another thread. */
    interface Cancel {
        void cancel() throws SQLException;
    }

    /** Learns how to cancel each statement before it runs; false: do not run it. */
    interface Cancellable {
        boolean starting(Cancel cancel);
    }

    /** Where inside a failed statement the database says the error is (1-based character offset), if it says. */
    default OptionalInt errorPosition(SQLException e) {
        return OptionalInt.empty();
    }

    /** Quotes an identifier. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
