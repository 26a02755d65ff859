package io.graft.internal.fleet;

import io.graft.DatabaseUrl;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs of tenants: a schema of one PostgreSQL database ({@code currentSchema=}, so that the
 * tenant's SQL runs there) or a database of one MySQL/MariaDB server (the URL's database
 * replaced), and the names targets get from their URLs.
 */
public final class TenantUrls {

    /** What a tenant's schema or database may be called: a plain identifier, safe in a URL and in SQL. */
    public static final Pattern TENANT = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    private static final Pattern SERVER = Pattern.compile("(?i)(jdbc:[a-z]+://[^/?]*)(/[^?]*)?(\\?.*)?");
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("(?i)[?&]currentSchema=([^&]*)");

    private TenantUrls() {
    }

    /**
     * The JDBC URL of tenant {@code tenant} beside {@code base} (a JDBC URL as {@link DatabaseUrl}
     * gives it): PostgreSQL keeps the database and sets {@code currentSchema}; MySQL/MariaDB keeps
     * the server and names the tenant's database.
     *
     * @throws IllegalArgumentException for SQLite, which has neither
     */
    public static String tenantUrl(String base, DialectId dialect, String tenant) {
        Matcher m = SERVER.matcher(base);
        if (dialect == DialectId.SQLITE || !m.matches()) {
            throw new IllegalArgumentException("schema or database names need a PostgreSQL or MySQL/MariaDB URL to "
                    + "go with, not " + base);
        }
        String query = m.group(3) == null ? "" : m.group(3);
        if (dialect == DialectId.POSTGRESQL) {
            String path = m.group(2) == null ? "/" : m.group(2);
            String params = query.replaceAll("(?i)([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
            return m.group(1) + path + params + (params.isEmpty() ? "?" : "&") + "currentSchema=" + tenant;
        }
        return m.group(1) + "/" + tenant + query;
    }

    /**
     * The name a target gets from its URL: an SQLite file's name without its extension, a
     * PostgreSQL URL's {@code currentSchema} or database, a MySQL URL's database.
     */
    public static String nameOf(DatabaseUrl url) {
        if (url.dialect() == DialectId.SQLITE) {
            String file = url.sqliteFile().map(Path::getFileName).map(Path::toString)
                    .orElse(url.jdbcUrl().substring("jdbc:sqlite:".length()));
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }
        if (url.dialect() == DialectId.POSTGRESQL) {
            String schema = schemaOf(url.jdbcUrl());
            if (schema != null) {
                return schema;
            }
        }
        Matcher m = SERVER.matcher(url.jdbcUrl());
        if (m.matches() && m.group(2) != null && m.group(2).length() > 1) {
            return m.group(2).substring(1);
        }
        return url.toString();
    }

    /** A PostgreSQL URL's {@code currentSchema}, when it names one schema; else null. */
    public static String schemaOf(String jdbcUrl) {
        Matcher m = CURRENT_SCHEMA.matcher(jdbcUrl);
        if (m.find() && TENANT.matcher(m.group(1)).matches()) {
            return m.group(1);
        }
        return null;
    }
}
