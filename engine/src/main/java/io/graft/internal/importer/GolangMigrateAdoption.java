package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.internal.dialect.Dialect;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads golang-migrate's {@code schema_migrations} (never writes it) and says which revisions of
 * an imported changelog golang-migrate has applied. golang-migrate keeps one row, the current
 * version and a dirty flag ({@code version bigint, dirty boolean}; on SQLite
 * {@code version uint64, dirty bool}); every version up to the current one is applied, since it
 * migrates strictly in order. It keeps no checksums, so none can be compared.
 *
 * <p>It refuses, naming the row: a dirty version (golang-migrate sets the flag before it runs a
 * file and clears it after, so a dirty row is a migration that failed or was interrupted half
 * way); a version the changelog has no revision for (golang-migrate itself refuses to migrate
 * from it: "no migration found for version N"); more than one row; and a table of another shape
 * (dbmate and Rails keep a {@code schema_migrations} too, with one row per version and no dirty
 * column). The table is {@code schema_migrations} unless the manifest names another (a project
 * run with {@code x-migrations-table=NAME} edits the manifest's {@code table}).
 */
public final class GolangMigrateAdoption implements HistoryAdoption {

    static final String DEFAULT_TABLE = "schema_migrations";

    /**
     * The row: the current version, or null when the table is empty (nothing applied, or a
     * {@code migrate down} all the way).
     */
    record Row(BigInteger version, boolean dirty) {
    }

    private final ImportManifest manifest;
    private final String table;

    public GolangMigrateAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? DEFAULT_TABLE : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        String qualified = (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(table);
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + qualified)) {
            checkShape(rs.getMetaData(), qualified);
            while (rs.next()) {
                String version = rs.getString("version");
                boolean dirty = rs.getBoolean("dirty");
                rows.add(new Row(version == null ? null : new BigInteger(version.strip()), dirty));
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read golang-migrate's table " + qualified + ": "
                    + e.getMessage(), "point --url at the database golang-migrate migrated; if it ran with"
                    + " x-migrations-table=NAME, put that NAME as \"table\" into " + ImportManifest.fileName(manifest.tool())),
                    null, e.getSQLState(), e);
        } catch (NumberFormatException e) {
            throw new MigrationException(Hints.append("golang-migrate's table " + qualified + " holds a version that is"
                    + " not a number (" + e.getMessage() + ")", "this is not golang-migrate's table: check --url"));
        }
        return map(rows, qualified);
    }

    /** Refuses a table that is not golang-migrate's, saying whose it looks like. */
    private void checkShape(ResultSetMetaData md, String qualified) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        if (columns.size() == 2 && columns.containsAll(List.of("version", "dirty"))) {
            return;
        }
        String looksLike = columns.equals(List.of("version"))
                ? " It looks like dbmate's (or Rails') schema_migrations, which keeps one row per applied version"
                        + " and no dirty flag: import the project with the tool that wrote it."
                : "";
        throw new MigrationException(Hints.append(qualified + " has the columns " + columns + ", but golang-migrate's"
                + " schema_migrations has exactly (version, dirty)." + looksLike,
                "point --url at the database golang-migrate migrated; if it ran with x-migrations-table=NAME, put that"
                        + " NAME as \"table\" into " + ImportManifest.fileName(manifest.tool())));
    }

    Adopted map(List<Row> rows, String qualified) {
        if (rows.size() > 1) {
            throw new MigrationException(Hints.append(qualified + " has " + rows.size() + " rows (versions "
                    + rows.stream().map(r -> String.valueOf(r.version())).toList() + "), but golang-migrate keeps"
                    + " exactly one: the current version", "this is not golang-migrate's table, or it was edited by"
                    + " hand: leave one row (the current version), e.g. with 'migrate force VERSION'"));
        }
        if (rows.isEmpty()) {
            return new Adopted(List.of(), List.of(), 0);
        }
        Row row = rows.get(0);
        if (row.dirty()) {
            String v = String.valueOf(row.version());
            BigInteger previous = previous(row.version());
            throw new MigrationException(Hints.append("golang-migrate left version " + v + " dirty (" + qualified
                    + " row version = " + v + ", dirty = true): the migration failed or was interrupted half way,"
                    + " so the database is in no state a revision describes", "fix the schema by hand and run 'migrate"
                    + " force " + v + "' if the migration's changes are complete, or 'migrate force "
                    + (previous == null ? "-1" : previous.toString()) + "' if they are undone; then adopt again"));
        }
        if (row.version() == null || row.version().signum() < 0) {
            return new Adopted(List.of(), List.of(), 1);
        }
        boolean known = manifest.revisions().stream()
                .anyMatch(e -> e.version() != null && new BigInteger(e.version()).equals(row.version()));
        if (!known) {
            throw new MigrationException(Hints.append("golang-migrate's row in " + qualified + " says version "
                    + row.version() + " is applied, but the changelog has no migration of version " + row.version()
                    + " (golang-migrate itself stops there: no migration found for version " + row.version() + ")",
                    "import again from the golang-migrate folder this database was migrated from, with that"
                            + " version's files in it"));
        }
        List<String> ids = manifest.revisions().stream()
                .filter(e -> e.version() != null && new BigInteger(e.version()).compareTo(row.version()) <= 0)
                .map(ImportManifest.Entry::id).toList();
        return new Adopted(ids, List.of(), 1);
    }

    private BigInteger previous(BigInteger version) {
        BigInteger best = null;
        for (ImportManifest.Entry e : manifest.revisions()) {
            if (e.version() == null) {
                continue;
            }
            BigInteger v = new BigInteger(e.version());
            if (version != null && v.compareTo(version) < 0 && (best == null || v.compareTo(best) > 0)) {
                best = v;
            }
        }
        return best;
    }
}
