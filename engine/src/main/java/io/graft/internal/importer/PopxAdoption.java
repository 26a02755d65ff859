package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads popx's {@code schema_migration} (never writes it) and says which revisions of an imported
 * changelog popx has applied: one row per applied version ({@code version VARCHAR(48)},
 * {@code version_self INT}; pop's older table has {@code version} only, and popx reads both). A
 * row of the first 14 characters of a longer version stands for that version, as popx's legacy
 * rule has it. popx keeps no checksums and no failure state: a failed migration rolled back, or,
 * with {@code .autocommit}, left its statements and no row.
 *
 * <p>A revision that runs SQL on some dialects only (popx skips it elsewhere and records nothing)
 * counts as applied on the others once popx has applied a later version. A row whose version the
 * changelog lacks is refused, naming it.
 */
public final class PopxAdoption implements HistoryAdoption {

    static final String DEFAULT_TABLE = "schema_migration";

    private final ImportManifest manifest;
    private final String table;

    public PopxAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? DEFAULT_TABLE : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        String qualified = (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(table);
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + qualified)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            if (!columns.contains("version") || columns.contains("dirty")) {
                throw new MigrationException(Hints.append(qualified + " has the columns " + columns + ", but popx's"
                        + " schema_migration has (version, version_self)" + (columns.contains("dirty")
                        ? ": with a dirty column it looks like golang-migrate's" : ""),
                        "point --url at the database popx migrated; if pop's migration_table_name names another"
                                + " table, put it as \"table\" into " + ImportManifest.fileName(manifest.tool())));
            }
            while (rs.next()) {
                String v = rs.getString("version");
                versions.add(v == null ? "" : v.strip());
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read popx's table " + qualified + ": " + e.getMessage(),
                    "point --url at the database popx migrated; if pop's migration_table_name names another table,"
                            + " put it as \"table\" into " + ImportManifest.fileName(manifest.tool())),
                    null, e.getSQLState(), e);
        }
        return map(versions, dialect.id(), qualified);
    }

    Adopted map(List<String> rows, DialectId dialect, String qualified) {
        Set<String> applied = new LinkedHashSet<>();
        for (String row : rows) {
            ImportManifest.Entry entry = manifest.revisions().stream()
                    .filter(e -> e.version() != null && (e.version().equals(row)
                            || (e.version().length() > 14 && e.version().substring(0, 14).equals(row))))
                    .findFirst().orElse(null);
            if (entry == null) {
                throw new MigrationException(Hints.append("popx's row in " + qualified + " (version = " + row
                        + ") names a migration that the changelog does not have", "import again from the popx folder"
                        + " this database was migrated from, with that version's files in it; a Go migration"
                        + " (WithGoMigrations) has to be written as SQL first"));
            }
            for (ImportManifest.Entry e : manifest.revisions()) {
                if (e.version() != null && (e.version().equals(row)
                        || (e.version().length() > 14 && e.version().substring(0, 14).equals(row)))) {
                    applied.add(e.id());
                }
            }
        }
        String latest = manifest.revisions().stream().filter(e -> applied.contains(e.id()))
                .map(ImportManifest.Entry::version).max(String::compareTo).orElse(null);
        List<String> ids = new ArrayList<>();
        for (ImportManifest.Entry e : manifest.revisions()) {
            if (applied.contains(e.id())) {
                ids.add(e.id());
            } else if (latest != null && skippedOn(e, dialect) && e.version().compareTo(latest) < 0) {
                ids.add(e.id());
            }
        }
        return new Adopted(ids, List.of(), rows.size());
    }

    /** Whether popx runs nothing for {@code e} on {@code dialect} (the revision has an empty file there). */
    private static boolean skippedOn(ImportManifest.Entry e, DialectId dialect) {
        String dialects = e.extra().get(PopxLayout.DIALECTS);
        return dialects != null && !Arrays.asList(dialects.split(",")).contains(dialect.key());
    }
}
