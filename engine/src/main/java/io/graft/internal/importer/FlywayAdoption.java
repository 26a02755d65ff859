package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code flyway_schema_history} (never writes it) and says which revisions of an imported
 * changelog Flyway has applied, as Flyway itself would see it after replaying its rows in
 * {@code installed_rank} order: successful migrations, undone ones taken back, rows deleted by
 * {@code flyway repair} ignored, versions at or below a {@code flyway baseline} counted as there.
 *
 * <p>It refuses, naming the row, a failed migration ({@code success = false}), a row the changelog
 * has no revision for, and a versioned migration whose checksum differs from the file the
 * changelog was imported from (an edit after Flyway applied it). A repeatable migration whose
 * file changed since Flyway last applied it is left out: it is pending, for Graft as for Flyway.
 */
public final class FlywayAdoption implements HistoryAdoption {

    /** One row of the history table. */
    record Row(int rank, String version, String description, String type, String script, Integer checksum,
            boolean success) {

        String name() {
            return "installed_rank " + rank + " (" + (version == null ? "repeatable" : "version " + version) + ", '"
                    + description + "', " + script + ")";
        }
    }

    private final ImportManifest manifest;
    private final String table;

    public FlywayAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? "flyway_schema_history" : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        return map(read(c, dialect));
    }

    private List<Row> read(Connection c, Dialect dialect) throws SQLException {
        String qualified = (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(table);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT installed_rank, version, description, type, script,"
                + " checksum, success FROM " + qualified + " ORDER BY installed_rank");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int checksum = rs.getInt("checksum");
                rows.add(new Row(rs.getInt("installed_rank"), rs.getString("version"), rs.getString("description"),
                        rs.getString("type"), rs.getString("script"), rs.wasNull() ? null : checksum,
                        rs.getBoolean("success")));
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read Flyway's history table " + qualified + ": "
                    + e.getMessage(), "point --url at the database Flyway migrated; if Flyway kept its table"
                    + " elsewhere, set flyway.table / flyway.defaultSchema in the Flyway configuration and import again"),
                    null, e.getSQLState(), e);
        }
        return rows;
    }

    Adopted map(List<Row> rows) {
        Map<FlywayVersion, Row> applied = new LinkedHashMap<>();
        Map<String, Row> repeatables = new LinkedHashMap<>();
        FlywayVersion baselineMark = null;
        for (Row row : rows) {
            String type = row.type() == null ? "" : row.type().toUpperCase(java.util.Locale.ROOT);
            if (!row.success()) {
                throw new MigrationException(Hints.append("Flyway's history row " + row.name() + " failed"
                        + " (success = false): Flyway left that migration unfinished, so the database is in no"
                        + " state a revision describes", "finish or undo its statements by hand, remove the row with"
                        + " 'flyway repair', then adopt again"));
            }
            if (type.equals("SCHEMA") || type.equals("TABLE")) {
                continue;
            }
            FlywayVersion version = row.version() == null || row.version().isBlank() ? null
                    : FlywayVersion.valid(row.version()) ? FlywayVersion.parse(row.version()) : null;
            if (type.equals("BASELINE")) {
                baselineMark = version;
                continue;
            }
            if (type.startsWith("UNDO") || type.equals("DELETE")) {
                if (version != null) {
                    applied.remove(version);
                } else {
                    repeatables.remove(row.description());
                }
                continue;
            }
            if (version != null) {
                applied.put(version, row);
            } else if (row.version() == null || row.version().isBlank()) {
                repeatables.put(row.description(), row);
            } else {
                throw unknown(row);
            }
        }

        Set<String> ids = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>();
        for (Map.Entry<FlywayVersion, Row> e : applied.entrySet()) {
            Row row = e.getValue();
            ImportManifest.Entry entry = versioned(e.getKey());
            if (entry != null) {
                if (entry.checksum() != null && row.checksum() != null && !entry.checksum().equals(row.checksum().toString())) {
                    throw new MigrationException(Hints.append("Flyway's history row " + row.name() + " has checksum "
                            + row.checksum() + ", but " + entry.script() + " had checksum " + entry.checksum()
                            + " when it was imported: the file was edited after Flyway applied it",
                            "restore the file as Flyway applied it and import again; or, if the edit is"
                                    + " intended, run 'flyway repair' first so that Flyway's row agrees"));
                }
                ids.add(entry.id());
            } else if (coveringBaseline(e.getKey()) == null) {
                throw unknown(row);
            }
        }
        for (ImportManifest.Entry entry : manifest.revisions()) {
            if ("SQL_BASELINE".equals(entry.type())) {
                FlywayVersion own = FlywayVersion.parse(entry.version());
                boolean direct = applied.keySet().stream().anyMatch(v -> v.sameAs(own));
                List<String> missing = entry.covers().stream()
                        .filter(v -> applied.keySet().stream().noneMatch(a -> a.sameAs(FlywayVersion.parse(v))))
                        .toList();
                boolean any = entry.covers().stream()
                        .anyMatch(v -> applied.keySet().stream().anyMatch(a -> a.sameAs(FlywayVersion.parse(v))));
                if (direct || (any && missing.isEmpty())) {
                    ids.add(entry.id());
                } else if (any) {
                    throw new MigrationException(Hints.append("Flyway applied only part of what baseline " + entry.script()
                            + " stands for (versions " + missing + " are not applied), so no revision of the"
                            + " changelog describes this database", "let Flyway migrate it to version " + entry.version()
                            + " or beyond, then adopt"));
                }
            } else if (entry.version() != null && baselineMark != null
                    && FlywayVersion.parse(entry.version()).compareTo(baselineMark) <= 0) {
                ids.add(entry.id());
            }
        }
        for (Row row : repeatables.values()) {
            ImportManifest.Entry entry = manifest.revisions().stream()
                    .filter(r -> r.version() == null && row.description().equals(r.description()))
                    .findFirst().orElseThrow(() -> unknown(row));
            if (entry.checksum() != null && row.checksum() != null && entry.checksum().equals(row.checksum().toString())) {
                ids.add(entry.id());
            } else {
                pending.add(entry.id());
            }
        }
        List<String> ordered = manifest.revisions().stream().map(ImportManifest.Entry::id).filter(ids::contains).toList();
        return new Adopted(ordered, pending, rows.size());
    }

    private ImportManifest.Entry versioned(FlywayVersion version) {
        for (ImportManifest.Entry entry : manifest.revisions()) {
            if ("SQL".equals(entry.type()) && entry.version() != null
                    && FlywayVersion.parse(entry.version()).sameAs(version)) {
                return entry;
            }
        }
        return null;
    }

    private ImportManifest.Entry coveringBaseline(FlywayVersion version) {
        for (ImportManifest.Entry entry : manifest.revisions()) {
            if ("SQL_BASELINE".equals(entry.type())
                    && (FlywayVersion.parse(entry.version()).sameAs(version)
                            || entry.covers().stream().anyMatch(v -> FlywayVersion.parse(v).sameAs(version)))) {
                return entry;
            }
        }
        return null;
    }

    private MigrationException unknown(Row row) {
        return new MigrationException(Hints.append("Flyway's history row " + row.name() + " names a migration"
                + " that the changelog does not have", "import again from the Flyway project this database was"
                + " migrated from (with that migration in it); a Java migration has to be rewritten in SQL first"));
    }
}
