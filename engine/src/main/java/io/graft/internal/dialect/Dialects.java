package io.graft.internal.dialect;

import io.graft.GraftException;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The dialects Graft speaks, in one list: each with its changelog name ({@link DialectId}), the
 * name people know it by, the JDBC URLs that reach it and the product names its connections
 * report. Everything that asks "which databases are there" asks here.
 */
public final class Dialects {

    /**
     * @param urlPrefixes lower-case starts of the JDBC URLs that reach it
     * @param productNames lower-case parts of the product name a connection reports
     */
    private record Known(DialectId id, String name, List<String> urlPrefixes, List<String> productNames,
            Supplier<Dialect> dialect) {
    }

    // The dialect classes are loaded only for the database a run uses.
    private static final List<Known> KNOWN = List.of(
            new Known(DialectId.POSTGRESQL, "PostgreSQL", List.of("jdbc:postgresql:"), List.of("postgres"),
                    PostgresDialect::new),
            new Known(DialectId.SQLITE, "SQLite", List.of("jdbc:sqlite:"), List.of("sqlite"), SqliteDialect::new),
            new Known(DialectId.MYSQL, "MySQL/MariaDB", List.of("jdbc:mysql:", "jdbc:mariadb:"),
                    List.of("mysql", "mariadb"), MySqlDialect::new));

    private Dialects() {
    }

    public static Dialect of(DialectId id) {
        return known(id).dialect().get();
    }

    /** The names of the dialects as a changelog writes them, in this list's order. */
    public static List<String> keys() {
        return KNOWN.stream().map(k -> k.id().key()).toList();
    }

    /** Which dialect a JDBC URL talks to, if Graft knows it. */
    public static Optional<DialectId> idForUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(k -> k.urlPrefixes().stream().anyMatch(u::startsWith)).map(Known::id).findFirst();
    }

    /** The dialect of a JDBC URL, if Graft knows it. */
    public static Optional<Dialect> forUrlIfKnown(String url) {
        return idForUrl(url).map(Dialects::of);
    }

    /** From a JDBC URL, or an error that lists the URLs Graft understands. */
    public static Dialect forUrl(String url) {
        return forUrlIfKnown(url).orElseThrow(() -> new GraftException(
                "unsupported database URL '" + scheme(url) + "...': Graft speaks "
                        + and(KNOWN.stream().flatMap(k -> k.urlPrefixes().stream()).toList())));
    }

    /** Only the {@code jdbc:name:} part: the rest may hold credentials. */
    private static String scheme(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? "(not a JDBC URL)" : url.substring(0, second + 1);
    }

    /** For a DataSource given without a URL: asks a connection which database it is. */
    public static Dialect forDataSource(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return forProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to the database: " + e.getMessage(), null,
                    e.getSQLState(), e);
        }
    }

    /** From the product name a connection reports (for a DataSource given without a URL). */
    public static Dialect forProductName(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(k -> k.productNames().stream().anyMatch(p::contains)).findFirst()
                .map(k -> k.dialect().get())
                .orElseThrow(() -> new GraftException("unsupported database '" + productName + "': Graft speaks "
                        + and(KNOWN.stream().map(Known::name).toList())));
    }

    private static Known known(DialectId id) {
        return KNOWN.stream().filter(k -> k.id() == id).findFirst().orElseThrow();
    }

    /** {@code a, b and c}. */
    private static String and(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0)
                : items.subList(0, last).stream().collect(Collectors.joining(", ")) + " and " + items.get(last);
    }
}
