package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads dbmate's {@code schema_migrations} (never writes it): one row per applied version, as
 * {@code dbmate migrate} inserts it and {@code dbmate rollback} deletes it. dbmate keeps no
 * checksums, so nothing can be verified beyond the versions themselves. A version the changelog
 * lacks is refused, naming it.
 *
 * <p>golang-migrate keeps a table of the same name with another shape (one row: {@code version
 * bigint, dirty boolean}); such a table is refused as that tool's.
 */
public final class DbmateAdoption implements HistoryAdoption {

    private final ImportManifest manifest;
    private final String table;

    public DbmateAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? "schema_migrations" : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        String qualified = (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(table);
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + qualified)) {
            ResultSetMetaData md = rs.getMetaData();
            Set<String> columns = new HashSet<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            if (columns.contains("dirty")) {
                throw new MigrationException(Hints.append(qualified + " has the columns " + columns.stream().sorted()
                        .toList() + ": it looks like golang-migrate's history table (one row: version, dirty), not"
                        + " dbmate's (one row per applied version)", "import the project with the tool that migrated"
                        + " this database, and adopt from that tool"));
            }
            if (!columns.contains("version")) {
                throw new MigrationException(Hints.append(qualified + " has no column version, so it is not dbmate's"
                        + " history table (columns " + columns.stream().sorted().toList() + ")",
                        "point --url at the database dbmate migrated"));
            }
            while (rs.next()) {
                versions.add(rs.getString("version"));
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read dbmate's history table " + qualified + ": "
                    + e.getMessage(), "point --url at the database dbmate migrated; Graft reads dbmate's default table"
                    + " (schema_migrations), so a table set with --migrations-table has to be renamed or copied to it"
                    + " first"), null, e.getSQLState(), e);
        }
        return map(versions);
    }

    Adopted map(List<String> versions) {
        Set<String> ids = new HashSet<>();
        for (String version : versions) {
            ImportManifest.Entry entry = manifest.revisions().stream()
                    .filter(e -> version != null && version.equals(e.version())).findFirst().orElse(null);
            if (entry == null) {
                throw new MigrationException(Hints.append("dbmate's history row version " + version + " in " + table
                        + " names a migration that the changelog does not have", "import again from the dbmate"
                        + " project this database was migrated from (with the file " + version + "_*.sql in it)"));
            }
            ids.add(entry.id());
        }
        List<String> ordered = manifest.revisions().stream().map(ImportManifest.Entry::id).filter(ids::contains).toList();
        return new Adopted(ordered, List.of(), versions.size());
    }
}
