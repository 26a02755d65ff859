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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads goose's {@code goose_db_version} (never writes it) and says which revisions of an
 * imported changelog goose has applied. goose keeps a log ({@code id, version_id, is_applied,
 * tstamp}): creating the table it inserts {@code version_id = 0} (no migration), each migration
 * applied inserts its version with {@code is_applied = true}; goose v3 deletes the row when it
 * migrates down, older versions inserted one with {@code is_applied = false}. The rows are
 * replayed in {@code id} order, so the last row of a version says whether it is applied, as goose
 * itself reads them. goose keeps no checksums, so none can be compared.
 *
 * <p>A row of a version the changelog lacks is refused, naming it (a Go migration, a file deleted
 * since, another project's). The table is {@code goose_db_version} unless the manifest names
 * another (goose's {@code -table}).
 */
public final class GooseAdoption implements HistoryAdoption {

    /** One row of goose's table. */
    record Row(long id, long version, boolean applied) {

        @Override
        public String toString() {
            return "id = " + id + ", version_id = " + version + ", is_applied = " + applied;
        }
    }

    private final ImportManifest manifest;
    private final String table;

    public GooseAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? GooseLayout.DEFAULT_TABLE
                : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        String qualified = (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(table);
        String hint = "point --url at the database goose migrated; if goose ran with -table NAME, put that NAME as"
                + " \"table\" (and a schema as \"schema\") into " + ImportManifest.fileName(manifest.tool());
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + qualified)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            if (!columns.containsAll(List.of("id", "version_id", "is_applied"))) {
                throw new MigrationException(Hints.append(qualified + " has the columns " + columns + ", but goose's"
                        + " table has (id, version_id, is_applied, tstamp)", hint));
            }
            while (rs.next()) {
                rows.add(new Row(rs.getLong("id"), rs.getLong("version_id"), rs.getBoolean("is_applied")));
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read goose's table " + qualified + ": " + e.getMessage(),
                    hint), null, e.getSQLState(), e);
        }
        return map(rows, qualified);
    }

    Adopted map(List<Row> rows, String qualified) {
        Set<String> applied = new LinkedHashSet<>();
        for (Row row : rows.stream().sorted(java.util.Comparator.comparingLong(Row::id)).toList()) {
            if (row.version() == 0) {
                continue; // the row goose inserts when it creates the table
            }
            ImportManifest.Entry entry = manifest.revisions().stream()
                    .filter(e -> e.version() != null && Long.parseLong(e.version()) == row.version())
                    .findFirst().orElse(null);
            if (entry == null) {
                throw new MigrationException(Hints.append("goose's row in " + qualified + " (" + row + ") names"
                        + " version " + row.version() + ", a migration that the changelog does not have",
                        "import again from the goose folder this database was migrated from, with that version's"
                                + " file in it; a Go migration has to be written as an SQL file first"));
            }
            if (row.applied()) {
                applied.add(entry.id());
            } else {
                applied.remove(entry.id());
            }
        }
        List<String> ids = manifest.revisions().stream().map(ImportManifest.Entry::id).filter(applied::contains)
                .toList();
        return new Adopted(ids, List.of(), rows.size());
    }
}
