package io.graft.internal.dialect;

import io.graft.MigrationException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteJDBCLoader;

/** The small pool Graft opens for a URL: a lock connection, a work connection, one for reads. */
public final class Pools {

    private Pools() {
    }

    /**
     * {@link #open}, then a second connection opened and handed back, so that a run, which holds
     * its lock on one connection and works on another, finds both ready. A failure of the second
     * is left for the run to meet and report.
     */
    public static HikariDataSource openWarm(String url, String user, String password) {
        HikariDataSource pool = open(url, user, password);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            return pool;
        } catch (SQLException | RuntimeException e) {
            return pool;
        }
    }

    /** Loads the SQLite driver's native library and the pool's classes, touching no file. */
    public static void prepareSqlite() {
        try {
            new HikariConfig();
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // the run itself meets the same failure and reports it
        }
    }

    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("graft");
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        // Fail at once, with the driver's own message, when the database cannot be reached.
        config.setInitializationFailTimeout(1);
        config.setRegisterMbeans(false);
        if (DialectId.fromJdbcUrl(url).orElse(null) == DialectId.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", "graft");
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String state = cause instanceof SQLException s ? s.getSQLState() : null;
            throw new MigrationException("cannot connect to the database: " + cause.getMessage()
                    + (state == null ? "" : " (SQLSTATE " + state + ")"), null, state, null);
        }
    }
}
