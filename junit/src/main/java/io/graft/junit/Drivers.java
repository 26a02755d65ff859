package io.graft.junit;

import io.graft.changelog.DialectId;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Whether the test class path has a JDBC driver for a database, and which artifact brings one. */
final class Drivers {

    private Drivers() {
    }

    /** Whether a driver on the class path accepts {@code url}. */
    static boolean accepts(String url) {
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A URL of the dialect's usual scheme, to ask before there is a real one (a container not started yet). */
    static String sampleUrl(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "jdbc:postgresql://localhost/graft";
            case MYSQL -> "jdbc:mariadb://localhost/graft";
            case SQLITE -> "jdbc:sqlite::memory:";
        };
    }

    /** The dependency to add for the dialect. */
    static String artifact(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "org.postgresql:postgresql";
            case MYSQL -> "org.mariadb.jdbc:mariadb-java-client";
            case SQLITE -> "org.xerial:sqlite-jdbc";
        };
    }

    /** The error for a database that was found but cannot be spoken to. */
    static String missing(DialectId dialect, String where) {
        return "graft-junit: no JDBC driver for " + dialect.key() + " (" + where + ") on the test class path: add "
                + artifact(dialect) + " to the test dependencies";
    }
}
