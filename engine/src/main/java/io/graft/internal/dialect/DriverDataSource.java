package io.graft.internal.dialect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections from one driver instance, asked directly, for the pool Graft opens for a URL. The
 * pool's own way in, {@link DriverManager#getDriver}, first loads and initialises every driver on
 * the class path: for an SQLite run of the command line that was PostgreSQL's and MariaDB's
 * drivers and {@code java.util.logging} behind them, a good part of the connecting thread's
 * start-up in a no-op run.
 */
final class DriverDataSource implements DataSource {

    private final Driver driver;
    private final String url;
    private final Properties properties = new Properties();

    DriverDataSource(Driver driver, String url, Map<String, String> properties) {
        this.driver = driver;
        this.url = url;
        this.properties.putAll(properties);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties connect = new Properties();
        connect.putAll(properties);
        if (user != null) {
            connect.setProperty("user", user);
        }
        if (password != null) {
            connect.setProperty("password", password);
        }
        Connection connection = driver.connect(url, connect);
        if (connection == null) {
            // a driver answers null for a URL it does not take; acceptsURL said it does
            throw new SQLException("the " + driver.getClass().getName() + " driver did not take the URL", "08001");
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    /** As the pool's own driver data source: drivers read it from {@link DriverManager} (which this does not initialise). */
    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
