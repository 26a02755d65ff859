package io.graft.internal.dialect;

import io.graft.GraftException;
import io.graft.changelog.DialectId;

/** Picks the dialect for a database. */
public final class Dialects {

    private Dialects() {
    }

    public static Dialect of(DialectId id) {
        return switch (id) {
            case POSTGRESQL -> new PostgresDialect();
            case SQLITE -> new SqliteDialect();
            case MYSQL -> new MySqlDialect();
        };
    }

    /** From a JDBC URL, or an error that lists the URLs Graft understands. */
    public static Dialect forUrl(String url) {
        return DialectId.fromJdbcUrl(url).map(Dialects::of).orElseThrow(() -> new GraftException(
                "unsupported database URL '" + scheme(url) + "...': Graft speaks "
                        + "jdbc:postgresql:, jdbc:sqlite:, jdbc:mysql: and jdbc:mariadb:"));
    }

    /** Only the {@code jdbc:name:} part: the rest may hold credentials. */
    private static String scheme(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? "(not a JDBC URL)" : url.substring(0, second + 1);
    }

    /** For a DataSource given without a URL: asks a connection which database it is. */
    public static Dialect forDataSource(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return forProductName(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new io.graft.MigrationException("cannot connect to the database: " + e.getMessage(), null,
                    e.getSQLState(), e);
        }
    }

    /** From the product name a connection reports (for a DataSource given without a URL). */
    public static Dialect forProductName(String productName) {
        String p = productName.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("postgres")) {
            return of(DialectId.POSTGRESQL);
        }
        if (p.contains("sqlite")) {
            return of(DialectId.SQLITE);
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return of(DialectId.MYSQL);
        }
        throw new GraftException("unsupported database '" + productName + "': Graft speaks PostgreSQL, SQLite and MySQL/MariaDB");
    }
}
