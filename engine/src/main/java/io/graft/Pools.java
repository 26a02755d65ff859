package io.graft;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.graft.changelog.DialectId;
import java.sql.SQLException;

/** The small pool Graft opens for a URL: a lock connection, a work connection, one for reads. */
final class Pools {

    private Pools() {
    }

    static HikariDataSource open(String url, String user, String password) {
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
