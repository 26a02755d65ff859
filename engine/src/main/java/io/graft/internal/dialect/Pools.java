package io.graft.internal.dialect;

import io.graft.MigrationException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.graft.internal.concurrent.Background;
import java.sql.Connection;
import java.text.DateFormatSymbols;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;

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

    /**
     * Whether opening {@code url} creates the database (an SQLite file): then it is opened only
     * once the changelog is known to be good, and {@link #prepare} does what can be done before.
     */
    public static boolean createsFileOnConnect(String url) {
        return Dialects.forUrlIfKnown(url).map(d -> d.pool().createsFileOnConnect()).orElse(false);
    }

    /**
     * Starts, on a thread of its own, what every first connection spends its time on before it
     * reaches the database, whatever the URL: the default time zone's and locale's calendar data
     * (sqlite-jdbc builds a date format when it connects, pgjdbc its calendars) and the secure
     * random source behind {@code UUID.randomUUID()} (HikariCP names each connection with one).
     * Together 40-90 ms of a connecting thread in a fresh JVM, which a command line can spend on
     * its otherwise idle second core while it parses its arguments (docs/benchmarks.md).
     */
    public static void prepareRuntime() {
        Background.run("graft-prepare-runtime", () -> {
            Calendar.getInstance(TimeZone.getDefault(), Locale.getDefault());
            DateFormatSymbols.getInstance(Locale.getDefault());
            UUID.randomUUID();
        });
    }

    /** Loads the pool's classes and what the URL's driver needs before it connects, touching no database. */
    public static void prepare(String url) {
        try {
            new HikariConfig();
            Dialects.forUrlIfKnown(url).ifPresent(d -> d.pool().prepareDriver().run());
        } catch (Exception | LinkageError e) {
            // the run itself meets the same failure and reports it
        }
    }

    public static HikariDataSource open(String url, String user, String password) {
        Optional<Dialect> dialect = Dialects.forUrlIfKnown(url);
        Optional<Driver> direct = dialect.flatMap(d -> d.pool().driver().direct(url));
        HikariConfig config = new HikariConfig();
        if (direct.isPresent()) {
            config.setDataSource(new DriverDataSource(direct.get(), url, dialect.get().pool().dataSourceProperties()));
        } else {
            dialect.ifPresent(d -> d.pool().driver().requireFor(url));
            config.setJdbcUrl(url);
            dialect.ifPresent(d -> d.pool().dataSourceProperties().forEach(config::addDataSourceProperty));
        }
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("graft");
        config.setMaximumPoolSize(3);
        // At least 1: HikariCP checks a new pool by opening a connection and, with minimumIdle 0,
        // closes it at once, so a run would open three connections to use two (docs/benchmarks.md).
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        // Fail at once, with the driver's own message, when the database cannot be reached.
        config.setInitializationFailTimeout(1);
        config.setRegisterMbeans(false);
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
