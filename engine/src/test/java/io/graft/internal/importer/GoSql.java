package io.graft.internal.importer;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConnection;

/**
 * What Go's {@code database/sql} drivers do, done with the JDBC drivers, for the test
 * re-implementations of Go migration tools ({@link GolangMigrateRunner}, {@link PopxRunner},
 * {@link GooseRunner}). {@code db.Exec(query)} without arguments sends the text as it is:
 * <ul>
 *   <li>PostgreSQL (lib/pq, pgx): one simple query, which runs every statement in it; here PgJDBC
 *       with {@code preferQueryMode=simple};</li>
 *   <li>SQLite (mattn/go-sqlite3, modernc.org/sqlite): every statement of the text, as
 *       {@code sqlite3_exec} runs them;</li>
 *   <li>MySQL (go-sql-driver/mysql): one text query, several statements only where the DSN has
 *       {@code multiStatements=true} (here {@code allowMultiQueries=true}); the session keeps the
 *       server's {@code sql_mode}, which go-sql-driver leaves alone, while MariaDB Connector/J adds
 *       {@code IGNORE_SPACE} to it. Triggers and routines record the sql_mode they were made
 *       under, so without the reset a dump would show the JDBC driver, not the Go tool (Graft's
 *       own MySQL sessions reset it the same way).</li>
 * </ul>
 */
final class GoSql {

    private GoSql() {
    }

    /** A connection to {@code db} as the Go driver makes it; {@code multiStatements} for MySQL only. */
    static Connection connect(TestDatabase db, boolean multiStatements) throws SQLException {
        Properties p = new Properties();
        if (db.user() != null) {
            p.setProperty("user", db.user());
        }
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        switch (db.dialect()) {
            case POSTGRESQL -> p.setProperty("preferQueryMode", "simple");
            case MYSQL -> p.setProperty("allowMultiQueries", Boolean.toString(multiStatements));
            case SQLITE -> { }
        }
        Connection c = DriverManager.getConnection(db.url(), p);
        if (db.dialect() == DialectId.MYSQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION sql_mode = @@GLOBAL.sql_mode");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** {@code Exec(sql)} without arguments: the text as it is, every statement in it run. */
    static void exec(Connection c, DialectId dialect, String sql) throws SQLException {
        if (dialect == DialectId.SQLITE) {
            sqliteExec(c, sql);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            while (s.getMoreResults() || s.getUpdateCount() != -1) {
                // drain the results of a multi-statement query, so that an error in a later statement surfaces
            }
        }
    }

    /** Work done in a transaction. */
    interface Work {
        void run() throws SQLException;
    }

    /** {@code db.BeginTx(ctx, nil)}: a transaction at the driver's default isolation, rolled back on an error. */
    static void inTransaction(Connection c, Work work) throws SQLException {
        inTransaction(c, -1, work);
    }

    /** A transaction at {@code isolation} (a {@link Connection} constant; below 0 the driver's default). */
    static void inTransaction(Connection c, int isolation, Work work) throws SQLException {
        c.setAutoCommit(false);
        if (isolation >= 0) {
            c.setTransactionIsolation(isolation);
        }
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Every statement of {@code sql}, as {@code sqlite3_exec} runs them. */
    static void sqliteExec(Connection c, String sql) throws SQLException {
        int rc = c.unwrap(SQLiteConnection.class).getDatabase()._exec(sql);
        if (rc != 0) {
            throw new SQLException("sqlite3_exec failed (" + rc + ") on: " + sql);
        }
    }
}
