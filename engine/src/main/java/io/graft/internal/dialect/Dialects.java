package io.graft.internal.dialect;

import io.graft.DatabaseUrlException;
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
 * name people know it by and the product names its connections report. Everything that asks
 * "which databases are there" asks here; which URL reaches which of them, {@link DatabaseUrls}.
 */
public final class Dialects {

    /** @param productNames lower-case parts of the product name a connection reports */
    private record Known(DialectId id, String name, List<String> productNames, Supplier<Dialect> dialect) {
    }

    // The dialect classes are loaded only for the database a run uses.
    private static final List<Known> KNOWN = List.of(
            new Known(DialectId.POSTGRESQL, "PostgreSQL", List.of("postgres"), PostgresDialect::new),
            new Known(DialectId.SQLITE, "SQLite", List.of("sqlite"), SqliteDialect::new),
            new Known(DialectId.MYSQL, "MySQL/MariaDB", List.of("mysql", "mariadb"), MySqlDialect::new));

    private Dialects() {
    }

    public static Dialect of(DialectId id) {
        return known(id).dialect().get();
    }

    /** The names of the dialects as a changelog writes them, in this list's order. */
    public static List<String> keys() {
        return KNOWN.stream().map(k -> k.id().key()).toList();
    }

    /** Which dialect a database URL (any form {@link DatabaseUrls} reads) talks to, if Graft can use it. */
    public static Optional<DialectId> idForUrl(String url) {
        try {
            return Optional.of(DatabaseUrls.parse(url).dialect());
        } catch (DatabaseUrlException e) {
            return Optional.empty();
        }
    }

    /** The dialect of a database URL, if Graft can use it. */
    public static Optional<Dialect> forUrlIfKnown(String url) {
        return idForUrl(url).map(Dialects::of);
    }

    /** From a database URL, or {@link DatabaseUrlException}: one line that lists the URLs Graft understands. */
    public static Dialect forUrl(String url) {
        return of(DatabaseUrls.parse(url).dialect());
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
