package io.graft.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.DatabaseUrl;
import io.graft.GraftException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.fleet.SqliteGlob;
import io.graft.internal.fleet.TenantUrls;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where the targets of a fleet come from: a list of URLs, a file with one URL or JSON object per
 * line, a query on a control database, a glob of SQLite files. Every target gets a name (given,
 * or taken from its URL: the SQLite file's name, the PostgreSQL schema or database, the MySQL
 * database), and names are unique; each source reports every bad entry with its place.
 */
public final class TargetSources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENTRY_KEYS = Set.of("name", "url", "user", "password", "schema");

    private TargetSources() {
    }

    /** A target for {@code url}, named after it. */
    public static FleetTarget url(String url) {
        return withUrl(null, url, null, null, null);
    }

    /** Targets for the URLs, in order, each named after its URL. */
    public static List<FleetTarget> urls(List<String> urls) {
        List<FleetTarget> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            try {
                targets.add(url(urls.get(i)));
            } catch (GraftException | IllegalArgumentException e) {
                problems.add(Problem.at(SourceSpan.file("targets[" + i + "]"), e.getMessage()));
            }
        }
        return checked("invalid targets", targets, problems);
    }

    /**
     * A target for tenant {@code tenant} beside {@code baseUrl}: the schema {@code tenant} of a
     * PostgreSQL database (its history in that schema too, so each tenant has its own lock), or the
     * database {@code tenant} of a MySQL/MariaDB server. Named {@code tenant}.
     */
    public static FleetTarget tenant(String baseUrl, String tenant) {
        if (!TenantUrls.TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("'" + tenant + "' is not a plain schema or database name "
                    + "(letters, digits, _ and $, starting with a letter or _)");
        }
        DatabaseUrl base = DatabaseUrl.parse(baseUrl);
        String url = TenantUrls.tenantUrl(base.jdbcUrl(), base.dialect(), tenant);
        return new FleetTarget(tenant, url, base.user(), base.password(),
                base.dialect() == DialectId.POSTGRESQL ? tenant : null);
    }

    /** The tenants {@code tenants} beside {@code baseUrl}, see {@link #tenant}. */
    public static List<FleetTarget> tenants(String baseUrl, List<String> tenants) {
        List<FleetTarget> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String t : tenants) {
            try {
                targets.add(tenant(baseUrl, t));
            } catch (GraftException | IllegalArgumentException e) {
                problems.add(Problem.at(SourceSpan.file("tenant " + t), e.getMessage()));
            }
        }
        return checked("invalid tenants", targets, problems);
    }

    /**
     * The targets of a file: one per line, a URL or a JSON object
     * {@code {"name": ..., "url": ..., "user": ..., "password": ..., "schema": ...}} (only
     * {@code url} required); blank lines and lines starting with {@code #} are skipped.
     *
     * @param shownAs how errors name the file ({@code tenants.txt:4})
     */
    public static List<FleetTarget> file(Path file, String shownAs) {
        List<FleetTarget> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                SourceSpan where = new SourceSpan(shownAs, number, 1);
                try {
                    targets.add(text.startsWith("{") ? entry(text, where) : url(text));
                } catch (GraftException | IllegalArgumentException e) {
                    problems.add(Problem.at(where, e.getMessage(), text.startsWith("{")
                            ? "write one JSON object per line, e.g. {\"name\": \"acme\", \"url\": \"postgresql://db/acme\"}"
                            : "write one URL per line, e.g. postgresql://db/acme or jdbc:sqlite:tenants/acme.db"));
                }
            }
        } catch (IOException e) {
            throw new TargetListException("cannot read the targets file " + shownAs + ": " + e.getMessage());
        }
        return checked("invalid targets in " + shownAs, targets, problems);
    }

    /**
     * The SQLite files that match {@code glob} ({@code tenants/*.db}, {@code data/**}{@code /app.db}),
     * relative to {@code folder}, in name order; each named after its path below the glob's fixed
     * part, without the extension ({@code tenants/acme.db} is {@code acme}).
     */
    public static List<FleetTarget> sqliteGlob(Path folder, String glob) {
        List<FleetTarget> targets = new ArrayList<>();
        for (SqliteGlob.Match match : SqliteGlob.find(folder, glob)) {
            targets.add(new FleetTarget(match.name(), "jdbc:sqlite:" + match.file(), null, null, null));
        }
        return checked("invalid targets", targets, List.of());
    }

    /**
     * The targets a query on a control database returns, one per row. A column {@code url} gives
     * the target's URL; otherwise a column {@code schema}, {@code database} or {@code tenant} (or
     * the only column) names a tenant beside {@code baseUrl} ({@link #tenant}); a value of the only
     * column that is a URL is taken as one. A column {@code name} names the target.
     *
     * @param controlUrl the database the query runs on (user and password as given here)
     * @param baseUrl the URL tenant names are combined with; null for {@code controlUrl}
     */
    public static List<FleetTarget> query(String controlUrl, String user, String password, String sql,
            String baseUrl) {
        DatabaseUrl control = DatabaseUrl.parse(controlUrl);
        String base = baseUrl == null ? controlUrl : baseUrl;
        Properties props = new Properties();
        String u = control.user() != null ? control.user() : user;
        String p = control.password() != null ? control.password() : password;
        if (u != null) {
            props.setProperty("user", u);
        }
        if (p != null) {
            props.setProperty("password", p);
        }
        List<FleetTarget> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        SourceSpan where = SourceSpan.file("targets_query");
        try (Connection c = DriverManager.getConnection(control.jdbcUrl(), props);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.putIfAbsent(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            }
            Integer urlColumn = columns.get("url");
            Integer tenantColumn = columns.containsKey("schema") ? columns.get("schema")
                    : columns.containsKey("database") ? columns.get("database") : columns.get("tenant");
            Integer nameColumn = columns.get("name");
            Integer valueColumn = urlColumn != null ? urlColumn : tenantColumn;
            if (valueColumn == null && md.getColumnCount() == 1) {
                valueColumn = 1;
            }
            if (valueColumn == null) {
                throw new TargetListException("the targets query returns " + md.getColumnCount() + " columns but none "
                        + "is called url, schema, database or tenant", List.of(Problem.at(where, sql,
                        "return one column, or name them: SELECT url, name ... or SELECT schema_name AS schema ...")));
            }
            int row = 0;
            while (rs.next()) {
                row++;
                String name = nameColumn == null || nameColumn.equals(valueColumn) ? null : rs.getString(nameColumn);
                String value = rs.getString(valueColumn);
                try {
                    if (value == null) {
                        throw new IllegalArgumentException("the query returned NULL");
                    }
                    boolean isUrl = urlColumn != null || (tenantColumn == null && looksLikeUrl(value));
                    FleetTarget t = isUrl ? withUrl(name, value.strip(), null, null, null) : tenant(base, value.strip());
                    targets.add(name == null ? t : new FleetTarget(name, t.url(), t.user(), t.password(), t.schema()));
                } catch (GraftException | IllegalArgumentException e) {
                    problems.add(Problem.at(SourceSpan.file("targets_query row " + row), e.getMessage()));
                }
            }
        } catch (SQLException e) {
            throw new TargetListException("the targets query failed on " + control, List.of(Problem.at(where,
                    e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
                    "run it by hand on the control database: " + sql)));
        }
        return checked("invalid targets from the targets query", targets, problems);
    }

    /** A target of a file line or a graft.yaml entry given as an object. */
    private static FleetTarget entry(String json, SourceSpan where) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!ENTRY_KEYS.contains(field.getKey())) {
                throw new IllegalArgumentException(Problem.unknownKey(where, field.getKey(), ENTRY_KEYS).message()
                        + " (known: " + String.join(", ", ENTRY_KEYS.stream().sorted().toList()) + ")");
            }
            values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        }
        return entry(values);
    }

    /**
     * A target given as keys {@code name, url, user, password, schema} (a targets file's JSON
     * line, a graft.yaml list entry); {@code url} required, the name taken from it when absent.
     */
    public static FleetTarget entry(Map<String, String> values) {
        String url = values.get("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a target needs a 'url'");
        }
        return withUrl(values.get("name"), url, values.get("user"), values.get("password"), values.get("schema"));
    }

    private static FleetTarget withUrl(String name, String url, String user, String password, String schema) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        String historySchema = schema != null ? schema
                : parsed.dialect() == DialectId.POSTGRESQL ? TenantUrls.schemaOf(parsed.jdbcUrl()) : null;
        return new FleetTarget(name == null || name.isBlank() ? TenantUrls.nameOf(parsed) : name, url, user, password,
                historySchema);
    }

    private static boolean looksLikeUrl(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.startsWith("jdbc:") || v.contains("://") || v.startsWith("sqlite:");
    }

    /** Fails with every problem, or with the targets that share a name; else the targets. */
    static List<FleetTarget> checked(String what, List<FleetTarget> targets, List<Problem> problems) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(duplicateNames(targets));
        if (!all.isEmpty()) {
            throw new TargetListException(what, all);
        }
        return List.copyOf(targets);
    }

    /** One problem per name used twice or more; empty when every name is unique. */
    public static List<Problem> duplicateNames(List<FleetTarget> targets) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (FleetTarget t : targets) {
            byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t.shownUrl());
        }
        List<Problem> problems = new ArrayList<>();
        byName.forEach((name, urls) -> {
            if (urls.size() > 1) {
                problems.add(Problem.at(SourceSpan.file("target " + name), "the name '" + name + "' is used by "
                        + urls.size() + " targets: " + String.join(", ", urls),
                        "give each a name of its own ({\"name\": ..., \"url\": ...})"));
            }
        });
        return problems;
    }
}
