package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Liquibase: {@link LiquibaseProject} reads the changelogs, this class turns their changesets
 * into revisions, {@link LiquibaseAdoption} reads {@code DATABASECHANGELOG}.
 *
 * <p>The changesets form a line in the order Liquibase runs them (each one's parent is the one
 * before it). A {@code runOnChange} changeset becomes a repeatable revision (re-applied when its
 * SQL changes), hung below the ordinary revision before it; Graft applies repeatable revisions
 * after the ordinary ones of a run. {@code runInTransaction:false} becomes {@code transaction:
 * false}; the rollback becomes the down file. A changeset limited to some databases
 * ({@code dbms}) is, with {@code --dialect}, imported when it runs there and left out otherwise;
 * without it, it gets one up file per dialect, an empty one where Liquibase would skip it.
 */
final class LiquibaseTool implements ImportTool {

    private static final List<String> DIALECTS = List.of("postgresql", "sqlite", "mysql");

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    public String title() {
        return "Liquibase";
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds liquibase.properties or the master changelog (db.changelog-master.yaml,"
                + " .xml, .sql, changelog.xml, ...)";
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new LiquibaseAdoption(manifest);
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        LiquibaseProject project = new LiquibaseProject(dir, problems, notes);
        List<LiquibaseChangeSet> changeSets = new ArrayList<>();
        for (LiquibaseChangeSet cs : project.read()) {
            if ("true".equals(cs.extra().get("ignore"))) {
                project.note(cs.file(), cs.line(), "changeset " + cs.id() + " is not imported: it is marked ignore,"
                        + " and Liquibase skips it too");
            } else {
                changeSets.add(cs);
            }
        }
        Map<LiquibaseChangeSet, String> ids = ids(changeSets);
        List<ImportedRevision> revisions = new ArrayList<>();
        String last = null;
        DialectId only = request.dialect();
        for (LiquibaseChangeSet cs : changeSets) {
            String id = ids.get(cs);
            if (cs.runAlways()) {
                project.problem(cs.file(), cs.line(), "changeset " + cs.id() + " has runAlways: Graft has no revision"
                        + " that runs at every 'up'", "drop runAlways, or import with --skip-unsupported to make it a"
                        + " repeatable revision (applied again whenever its SQL changes)");
            }
            if (cs.extra().containsKey("context") || cs.extra().containsKey("labels")) {
                project.note(cs.file(), cs.line(), "changeset " + cs.id() + " has a context or labels: imported as if"
                        + " Liquibase ran without --contexts/--labels (it then runs every changeset)");
            }
            Map<String, ImportedRevision.Sql> up = new LinkedHashMap<>();
            Map<String, ImportedRevision.Sql> down = new LinkedHashMap<>();
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("id", cs.id());
            extra.put("author", cs.author());
            extra.put("filename", cs.filename());
            if (cs.runOnChange()) {
                extra.put("runOnChange", "true");
            }
            if (cs.runAlways()) {
                extra.put("runAlways", "true");
            }
            if (cs.dbms() != null) {
                extra.put("dbms", cs.dbms());
            }
            if (project.lockTable() != null) {
                extra.put("lockTable", project.lockTable());
            }
            extra.putAll(cs.extra());
            String checksum;
            if (only != null) {
                List<LiquibaseChangeSet.Change> changes = changes(cs, only.key());
                if (changes == null) {
                    project.note(cs.file(), cs.line(), "changeset " + cs.id() + " is not imported: its dbms ("
                            + cs.dbms() + ") leaves out " + only.key() + ", where Liquibase skips it too");
                    continue;
                }
                up.put(ImportedRevision.ANY, sql(cs, id, "", changes, false));
                if (cs.rollback() != null) {
                    down.put(ImportedRevision.ANY, sql(cs, id, ".down", rollback(cs, only.key()), true));
                }
                checksum = LiquibaseChecksum.of(changes.stream().map(LiquibaseChangeSet.Change::sql).toList());
            } else {
                Map<String, List<LiquibaseChangeSet.Change>> per = new LinkedHashMap<>();
                for (String d : DIALECTS) {
                    per.put(d, changes(cs, d));
                }
                boolean same = per.values().stream().distinct().count() == 1 && per.get("postgresql") != null;
                if (same) {
                    up.put(ImportedRevision.ANY, sql(cs, id, "", cs.changes(), false));
                    if (cs.rollback() != null) {
                        down.put(ImportedRevision.ANY, sql(cs, id, ".down", cs.rollback(), true));
                    }
                } else {
                    for (String d : DIALECTS) {
                        List<LiquibaseChangeSet.Change> changes = per.get(d);
                        up.put(d, changes == null ? skipped(cs, id + "." + d, d) : sql(cs, id + "." + d, "", changes, false));
                        if (cs.rollback() != null) {
                            down.put(d, changes == null ? skipped(cs, id + "." + d + ".down", d)
                                    : sql(cs, id + "." + d, ".down", rollback(cs, d), true));
                        }
                    }
                }
                boolean changeDbms = cs.changes().stream().anyMatch(c -> c.dbms() != null);
                if (changeDbms) {
                    // Liquibase leaves the changes for other databases out of the checksum: it depends on the database
                    checksum = null;
                    for (String d : DIALECTS) {
                        List<LiquibaseChangeSet.Change> changes = per.get(d);
                        if (changes != null) {
                            extra.put("md5sum." + d, LiquibaseChecksum.of(
                                    changes.stream().map(LiquibaseChangeSet.Change::sql).toList()));
                        }
                    }
                } else {
                    checksum = LiquibaseChecksum.of(cs.changes().stream().map(LiquibaseChangeSet.Change::sql).toList());
                }
            }
            boolean repeatable = cs.runOnChange() || cs.runAlways();
            List<String> parents = last == null ? List.of() : List.of(last);
            if (!repeatable) {
                last = id;
            }
            revisions.add(new ImportedRevision(id, parents, List.of(), List.of(), cs.comment(), up, down,
                    cs.runInTransaction(), repeatable, new ImportedRevision.Identity("changeset", null, cs.comment(),
                            cs.filename(), checksum, List.of(), extra)));
        }
        return new Imported(revisions, project.historySchema(), project.historyTable());
    }

    /** The changes of {@code cs} that Liquibase runs on {@code dialect}, or null when it skips the changeset there. */
    private static List<LiquibaseChangeSet.Change> changes(LiquibaseChangeSet cs, String dialect) {
        if (!runsOn(cs.dbms(), dialect)) {
            return null;
        }
        return cs.changes().stream().filter(c -> runsOn(c.dbms(), dialect)).toList();
    }

    private static List<LiquibaseChangeSet.Change> rollback(LiquibaseChangeSet cs, String dialect) {
        return cs.rollback().stream().filter(c -> runsOn(c.dbms(), dialect)).toList();
    }

    /**
     * Liquibase's {@code DatabaseList.definitionMatches}: {@code all}, {@code none}, names and
     * {@code !name}. Graft's {@code mysql} dialect stands for MySQL and MariaDB both.
     */
    static boolean runsOn(String dbms, String dialect) {
        if (dbms == null || dbms.isBlank()) {
            return true;
        }
        Set<String> names = dialect.equals("mysql") ? Set.of("mysql", "mariadb") : Set.of(dialect);
        Set<String> parts = new HashSet<>();
        for (String p : dbms.split(",")) {
            parts.add(p.trim().toLowerCase(Locale.ROOT));
        }
        if (parts.contains("all")) {
            return true;
        }
        if (parts.contains("none")) {
            return false;
        }
        boolean positive = false;
        for (String p : parts) {
            if (p.startsWith("!")) {
                if (names.contains(p.substring(1))) {
                    return false;
                }
            } else if (!p.isEmpty()) {
                positive = true;
                if (names.contains(p)) {
                    return true;
                }
            }
        }
        return !positive;
    }

    /** One SQL file for {@code changes}: the sqlFile itself when it is the only one, else their text joined. */
    private static ImportedRevision.Sql sql(LiquibaseChangeSet cs, String id, String suffix,
            List<LiquibaseChangeSet.Change> changes, boolean down) {
        if (changes.size() == 1 && changes.get(0).file() != null && !down) {
            LiquibaseChangeSet.Change c = changes.get(0);
            return new ImportedRevision.Sql(c.file(), c.file().getFileName().toString(), c.sql(), false);
        }
        StringBuilder text = new StringBuilder();
        for (LiquibaseChangeSet.Change c : changes) {
            String sql = c.sql().strip();
            if (sql.isEmpty()) {
                continue;
            }
            text.append(sql);
            text.append(sql.endsWith(";") ? "\n" : "\n;\n");
        }
        if (changes.size() == 1 && !changes.get(0).sql().isBlank()) {
            text.setLength(0);
            text.append(changes.get(0).sql().strip()).append('\n');
        }
        return new ImportedRevision.Sql(cs.file(), id + suffix + ".sql", text.toString(), true);
    }

    private static ImportedRevision.Sql skipped(LiquibaseChangeSet cs, String name, String dialect) {
        return new ImportedRevision.Sql(cs.file(), name + ".sql", "-- Liquibase skips changeset " + cs.key()
                + " on " + dialect + " (dbms: " + cs.dbms() + ")\n", true);
    }

    /**
     * Revision ids from changeset ids: the id with every character outside {@code [A-Za-z0-9_.]}
     * made {@code _}; where two changesets would share one, the changelog file's name (without
     * extension) goes before it, then the author after it, then a number.
     */
    static Map<LiquibaseChangeSet, String> ids(List<LiquibaseChangeSet> changeSets) {
        Map<String, Integer> count = new HashMap<>();
        for (LiquibaseChangeSet cs : changeSets) {
            count.merge(clean(cs.id()), 1, Integer::sum);
        }
        Map<String, Integer> withFile = new HashMap<>();
        for (LiquibaseChangeSet cs : changeSets) {
            if (count.get(clean(cs.id())) > 1) {
                withFile.merge(fileStem(cs) + "." + clean(cs.id()), 1, Integer::sum);
            }
        }
        Map<LiquibaseChangeSet, String> out = new java.util.IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (LiquibaseChangeSet cs : changeSets) {
            String id = clean(cs.id());
            if (count.get(id) > 1) {
                id = fileStem(cs) + "." + id;
                if (withFile.get(id) > 1) {
                    id = id + "_" + clean(cs.author());
                }
            }
            String base = id;
            for (int n = 2; !used.add(id); n++) {
                id = base + "_" + n;
            }
            out.put(cs, id);
        }
        return out;
    }

    private static String fileStem(LiquibaseChangeSet cs) {
        String name = cs.filename().substring(cs.filename().lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return clean(dot > 0 ? name.substring(0, dot) : name);
    }

    static String clean(String text) {
        String id = Objects.requireNonNullElse(text, "").replaceAll("[^A-Za-z0-9_.]", "_");
        if (id.isEmpty()) {
            id = "changeset";
        }
        return id.length() > 100 ? id.substring(0, 100) : id;
    }
}
