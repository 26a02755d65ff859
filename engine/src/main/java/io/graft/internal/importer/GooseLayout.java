package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a goose project (pressly/goose v3): the files {@code <version>_<name>.sql} directly in
 * the folder, ordered by version as a number (sequential {@code 00001} and timestamp versions
 * mix), each a revision whose parent is the one before. A file holds a {@code -- +goose Up}
 * section and optionally a {@code -- +goose Down} section, parsed with goose's own rules (its
 * state machine, annotations in any case, every refusal of goose's a problem at its line);
 * {@code -- +goose NO TRANSACTION} becomes {@code transaction: false}.
 *
 * <p>A {@code -- +goose StatementBegin} / {@code StatementEnd} block is one statement for goose.
 * Graft's splitter keeps a routine, trigger or {@code $$} body whole by itself, so the block is
 * copied as written; with {@code --dialect mysql} it is wrapped in {@code DELIMITER} as well, so
 * that it is sent as one statement whatever it holds. A block the dialect's splitter reads as
 * several statements is noted.
 *
 * <p>Refused: {@code -- +goose ENVSUB ON} (Graft substitutes no environment variables), Go
 * migrations ({@code <version>_<name>.go}), and what goose itself refuses (a {@code .sql} file
 * whose name has no version, a version twice, no {@code -- +goose Up}, an unfinished statement,
 * an unknown annotation, a block without its end).
 */
final class GooseLayout {

    /** goose's default history table. */
    static final String DEFAULT_TABLE = "goose_db_version";

    private static final List<String> ANNOTATIONS = List.of("Up", "Down", "StatementBegin", "StatementEnd",
            "NO TRANSACTION", "ENVSUB ON", "ENVSUB OFF");

    private final Path dir;
    private final DialectId dialect;
    private final List<Problem> problems;
    private final List<Problem> notes;

    private GooseLayout(Path dir, DialectId dialect, List<Problem> problems, List<Problem> notes) {
        this.dir = dir;
        this.dialect = dialect;
        this.problems = problems;
        this.notes = notes;
    }

