package io.graft.fleet;

import io.graft.DatabaseUrl;
import java.util.Objects;

/**
 * One database of a fleet: a name used in all output, and how to reach it.
 *
 * @param name the name every report uses (letters, digits and {@code _ . - /}); unique in a fleet
 * @param url the database URL, in any form {@link DatabaseUrl} reads; may carry user and password
 * @param user the user, or null for the URL's or the fleet's
 * @param password the password, or null for the URL's or the fleet's; never shown
 * @param schema the schema (PostgreSQL) or database (MySQL) of the history tables, or null for the
 *     connection's; a schema-per-tenant target sets it to the tenant's schema, so that each tenant
 *     has its own history and its own lock
 */
public record FleetTarget(String name, String url, String user, String password, String schema) {

    public FleetTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a target's name must not be empty");
        }
    }

    /** A target reached by {@code url} alone. */
    public static FleetTarget of(String name, String url) {
        return new FleetTarget(name, url, null, null, null);
    }

    /** The URL as every output shows it: no user info, a password parameter masked. */
    public String shownUrl() {
        try {
            return DatabaseUrl.parse(url).toString().replaceFirst(" \\(user [^)]*\\)$", "");
        } catch (RuntimeException e) {
            return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)([?&;](?:password|passwd|pwd)=)[^&;]*", "$1***");
        }
    }

    /** Name and URL; never the password. */
    @Override
    public String toString() {
        return name + " (" + shownUrl() + ")";
    }
}
