package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Reads Sqitch's registry (never writes it) and says which revisions of an imported changelog
 * Sqitch has deployed: the rows of its {@code changes} table for the project, which hold exactly
 * the changes deployed now (Sqitch deletes a row when it reverts the change, and takes back a
 * failed deploy itself). Where the registry is, is the registry setting of {@code sqitch.conf}
 * ({@code sqitch} by default), which the manifest records:
 * <ul>
 *   <li>PostgreSQL: the schema {@code sqitch} of the database {@code --url} names;</li>
 *   <li>MySQL/MariaDB: the database {@code sqitch} on the server {@code --url} names;</li>
 *   <li>SQLite: the file {@code sqitch.db} beside the database file {@code --url} names, as Sqitch
 *       derives it ({@code test.db} beside it: {@code sqitch.db}; a registry with a dot in it, e.g.
 *       {@code registry.sqlite}, is the file name; an absolute path is used as is). It is opened
 *       read-only.</li>
 * </ul>
 * Each row maps to the revision whose Sqitch id ({@code change_id}, computed from the plan on
 * import) it carries. It refuses, naming the change, a row that no revision carries (a change the
 * changelog lacks, or one whose plan line differs from the one deployed), a deploy script edited
 * after Sqitch deployed it (its SHA-1 differs from the registry's {@code script_hash}), and a
 * deployed set that is not the start of the plan.
 */
public final class SqitchAdoption implements HistoryAdoption {

    /** One row of {@code changes}. */
    record Row(String changeId, String scriptHash, String change, String committedAt) {

        String name() {
            return "change '" + change + "' (change_id " + changeId + ", deployed " + committedAt + ")";
        }
    }

    private final ImportManifest manifest;
    private final String registry;
    private final String project;

    public SqitchAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.registry = manifest.schema() == null || manifest.schema().isBlank() ? "sqitch" : manifest.schema();
        this.project = manifest.revisions().stream().map(e -> e.extra().get("project")).filter(p -> p != null)
                .findFirst().orElse(null);
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        return map(read(c, dialect));
    }

    private List<Row> read(Connection c, Dialect dialect) throws SQLException {
        if (dialect.id() == DialectId.SQLITE) {
            Path file = registryFile(c);
            if (!Files.isRegularFile(file)) {
                throw new MigrationException(Hints.append("Sqitch's registry " + file + " does not exist: Sqitch keeps"
                        + " it beside the database it deploys (registry '" + registry + "')", "point --url at the"
                        + " database Sqitch deployed; if its registry is elsewhere, set 'registry' in sqitch.conf"
                        + " ([engine \"sqlite\"]) to its path and import again"));
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try (Connection r = config.createConnection("jdbc:sqlite:" + file)) {
                return query(r, dialect, null, file.toString());
            }
        }
        return query(c, dialect, registry, registry);
    }

    private List<Row> query(Connection c, Dialect dialect, String schema, String where) throws SQLException {
        String table = (schema == null ? "" : dialect.quote(schema) + ".") + dialect.quote("changes");
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT change_id, script_hash, " + dialect.quote("change")
                + ", committed_at FROM " + table + " WHERE project = ? ORDER BY committed_at, change_id")) {
            ps.setString(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read Sqitch's registry (" + where + ", table changes): "
                    + e.getMessage(), "point --url at the database Sqitch deployed; if Sqitch kept its registry"
                    + " elsewhere, set 'registry' in sqitch.conf and import again"), null, e.getSQLState(), e);
        }
        return rows;
    }

    /** The registry file, derived from the SQLite database's own file as Sqitch derives it. */
    private Path registryFile(Connection c) throws SQLException {
        String main = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if ("main".equals(rs.getString("name"))) {
                    main = rs.getString("file");
                }
            }
        }
        if (main == null || main.isEmpty()) {
            throw new MigrationException(Hints.append("the SQLite database has no file, so Sqitch's registry beside it"
                    + " cannot be found", "point --url at the database file Sqitch deployed"));
        }
        return registryFile(Path.of(main), registry);
    }

    /** Sqitch's {@code registry_uri} for SQLite: {@code registry} beside {@code target}. */
    static Path registryFile(Path target, String registry) {
        Path reg = Path.of(registry);
        if (reg.isAbsolute()) {
            return reg;
        }
        String base = target.getFileName().toString();
        String name;
        if (registry.contains(".") || !base.contains(".")) {
            name = registry;
        } else {
            name = registry + base.substring(base.indexOf('.'));
        }
        Path parent = target.getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    Adopted map(List<Row> rows) {
        Map<String, ImportManifest.Entry> byId = new HashMap<>();
        for (ImportManifest.Entry e : manifest.revisions()) {
            String id = e.extra().getOrDefault("change_id", e.version());
            if (id != null) {
                byId.put(id, e);
            }
        }
        Set<String> ids = new HashSet<>();
        for (Row row : rows) {
            ImportManifest.Entry entry = byId.get(row.changeId());
            if (entry == null) {
                boolean sameName = manifest.revisions().stream().anyMatch(e -> row.change().equals(e.description()));
                throw new MigrationException(Hints.append("Sqitch's registry row for " + row.name() + " names a change"
                        + " that the changelog does not have", sameName
                        ? "the plan line of '" + row.change() + "' (or of a change before it) differs from the one"
                                + " Sqitch deployed: a change's id covers its name, planner, date, note, dependencies"
                                + " and the change before it; import again from the plan as it was deployed"
                        : "import again from the Sqitch project this database was deployed from (with that change in"
                                + " its plan)"));
            }
            String hash = row.scriptHash();
            if (hash != null && !hash.equals(row.changeId()) && entry.checksum() != null
                    && !hash.equalsIgnoreCase(entry.checksum())) {
                throw new MigrationException(Hints.append("Sqitch's registry row for " + row.name() + " has script_hash "
                        + hash + ", but " + entry.script() + " had SHA-1 " + entry.checksum() + " when it was imported:"
                        + " the deploy script was edited after Sqitch deployed it", "restore the script as Sqitch"
                        + " deployed it and import again; an intended change belongs in a new change (or"
                        + " 'sqitch rework'), not in a deployed script"));
            }
            ids.add(entry.id());
        }
        List<String> ordered = new ArrayList<>();
        String gap = null;
        for (ImportManifest.Entry e : manifest.revisions()) {
            if (ids.contains(e.id())) {
                if (gap != null) {
                    throw new MigrationException(Hints.append("Sqitch's registry has change '" + e.description()
                            + "' deployed but not '" + gap + "', which comes before it in the plan, so no"
                            + " revision of the changelog describes this database", "deploy or revert with Sqitch until"
                            + " the deployed changes are the start of the plan ('sqitch status'), then adopt"));
                }
                ordered.add(e.id());
            } else if (gap == null) {
                gap = e.description();
            }
        }
        return new Adopted(ordered, List.of(), rows.size());
    }
}