    static Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        return new Imported(new GooseLayout(dir, request.dialect(), problems, notes).revisions(), null, DEFAULT_TABLE);
    }

    /** A migration file: its version as goose reads it from the name. */
    private record File(long version, String stem, Path path) {

        String name() {
            return path.getFileName().toString();
        }
    }

    private List<ImportedRevision> revisions() {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(Problem.at(SourceSpan.file(ImportFiles.display(dir)), "cannot read the folder: "
                    + e.getMessage(), "check its permissions"));
            return List.of();
        }
        Map<Long, File> byVersion = new TreeMap<>();
        Set<Long> goMigrations = new HashSet<>();
        for (Path path : files) {
            String name = path.getFileName().toString();
            boolean sql = name.endsWith(".sql");
            boolean go = name.endsWith(".go") && !name.endsWith("_test.go");
            if (!sql && !go) {
                continue;
            }
            SourceSpan where = SourceSpan.file(ImportFiles.display(path));
            String stem = name.substring(0, name.lastIndexOf('.'));
            Long version = version(name);
            if (version == null || version <= 0) {
                if (sql) {
                    problems.add(Problem.at(where, "goose cannot read a version from " + name + " and refuses the"
                            + " folder (the name must be <version>_<name>.sql, the version a number above 0)",
                            "rename it (00001_" + stem + ".sql), or move it out of the"
                                    + " folder"));
                }
                continue; // goose skips .go files that are no migrations (main.go, ...)
            }
            File file = new File(version, stem, path);
            File other = byVersion.putIfAbsent(version, file);
            if (other != null) {
                problems.add(Problem.at(where, "version " + version + " appears twice: " + name + " and "
                        + other.name() + "; goose refuses this too (duplicate migration version)",
                        "give one of them another version"));
                continue;
            }
            if (go) {
                goMigrations.add(version);
                problems.add(Problem.at(where, name + " is a Go migration: goose runs it from a binary built with"
                        + " it, and Graft runs SQL files only", "rewrite it as " + stem + ".sql with '-- +goose Up'"
                        + " and '-- +goose Down' sections holding the SQL it runs (an empty Up section if it was a"
                        + " one-off that is applied everywhere already), then import again"));
            }
        }
        List<ImportedRevision> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String parent = null;
        for (File file : byVersion.values()) {
            if (goMigrations.contains(file.version())) {
                continue;
            }
            ImportedRevision r = revision(file, parent, ids);
            if (r != null) {
                out.add(r);
                parent = r.id();
            }
        }
        return out;
    }

    /** goose's {@code NumericComponent}: the digits before the first {@code _}, or null. */
    private static Long version(String name) {
        int separator = name.indexOf('_');
        if (separator < 0) {
            return null;
        }
        try {
            return Long.parseLong(name.substring(0, separator));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ImportedRevision revision(File file, String parent, Set<String> ids) {
        String text = ImportFiles.read(file.path(), problems);
        if (text == null) {
            return null;
        }
        GooseParser.Parsed parsed = GooseParser.parse(ImportFiles.lines(text), file.path(), problems);
        if (parsed == null) {
            return null;
        }
        for (int line : parsed.envsub()) {
            problems.add(Problem.at(ImportFiles.at(file.path(), line), "'-- +goose ENVSUB ON': goose replaces"
                    + " ${VARIABLES} from its environment in the lines after it, and Graft substitutes nothing",
                    "write the values into the SQL (one project per environment if they differ) and remove the"
                            + " annotation; with --skip-unsupported the lines are copied as they are"));
        }
        List<String> lines = ImportFiles.lines(text);
        int split = parsed.downLine() == 0 ? lines.size() : parsed.downLine() - 1;
        String up = section(file, lines, 0, split, parsed.blocks());
        String down = section(file, lines, split, lines.size(), parsed.blocks());
        String description = file.stem().substring(file.stem().indexOf('_') + 1).replace('_', ' ').strip();
        String id = ImportFiles.id(file.stem(), ids);
        ImportedRevision.Sql upSql = new ImportedRevision.Sql(file.path(), file.stem() + ".up.sql", up, true);
        ImportedRevision.Sql downSql = new ImportedRevision.Sql(file.path(), file.stem() + ".down.sql", down, true);
        ImportedRevision.Identity identity = new ImportedRevision.Identity(null, Long.toString(file.version()),
                description.isEmpty() ? null : description, file.name(), null, List.of());
        return ImportedRevision.of(id, parent == null ? List.of() : List.of(parent),
                description.isEmpty() ? null : description, upSql, downSql, parsed.transactional(), false, identity);
    }

    /**
     * Lines {@code [from, to)} of the file as the revision's SQL: as written (goose's annotations
     * are comments), the StatementBegin blocks in it checked, and on MySQL wrapped in {@code DELIMITER}.
     */
    private String section(File file, List<String> lines, int from, int to, List<GooseParser.Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            int lineNumber = i + 1;
            GooseParser.Block begins = blocks.stream().filter(b -> b.begin() == lineNumber).findFirst().orElse(null);
            GooseParser.Block ends = blocks.stream().filter(b -> b.end() == lineNumber).findFirst().orElse(null);
            if (begins != null) {
                check(file, lines, begins);
            }
            if (dialect == DialectId.MYSQL && begins != null) {
                out.append("DELIMITER ").append(delimiter(lines, begins)).append('\n');
            } else if (dialect == DialectId.MYSQL && ends != null) {
                out.append(delimiter(lines, ends)).append("\nDELIMITER ;\n");
            } else {
                out.append(lines.get(i)).append('\n');
            }
        }
        return out.toString();
    }

    /** A delimiter that the block does not contain. */
    private static String delimiter(List<String> lines, GooseParser.Block block) {
        String body = String.join("\n", lines.subList(block.begin(), block.end() - 1));
        for (String candidate : List.of("//", "$$", ";;", "@@")) {
            if (!body.contains(candidate)) {
                return candidate;
            }
        }
        return "//";
    }

    /** Notes a block that the dialect's splitter reads as several statements, where goose sent one. */
    private void check(File file, List<String> lines, GooseParser.Block block) {
        if (dialect == null) {
            return;
        }
        String body = String.join("\n", lines.subList(block.begin(), block.end() - 1)) + "\n";
        int count;
        try {
            count = SqlSplitter.split(body, file.name(), Dialects.of(dialect).splitOptions()).size();
        } catch (ChangelogException e) {
            return; // the splitter's own error is reported when the changelog is loaded or run
        }
        if (count <= 1) {
            return;
        }
        String what = dialect == DialectId.MYSQL
                ? "goose sends the block as one statement, and so does Graft (it is wrapped in DELIMITER); MySQL runs"
                        + " several statements in one only where goose's connection had multiStatements=true"
                : "goose sends the block as one statement; Graft runs its " + count + " statements one by one, in the"
                        + " revision's transaction unless it has 'transaction: false'";
        notes.add(Problem.at(ImportFiles.at(file.path(), block.begin()), "this StatementBegin block holds " + count
                + " statements: " + what, dialect == DialectId.MYSQL
                        ? "if goose ran it with multiStatements=true, remove the DELIMITER lines around it in the copy"
                        : null));
    }

    /** The annotations goose knows, as they are written. */
    static List<String> annotations() {
        return ANNOTATIONS;
    }
}
