package io.graft.internal.dialect;

import io.graft.GraftException;
import io.graft.Hints;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A dialect's JDBC driver. graft-engine declares the drivers optional, so an application brings
 * the one for its database; when it is missing, the error names the Maven artifact to add
 * instead of the pool's "Failed to get driver instance" (which also printed the URL).
 *
 * @param database the name people know the database by, for messages
 * @param className the driver class (loading it registers it with DriverManager)
 * @param artifact {@code groupId:artifactId} of the driver on Maven Central
 * @param urlHint the fix when the driver is there but refuses the URL; {@code null} for none
 */
public record JdbcDriver(String database, String className, String artifact, String urlHint) {

    public JdbcDriver(String database, String className, String artifact) {
        this(database, className, artifact, null);
    }

    /**
     * Throws {@link #missing()} when the pool would find no driver for {@code url}. The pool asks
     * {@link DriverManager}, which hands out only drivers this library's class loader can see; the
     * driver class is loaded first so that it registers itself even when DriverManager scanned
     * the class path before the application's class loader was set up (a Spring Boot jar).
     */
    void requireFor(String url) {
        boolean loadable;
        try {
            Class.forName(className, true, JdbcDriver.class.getClassLoader());
            loadable = true;
        } catch (ClassNotFoundException | LinkageError e) {
            loadable = false;
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            if (!loadable) {
                throw missing();
            }
            String scheme = url.substring(0, Math.max(0, url.indexOf(':', url.indexOf(':') + 1) + 1));
            throw new GraftException(Hints.append("the " + database + " JDBC driver (" + className
                    + ") does not accept URLs that start with '" + scheme + "': " + e.getMessage(), urlHint));
        }
    }

    /**
     * The driver itself, when its class loads here and it takes {@code url}; empty otherwise (the
     * pool then asks {@link DriverManager}, as before, and {@link #requireFor} names the problem).
     */
    Optional<Driver> direct(String url) {
        try {
            Driver driver = (Driver) Class.forName(className, true, JdbcDriver.class.getClassLoader())
                    .getConstructor().newInstance();
            return driver.acceptsURL(url) ? Optional.of(driver) : Optional.empty();
        } catch (ReflectiveOperationException | SQLException | LinkageError | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The error for a missing driver: what to add, and where the command line already has it. */
    GraftException missing() {
        String[] coordinates = artifact.split(":");
        return new GraftException(Hints.append("no JDBC driver for " + database + " on the class path (" + className
                + " not found): add the dependency " + artifact,
                "graft-engine leaves the drivers to the application; with Maven add <dependency><groupId>"
                        + coordinates[0] + "</groupId><artifactId>" + coordinates[1]
                        + "</artifactId></dependency> (the graft command line bundles all three drivers)"));
    }
}
