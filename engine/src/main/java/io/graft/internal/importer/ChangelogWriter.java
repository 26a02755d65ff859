package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.migrate.TransactionRules;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes imported revisions as a format-1 changelog: the SQL files copied below {@code sql/}
 * (or, with {@code inPlace}, named where they are), the changelog itself, and the manifest
 * adoption reads ({@link ImportManifest}). The changelog is loaded back before the import
 * reports success, so what it writes is a changelog Graft accepts.
 */
final class ChangelogWriter {

    private final ImportRequest request;
    private final ImportTool tool;
    private final Path source;
    private final Path changelog;
    private final Path base;
    private final Set<String> used = new HashSet<>();
    /** Where each file went: a file that serves several dialects of a revision is written once. */
    private final java.util.Map<ImportedRevision.Sql, String> placed = new java.util.HashMap<>();
    private int copied;

    ChangelogWriter(ImportRequest request, ImportTool tool, Path source) {
        this.request = request;
        this.tool = tool;
        this.source = source;
        this.changelog = request.changelog().toAbsolutePath().normalize();
        this.base = changelog.getParent();
    }

    ImportResult write(Imported imported, List<Problem> notes) {
        String tool = this.tool.name();
        if (Files.exists(changelog)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.changelog().toString()),
                    "the changelog exists already; import writes a new one", "choose another --out, or delete it"));
        }
        if (request.inPlace() && !source.startsWith(base)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.changelog().toString()),
                    "--in-place needs the changelog in " + source + " or a folder above it (a changelog names files"
                            + " inside its own folder only)", "write it there with --out, or import without --in-place"));
        }
        List<ImportedRevision> revisions = withTransactionModes(imported.revisions(), notes);
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Imported from ").append(tool).append(" project ").append(source)
                .append(" by 'graft import ").append(tool).append("'.\n");
        yaml.append("# ").append(ImportManifest.fileName(tool))
                .append(" maps the revisions to its history for 'graft adopt --from ").append(tool).append("'.\n");
        yaml.append("changelog: 1\n");
        if (request.dialect() != null) {
            yaml.append("dialects: [").append(request.dialect().key()).append("]\n");
        }
        yaml.append("revisions:").append(revisions.isEmpty() ? " []\n" : "\n");
        List<ImportManifest.Entry> entries = new ArrayList<>();
        try {
            for (ImportedRevision r : revisions) {
                yaml.append("  - id: ").append(name(r.id())).append('\n');
                yaml.append("    parents: [").append(names(r.parents())).append("]\n");
                if (r.description() != null) {
                    yaml.append("    description: ").append(quoted(r.description())).append('\n');
                }
                if (!r.labels().isEmpty()) {
                    yaml.append("    labels: [").append(names(r.labels())).append("]\n");
                }
                if (!r.dependsOn().isEmpty()) {
                    yaml.append("    depends_on: [").append(names(r.dependsOn())).append("]\n");
                }
                if (r.repeatable()) {
                    yaml.append("    repeatable: true\n");
                }
                files(yaml, "up", r.up());
                files(yaml, "down", r.down());
                if (!r.transactional()) {
                    yaml.append("    transaction: false\n");
                }
                ImportedRevision.Identity i = r.identity();
                List<String> requires = new ArrayList<>(r.parents());
                requires.addAll(r.dependsOn());
                entries.add(new ImportManifest.Entry(r.id(), i.type(), i.version(), i.description(), i.script(),
                        i.checksum(), i.covers(), requires, i.extra()));
            }
            for (Map.Entry<String, Path> e : imported.companions().entrySet()) {
                place(new ImportedRevision.Sql(e.getValue(), e.getKey(), Files.readString(e.getValue()), false));
            }
            Files.createDirectories(base);
            Files.writeString(changelog, yaml.toString(), StandardCharsets.UTF_8);
            Path manifest = base.resolve(ImportManifest.fileName(tool));
            new ImportManifest(tool, imported.historySchema(), imported.historyTable(), entries).write(manifest);
            ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow();
            int repeatable = (int) revisions.stream().filter(ImportedRevision::repeatable).count();
            return new ImportResult(request.changelog(), manifest, revisions.size(), repeatable, copied, notes);
        } catch (IOException e) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.changelog().toString()),
                    "cannot write the imported changelog: " + e.getMessage(),
                    "check that its folder can be written, then import again"));
        }
    }

    /** {@code up: path}, or {@code up:} with one path per dialect; nothing for an empty map. */
    private void files(StringBuilder yaml, String key, Map<String, ImportedRevision.Sql> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        ImportedRevision.Sql any = files.get(ImportedRevision.ANY);
        if (any != null && files.size() == 1) {
            yaml.append("    ").append(key).append(": ").append(quoted(place(any))).append('\n');
            return;
        }
        yaml.append("    ").append(key).append(":\n");
        for (Map.Entry<String, ImportedRevision.Sql> e : files.entrySet()) {
            yaml.append("      ").append(e.getKey()).append(": ").append(quoted(place(e.getValue()))).append('\n');
        }
    }

    /**
     * With a dialect, a script whose statements cannot run in a transaction there runs outside one,
     * as Flyway decides by itself for such a script.
     */
    private List<ImportedRevision> withTransactionModes(List<ImportedRevision> revisions, List<Problem> notes) {
        if (request.dialect() == null || !tool.detectsNonTransactional()) {
            return revisions;
        }
        Dialect dialect = Dialects.of(request.dialect());
        List<ImportedRevision> out = new ArrayList<>();
        for (ImportedRevision r : revisions) {
            if (r.transactional() && cannotRunInTransaction(r, dialect)) {
                notes.add(Problem.at(SourceSpan.file(r.up().values().iterator().next().original().toString()),
                        "runs outside a transaction ('transaction: false'): a statement in it cannot run inside one on "
                        + request.dialect().key() + ", and " + tool.title() + " runs such a script without one too",
                        null));
                r = r.withTransactional(false);
            }
            out.add(r);
        }
        return out;
    }

    private boolean cannotRunInTransaction(ImportedRevision r, Dialect dialect) {
        ImportedRevision.Sql up = r.up().getOrDefault(request.dialect().key(), r.up().get(ImportedRevision.ANY));
        if (up == null) {
            return false;
        }
        try {
            for (SqlStatement s : SqlSplitter.split(up.text(), up.name(), dialect.splitOptions())) {
                if (TransactionRules.check(dialect, s, 0).stream()
                        .anyMatch(v -> v.kind() == TransactionRules.Kind.NON_TRANSACTIONAL)) {
                    return true;
                }
            }
        } catch (ChangelogException e) {
            // a script the splitter refuses is reported when the changelog is loaded or run
        }
        return false;
    }

    /** The path the changelog names for {@code sql}: the original, or a copy below {@code sql/}. */
    private String place(ImportedRevision.Sql sql) throws IOException {
        String done = placed.get(sql);
        if (done != null) {
            return done;
        }
        String name = placeOnce(sql);
        placed.put(sql, name);
        return name;
    }

    private String placeOnce(ImportedRevision.Sql sql) throws IOException {
        Path original = sql.original().toAbsolutePath().normalize();
        if (request.inPlace() && !sql.changed() && original.startsWith(base)) {
            return base.relativize(original).toString().replace('\\', '/');
        }
        // beside the originals (--in-place), copies get a folder of their own, so that the other tool,
        // scanning its folders, never finds them; an existing file is never overwritten
        String folder = request.inPlace() ? "graft-sql/" : "sql/";
        String name = folder + sql.name();
        for (int n = 2; Files.exists(base.resolve(name)) || !used.add(name); n++) {
            name = folder + n + "/" + sql.name();
        }
        Path target = base.resolve(name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, sql.text(), StandardCharsets.UTF_8);
        copied++;
        return name;
    }

    /**
     * An id or label as YAML text: quoted when it starts with a digit or a dot, which YAML could
     * read as a number ({@code 002}, {@code 1_000}, {@code 1.5}) instead of text.
     */
    static String name(String id) {
        return !id.isEmpty() && (Character.isDigit(id.charAt(0)) || id.charAt(0) == '.') ? quoted(id) : id;
    }

    private static String names(List<String> ids) {
        return String.join(", ", ids.stream().map(ChangelogWriter::name).toList());
    }

    /** A YAML double-quoted scalar (JSON string syntax, which YAML reads as such). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
