package io.graft.changelog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The databases Graft speaks, by the names used in the changelog ({@code dialects:}, per-dialect files). */
public enum DialectId {
    /** PostgreSQL. */
    POSTGRESQL("postgresql"),
    /** SQLite, the embedded default (through sqlite-jdbc). */
    SQLITE("sqlite"),
    /** MySQL and MariaDB; {@code mariadb} is accepted as its name. */
    MYSQL("mysql");

    private final String key;

    DialectId(String key) {
        this.key = key;
    }

    /** The name used in changelogs and on the command line. */
    public String key() {
        return key;
    }

    /** The dialect named {@code key} (any case; {@code mariadb} is {@link #MYSQL}), or empty. */
    public static Optional<DialectId> fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.equals("mariadb")) {
            return Optional.of(MYSQL);
        }
        return Arrays.stream(values()).filter(d -> d.key.equals(k)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
