package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Liquibase's {@code DATABASECHANGELOG} (never writes it, nor its lock table) and says which
 * revisions of an imported changelog Liquibase has applied. A row matches the revision whose
 * changeset has its {@code (ID, AUTHOR, FILENAME)}, compared as Liquibase compares them (id and
 * author ignoring case, the path normalised).
 *
 * <ul>
 *   <li>{@code EXECTYPE} {@code EXECUTED}, {@code RERAN} and {@code MARK_RAN} count as applied;
 *       {@code SKIPPED} as not applied; {@code FAILED} (a changeset with {@code failOnError:false}
 *       that failed) is refused: its statements may have run in part.</li>
 *   <li>{@code MD5SUM} is compared with the checksum of the changeset when it was imported; a
 *       difference is an edit after Liquibase applied it, refused naming the row, unless the
 *       changeset is {@code runOnChange} (it is then pending, re-applied by {@code graft up}, as
 *       Liquibase would) or lists the row's checksum in {@code validCheckSum}. An empty
 *       {@code MD5SUM} (after {@code liquibase clear-checksums}) and a checksum of another version
 *       than 9 (an older Liquibase's, which Liquibase itself upgrades on its next run) are not
 *       compared.</li>
 *   <li>A changeset Liquibase skips on this database ({@code dbms}) has no row; its revision has
 *       an empty file for this dialect and counts as applied once Liquibase ran a later one.</li>
 *   <li>A row the changelog has no changeset for is refused; so is a locked
 *       {@code DATABASECHANGELOGLOCK} (a Liquibase is running; {@code databaseChangeLogLockTableName}
 *       of liquibase.properties, which the import keeps in the manifest's entries, names another).</li>
 * </ul>
 */
public final class LiquibaseAdoption implements HistoryAdoption {

    /** One row of DATABASECHANGELOG. */
    record Row(String id, String author, String filename, int order, String execType, String md5sum) {

        String name() {
            return "(ID '" + id + "', AUTHOR '" + author + "', FILENAME '" + filename + "', ORDEREXECUTED " + order + ")";
        }
    }

    private final ImportManifest manifest;
    private final String table;

    public LiquibaseAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? "DATABASECHANGELOG" : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        String changelog = find(c, table);
        if (changelog == null) {
            throw new MigrationException(Hints.append("Liquibase's history table " + table + " does not exist"
                    + (manifest.schema() == null ? "" : " in schema " + manifest.schema()), "point --url at the database"
                    + " Liquibase updated; if Liquibase kept its table elsewhere, set databaseChangeLogTableName /"
                    + " liquibaseSchemaName in liquibase.properties and import again"));
        }
        String lock = find(c, manifest.revisions().stream().map(e -> e.extra().get("lockTable"))
                .filter(java.util.Objects::nonNull).findFirst().orElse("DATABASECHANGELOGLOCK"));
        if (lock != null) {
            checkLock(c, dialect, lock);
        }
        return map(read(c, dialect, changelog), dialect.id().key());
    }

    /** The table's name as the catalog spells it (Liquibase writes lower case on PostgreSQL), or null. */
    private String find(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = manifest.schema();
        String catalog = null;
        if (schema != null && md.getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*")) {
            catalog = schema;
            schema = null;
        }
        if (schema == null && catalog == null) {
            catalog = c.getCatalog();
            schema = safeSchema(c);
        }
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return rs.getString("TABLE_NAME");
                }
            }
        }
        return null;
    }

    private static String safeSchema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    private String qualified(Dialect dialect, String name) {
        return (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(name);
    }

    private void checkLock(Connection c, Dialect dialect, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + qualified(dialect, lock));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getBoolean("LOCKED")) {
                    throw new MigrationException(Hints.append("Liquibase's lock table " + lock + " is locked (by "
                            + rs.getString("LOCKEDBY") + " since " + rs.getString("LOCKGRANTED") + "): a Liquibase"
                            + " is running, or one was killed", "wait until it ends; if none runs,"
                            + " 'liquibase release-locks' frees the lock; then adopt again"));
                }
            }
        }
    }

    private List<Row> read(Connection c, Dialect dialect, String changelog) throws SQLException {
        String qualified = qualified(dialect, changelog);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + qualified + " ORDER BY ORDEREXECUTED");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString("ID"), rs.getString("AUTHOR"), rs.getString("FILENAME"),
                        rs.getInt("ORDEREXECUTED"), rs.getString("EXECTYPE"), rs.getString("MD5SUM")));
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read Liquibase's history table " + qualified + ": "
                    + e.getMessage(), "point --url at the database Liquibase updated"), null, e.getSQLState(), e);
        }
        return rows;
    }

    Adopted map(List<Row> rows, String dialect) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>();
        for (Row row : rows) {
            String type = row.execType() == null ? "EXECUTED" : row.execType().trim().toUpperCase(Locale.ROOT);
            if (type.equals("FAILED")) {
                throw new MigrationException(Hints.append("Liquibase's history row " + row.name() + " is FAILED: the"
                        + " changeset failed (failOnError:false), so its statements may have run in part",
                        "finish or undo them by hand and let Liquibase run it again, then adopt"));
            }
            ImportManifest.Entry entry = entry(row);
            if (entry == null) {
                throw new MigrationException(Hints.append("Liquibase's history row " + row.name() + " names a"
                        + " changeset that the changelog does not have", "import again from the changelog this"
                        + " database was updated with (the changeset in it); a changeset left out of the import"
                        + " (dbms, an unsupported change) has to be imported first"));
            }
            if (type.equals("SKIPPED")) {
                continue;
            }
            String expected = entry.extra().getOrDefault("md5sum." + dialect, entry.checksum());
            String actual = row.md5sum() == null ? null : row.md5sum().trim();
            boolean comparable = expected != null && actual != null && !actual.isEmpty()
                    && actual.startsWith(LiquibaseChecksum.VERSION + ":");
            boolean valid = !comparable || expected.equalsIgnoreCase(actual) || validCheckSum(entry, actual);
            if (valid) {
                ids.add(entry.id());
                pending.remove(entry.id());
            } else if ("true".equals(entry.extra().get("runOnChange")) || "true".equals(entry.extra().get("runAlways"))) {
                ids.remove(entry.id());
                if (!pending.contains(entry.id())) {
                    pending.add(entry.id());
                }
            } else {
                throw new MigrationException(Hints.append("Liquibase's history row " + row.name() + " has MD5SUM "
                        + actual + ", but changeset " + entry.extra().get("id") + " in " + entry.script() + " had "
                        + expected + " when it was imported: the changeset was edited after Liquibase applied it",
                        "restore the changeset as Liquibase applied it and import again; or, if the edit is intended,"
                                + " let Liquibase accept it first ('liquibase clear-checksums', or a validCheckSum)"));
            }
        }
        // a changeset Liquibase skips on this database (dbms) has an empty file here: once Liquibase has run a
        // changeset after it, it is passed, as it is for Liquibase
        List<ImportManifest.Entry> entries = manifest.revisions();
        for (int i = 0; i < entries.size(); i++) {
            ImportManifest.Entry e = entries.get(i);
            String dbms = e.extra().get("dbms");
            if (dbms != null && !LiquibaseTool.runsOn(dbms, dialect)
                    && entries.subList(i + 1, entries.size()).stream().anyMatch(later -> ids.contains(later.id()))) {
                ids.add(e.id());
            }
        }
        List<String> ordered = entries.stream().map(ImportManifest.Entry::id).filter(ids::contains).toList();
        return new Adopted(ordered, pending, rows.size());
    }

    private static boolean validCheckSum(ImportManifest.Entry entry, String actual) {
        String valid = entry.extra().get("validCheckSum");
        if (valid == null) {
            return false;
        }
        for (String v : valid.split(",")) {
            if (v.trim().equalsIgnoreCase("ANY") || v.trim().equalsIgnoreCase(actual)) {
                return true;
            }
        }
        return false;
    }

    private ImportManifest.Entry entry(Row row) {
        String file = LiquibaseProject.normalize(row.filename() == null ? "" : row.filename());
        for (ImportManifest.Entry e : manifest.revisions()) {
            if (row.id() != null && row.id().equalsIgnoreCase(e.extra().get("id"))
                    && row.author() != null && row.author().equalsIgnoreCase(e.extra().get("author"))
                    && file.equals(LiquibaseProject.normalize(e.extra().getOrDefault("filename", "")))) {
                return e;
            }
        }
        return null;
    }
}
