package io.graft.internal.verify;

import io.graft.ChangelogException;
import io.graft.DatabaseUrlException;
import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.Problem;
import io.graft.SquashRequest;
import io.graft.SquashResult;
import io.graft.Target;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.internal.authoring.ChangelogEditor;
import io.graft.internal.authoring.ChangelogEditor.Rename;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.internal.dialect.DatabaseUrls;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.graph.TargetResolver;
import io.graft.internal.schema.Change;
import io.graft.internal.schema.DiffScript;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaDiff;
import io.graft.internal.schema.SchemaReader;
import io.graft.internal.schema.ScratchDatabase;
import io.graft.internal.sql.Classification;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementClassifier;
import io.graft.internal.sql.StatementInspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code graft squash --through REV}: REV and every revision it needs become one revision whose
 * up file is the schema at REV, written from the schema model in dependency order, and whose
 * {@code replaces:} lists the old ids. The SQL is proven before anything is written: on a fresh
 * scratch database the new up file must give exactly the schema the old revisions give, and its
 * down file an empty schema. The changelog is edited in place (comments kept), and loaded again
 * after the edit; if that fails, the original is restored.
 */
public final class Squasher {

    private final LoadedChangelog loaded;
    private final SquashRequest request;

    private Squasher(LoadedChangelog loaded, SquashRequest request) {
        this.loaded = loaded;
        this.request = request;
    }

    public static SquashResult run(SquashRequest request) {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(request.changelog(), FileChecks.FULL).orThrow();
        return new Squasher(loaded, request).squash();
    }

    private SquashResult squash() {
        RevisionGraph graph = loaded.graph();
        Changelog changelog = loaded.changelog();
        Revision through = new TargetResolver(graph).resolveOne(Target.parse(request.through()), Set.of());
        Set<String> squashed = needs(graph, through);
        if (squashed.size() < 2) {
            throw new ChangelogException(Problem.at(through.spanOf("id"), "cannot squash through '" + through.id()
                    + "': it needs no other revision, so there is nothing to squash",
                    "name a later revision with --through"));
        }
        String newId = request.id() != null ? request.id() : through.id() + "_squashed";
        if (!Revision.ID_PATTERN.matcher(newId).matches()) {
            throw refused("'" + newId + "' is not a revision id", "ids use letters, digits, '_' and '.'");
        }
        List<Revision> order = graph.topologicalOrder().stream().filter(r -> squashed.contains(r.id())).toList();
        Set<String> replaced = new LinkedHashSet<>();
        for (Revision r : order) {
            replaced.addAll(r.replaces());
            replaced.add(r.id());
        }
        if (replaced.contains(newId) || (graph.contains(newId) && !squashed.contains(newId))) {
            throw refused("the new revision's id '" + newId + "' is taken", "choose another with --id");
        }
        List<Rename> renames = renames(changelog, squashed, through, newId);
        Map<DialectId, String> devUrls = devUrls(changelog);

        Map<DialectId, String> up = new LinkedHashMap<>();
        Map<DialectId, String> down = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<DialectId, String> target : devUrls.entrySet()) {
            DialectId dialect = target.getKey();
            Schema schema;
            try (Scratch db = Scratch.open(loaded, dialect, target.getValue())) {
                db.apply(order);
                schema = db.read();
            }
            Schema empty = Schema.empty(dialect, schema.name());
            List<Change> create = SchemaDiff.compare(empty, schema);
            List<String> unsupported = create.stream().filter(c -> c.kind() == Change.Kind.UNSUPPORTED)
                    .map(c -> c.subject() + (c.note() == null ? "" : " (" + c.note() + ")")).toList();
            if (!unsupported.isEmpty()) {
                throw refused("the schema at '" + through.id() + "' on " + dialect.key() + " holds objects the"
                        + " schema model cannot write as SQL, so a squash would lose them: "
                        + String.join(", ", unsupported), "keep these revisions as they are, or squash through an"
                        + " earlier revision");
            }
            String header = "-- " + newId + ": the schema at '" + through.id() + "' (" + order.size()
                    + " revisions squashed by graft squash), written from the schema model of " + dialect.key()
                    + ".\n-- It replaces " + String.join(", ", replaced) + ".\n\n";
            String upSql = header + DiffScript.render(dialect, create);
            String downSql = "-- " + newId + ": drops everything the up file creates.\n\n"
                    + DiffScript.render(dialect, SchemaDiff.compare(schema, empty));
            prove(dialect, target.getValue(), schema, upSql, downSql);
            up.put(dialect, upSql);
            down.put(dialect, downSql);
            notes.addAll(dataStatements(order, dialect, newId));
        }
        List<String> unused = order.stream()
                .flatMap(r -> Stream.of(r.up(), r.down(), r.test()))
                .filter(java.util.Objects::nonNull)
                .flatMap(ref -> ref.common() != null ? Stream.of(ref.common()) : ref.perDialect().values().stream())
                .distinct().toList();
        boolean perDialect = !changelog.dialects().isEmpty() && devUrls.size() > 1;
        String folder = sqlFolder(through);
        Map<DialectId, String> upFiles = files(folder, newId, "up", up.keySet(), perDialect);
        Map<DialectId, String> downFiles = files(folder, newId, "down", down.keySet(), perDialect);
        List<String> labels = order.stream().flatMap(r -> r.labels().stream()).distinct().toList();
        String entry = entry(newId, through, order.size(), labels, upFiles, downFiles, perDialect,
                List.copyOf(replaced));
        if (!request.dryRun()) {
            write(changelog, order, squashed, entry, renames, upFiles, up, downFiles, down);
        }
        return new SquashResult(newId, List.copyOf(replaced), keyed(upFiles, perDialect), keyed(downFiles, perDialect),
                notes, unused, !request.dryRun());
    }

    /** {@code through} and everything it needs: parents and {@code depends_on}, transitively. */
    private static Set<String> needs(RevisionGraph graph, Revision through) {
        Set<String> out = new LinkedHashSet<>();
        Deque<Revision> todo = new ArrayDeque<>(List.of(through));
        while (!todo.isEmpty()) {
            Revision r = todo.pop();
            if (out.add(r.id())) {
                Stream.concat(r.parents().stream(), r.dependsOn().stream()).map(graph::get).forEach(todo::push);
            }
        }
        return out;
    }

    /**
     * Where later revisions name {@code through}: rewritten to the new id. A later revision that
     * follows another squashed one (a branch that leaves the line before {@code through}) is
     * refused; a repeatable one is only ordered after it, so it follows the new revision.
     */
    private static List<Rename> renames(Changelog changelog, Set<String> squashed, Revision through, String newId) {
        List<Rename> renames = new ArrayList<>();
        List<Problem> leaving = new ArrayList<>();
        for (Revision r : changelog.revisions()) {
            if (squashed.contains(r.id())) {
                continue;
            }
            for (String key : List.of("parents", "depends_on")) {
                List<String> ids = key.equals("parents") ? r.parents() : r.dependsOn();
                for (int j = 0; j < ids.size(); j++) {
                    String id = ids.get(j);
                    if (!squashed.contains(id)) {
                        continue;
                    }
                    if (id.equals(through.id()) || r.repeatable()) {
                        renames.add(new Rename(r.spanOf(key + "[" + j + "]"), id, newId));
                    } else {
                        leaving.add(Problem.at(r.spanOf(key + "[" + j + "]"), "cannot squash through '" + through.id()
                                + "': '" + r.id() + "' follows '" + id + "', which the squash would remove, so '"
                                + through.id() + "' is not the only way out of the squashed revisions",
                                "squash through a revision that every later one follows (a merge of those branches,"
                                        + " say), or squash a shorter line"));
                    }
                }
            }
        }
        if (!leaving.isEmpty()) {
            throw new ChangelogException(leaving);
        }
        return renames;
    }

    /** The dialects to write SQL for, each with its dev URL (null for SQLite's temporary file). */
    private Map<DialectId, String> devUrls(Changelog changelog) {
        Map<DialectId, String> byDialect = new LinkedHashMap<>();
        for (String url : request.devUrls()) {
            byDialect.put(DatabaseUrls.parse(url).dialect(), url);
        }
        List<DialectId> dialects = new ArrayList<>(changelog.dialects());
        if (dialects.isEmpty()) {
            dialects.add(request.dialect() != null ? request.dialect()
                    : byDialect.isEmpty() ? DialectId.SQLITE : byDialect.keySet().iterator().next());
        }
        Map<DialectId, String> out = new LinkedHashMap<>();
        for (DialectId d : dialects) {
            String url = byDialect.get(d);
            if (url == null && d != DialectId.SQLITE) {
                throw new DatabaseUrlException(Hints.append("squash writes SQL for " + d.key() + " and needs a"
                        + " scratch database there", "pass --dev-url with a " + d.key() + " server on which Graft may"
                        + " create and drop a database"), List.of());
            }
            out.put(d, url);
        }
        return out;
    }

    /**
     * The new files on a fresh scratch database: up must give {@code schema} exactly, down an
     * empty schema. Anything else is a fault of the schema model, and nothing is written.
     */
    private static void prove(DialectId dialect, String devUrl, Schema schema, String upSql, String downSql) {
        try (ScratchDatabase db = ScratchDatabase.create(dialect, devUrl); Connection c = db.connect()) {
            SchemaReader reader = SchemaReader.of(dialect);
            run(c, upSql, dialect, "up");
            List<Change> afterUp = SchemaDiff.compare(schema, reader.read(c, null).withName(schema.name()));
            if (!afterUp.isEmpty()) {
                throw refused("the squashed up file does not rebuild the schema on " + dialect.key() + ": "
                        + afterUp.stream().map(SchemaObjects::difference).collect(Collectors.joining("; ")),
                        "nothing was written; report this as a bug with the schema");
            }
            run(c, downSql, dialect, "down");
            List<Change> afterDown = SchemaDiff.compare(Schema.empty(dialect, schema.name()),
                    reader.read(c, null).withName(schema.name()));
            if (!afterDown.isEmpty()) {
                throw refused("the squashed down file leaves objects behind on " + dialect.key() + ": "
                        + afterDown.stream().map(SchemaObjects::difference).collect(Collectors.joining("; ")),
                        "nothing was written; report this as a bug with the schema");
            }
        } catch (SQLException e) {
            throw new MigrationException("the squashed SQL could not be proven on a scratch " + dialect.key()
                    + " database: " + e.getMessage(), null, e.getSQLState(), e);
        }
    }

    private static void run(Connection c, String sql, DialectId dialect, String which) throws SQLException {
        for (SqlStatement s : SqlSplitter.split(sql, "squashed " + which, Dialects.of(dialect).splitOptions())) {
            try (Statement st = c.createStatement()) {
                st.execute(s.sql());
            } catch (SQLException e) {
                throw new SQLException(s.span() + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }

    /** The statements of the squashed revisions that change data: a squash carries the schema only. */
    private List<String> dataStatements(List<Revision> order, DialectId dialect, String newId) {
        List<String> notes = new ArrayList<>();
        for (Revision r : order) {
            String relative = r.up().pathFor(dialect).orElse(null);
            if (relative == null) {
                continue;
            }
            List<SqlStatement> statements;
            try {
                statements = SqlSplitter.split(loaded.sources().of(relative).text(),
                        loaded.changelog().file().resolveSibling(relative).toString(),
                        Dialects.of(dialect).splitOptions());
            } catch (IOException e) {
                continue;
            }
            for (SqlStatement s : statements) {
                Classification c = StatementClassifier.classify(s.sql(), Dialects.of(dialect).splitOptions());
                String first = StatementInspector.firstLine(s.sql());
                if (c.kind() == Classification.Kind.DML && !first.regionMatches(true, 0, "SELECT", 0, 6)) {
                    notes.add(s.span() + ": revision '" + r.id() + "' changes data (" + first + "): the squashed"
                            + " revision carries the schema only; copy what new databases still need into "
                            + newId + "'s up file");
                }
            }
        }
        return notes;
    }

    private static String sqlFolder(Revision through) {
        SqlRef up = through.up();
        String path = up.common() != null ? up.common() : up.perDialect().values().iterator().next();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static Map<DialectId, String> files(String folder, String id, String which, Set<DialectId> dialects,
            boolean perDialect) {
        Map<DialectId, String> out = new LinkedHashMap<>();
        for (DialectId d : dialects) {
            out.put(d, folder + id + (perDialect ? "." + d.key() : "") + "." + which + ".sql");
        }
        return out;
    }

    private static Map<DialectId, String> keyed(Map<DialectId, String> files, boolean perDialect) {
        if (perDialect) {
            return files;
        }
        Map<DialectId, String> one = new LinkedHashMap<>();
        one.put(null, files.values().iterator().next());
        return one;
    }

    private static String entry(String id, Revision through, int count, List<String> labels,
            Map<DialectId, String> up, Map<DialectId, String> down, boolean perDialect, List<String> replaced) {
        StringBuilder e = new StringBuilder();
        e.append("- id: ").append(id).append('\n');
        e.append("  parents: []\n");
        e.append("  description: \"Squash of ").append(count).append(" revisions through ").append(through.id())
                .append("\"\n");
        if (!labels.isEmpty()) {
            e.append("  labels: [").append(String.join(", ", labels)).append("]\n");
        }
        files(e, "up", up, perDialect);
        files(e, "down", down, perDialect);
        e.append("  replaces: [").append(String.join(", ", replaced)).append("]");
        return e.toString();
    }

    private static void files(StringBuilder e, String key, Map<DialectId, String> files, boolean perDialect) {
        if (!perDialect) {
            e.append("  ").append(key).append(": ").append(files.values().iterator().next()).append('\n');
            return;
        }
        e.append("  ").append(key).append(":\n");
        files.forEach((d, f) -> e.append("    ").append(d.key()).append(": ").append(f).append('\n'));
    }

    /**
     * Writes the SQL files, then the changelog (through a temporary file moved into place); loads
     * the result, and restores the original and removes the new files if it does not load.
     */
    private void write(Changelog changelog, List<Revision> order, Set<String> squashed, String entry,
            List<Rename> renames, Map<DialectId, String> upFiles, Map<DialectId, String> up,
            Map<DialectId, String> downFiles, Map<DialectId, String> down) {
        Path file = changelog.file();
        Path folder = file.toAbsolutePath().getParent();
        List<Path> created = new ArrayList<>();
        String original;
        try {
            original = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChangelogException(Problem.at(io.graft.SourceSpan.file(file.toString()),
                    "cannot read the changelog: " + e.getMessage()));
        }
        List<Revision> inFileOrder = changelog.revisions();
        String edited = ChangelogEditor.squash(original, inFileOrder, squashed, entry, renames);
        try {
            for (DialectId d : upFiles.keySet()) {
                created.add(create(folder.resolve(upFiles.get(d)), up.get(d)));
                created.add(create(folder.resolve(downFiles.get(d)), down.get(d)));
            }
            Path temp = Files.createTempFile(folder, ".graft-squash-", ".yaml");
            Files.writeString(temp, edited, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            undo(file, original, created);
            throw new MigrationException("cannot write the squashed revision: " + e.getMessage(), null, null, e);
        }
        try {
            ChangelogLoader.loadGraph(file, FileChecks.FULL).orThrow();
        } catch (ChangelogException e) {
            undo(file, original, created);
            throw new MigrationException("the squashed changelog did not load, so the original was restored: "
                    + e.getMessage(), null, null, e);
        }
    }

    private static Path create(Path path, String text) throws IOException {
        if (Files.exists(path)) {
            throw new IOException(path + " exists already");
        }
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }

    private static void undo(Path file, String original, List<Path> created) {
        try {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            for (Path p : created) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // the original text is in the exception's caller's hands; nothing more can be done here
        }
    }

    private static MigrationException refused(String message, String hint) {
        return new MigrationException(Hints.append("cannot squash: " + message, hint));
    }
}
