package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a golang-migrate project: the files {@code <version>_<title>.up.<ext>} and
 * {@code <version>_<title>.down.<ext>} in one folder, as golang-migrate's file source reads them
 * (not recursively; other names are skipped; the version is an unsigned 64-bit number, the order
 * numeric). Each version becomes one revision, id {@code <version>_<title>} as the file spells it
 * ({@code 000001_create_users}), parent the previous version; its down file is the revision's
 * {@code down}.
 *
 * <p>golang-migrate sends each file to the database as one multi-statement string. On
 * PostgreSQL that string runs in one implicit transaction, on SQLite golang-migrate wraps it in a
 * transaction, on MySQL each statement commits on its own (DDL commits there anyway): a revision
 * in a transaction is the equivalent in each case, and it is what the import writes. A file
 * wrapped in its own {@code BEGIN; ... COMMIT;} is imported without those two statements, since
 * the revision's transaction does their work; any other statement that controls the transaction
 * is a problem at its line.
 *
 * <p>Refused, as golang-migrate refuses them: two files of one version and direction; a version
 * that does not fit in 64 bits. Refused although golang-migrate accepts it: a down file without
 * an up file (golang-migrate records that version as applied running nothing going up; with
 * {@code --skip-unsupported} the import does the same with an empty up file). An up file without a
 * down file is an irreversible revision, as it is for golang-migrate.
 */
final class GolangMigrateLayout {

    /** golang-migrate's {@code source.Regex}: {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$}. */
    static final Pattern NAME = Pattern.compile("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final Path dir;
    private final ImportRequest request;
    private final List<Problem> problems;
    private final List<Problem> notes;

    private GolangMigrateLayout(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        this.dir = dir;
        this.request = request;
        this.problems = problems;
        this.notes = notes;
    }

    /** The revisions of the project in {@code dir}; the history is golang-migrate's default {@code schema_migrations}. */
    static Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        GolangMigrateLayout layout = new GolangMigrateLayout(dir, request, problems, notes);
        return new Imported(layout.revisions(), null, GolangMigrateAdoption.DEFAULT_TABLE);
    }

    /** One migration file, parsed from its name. */
    record Script(BigInteger version, String versionText, String title, boolean up, String extension, Path file) {

        String name() {
            return file.getFileName().toString();
        }
    }

    /** The file name parsed as golang-migrate parses it, or null when golang-migrate would skip it. */
    static Script parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        BigInteger version = new BigInteger(m.group(1));
        if (version.compareTo(MAX_UINT64) > 0) {
            return new Script(null, m.group(1), m.group(2), m.group(3).equals("up"), m.group(4), file);
        }
        return new Script(version, m.group(1), m.group(2), m.group(3).equals("up"), m.group(4), file);
    }

    private List<ImportedRevision> revisions() {
        Map<BigInteger, Script> ups = new TreeMap<>();
        Map<BigInteger, Script> downs = new TreeMap<>();
        for (Path file : files()) {
            Script script = parse(file);
            if (script == null) {
                continue;
            }
            SourceSpan where = SourceSpan.file(SourceFiles.display(file));
            if (script.version() == null) {
                problems.add(Problem.at(where, "the version of " + script.name() + " does not fit in 64 bits,"
                        + " so golang-migrate skips the file", "give it a smaller version (a timestamp fits)"));
                continue;
            }
            Map<BigInteger, Script> same = script.up() ? ups : downs;
            Script other = same.putIfAbsent(script.version(), script);
            if (other != null) {
                problems.add(Problem.at(where, "version " + script.version() + " has two " + (script.up() ? "up" : "down")
                        + " files: " + script.name() + " and " + other.name(),
                        "golang-migrate refuses this too (duplicate migration file): give one of them another version"));
            }
        }
        Set<BigInteger> versions = new java.util.TreeSet<>(ups.keySet());
        versions.addAll(downs.keySet());
        List<ImportedRevision> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String parent = null;
        for (BigInteger version : versions) {
            Script up = ups.get(version);
            Script down = downs.get(version);
            ImportedRevision r = revision(version, up, down, parent, ids);
            if (r != null) {
                out.add(r);
                parent = r.id();
            }
        }
        return out;
    }

    private ImportedRevision revision(BigInteger version, Script up, Script down, String parent, Set<String> ids) {
        Script named = up != null ? up : down;
        for (Script s : new Script[] {up, down}) {
            if (s != null && !s.extension().equals("sql")) {
                problems.add(Problem.at(SourceSpan.file(SourceFiles.display(s.file())), "golang-migrate runs "
                        + s.name() + " as it is, but Graft imports SQL files only (ending in ." + (s.up() ? "up" : "down")
                        + ".sql)", "rename it to " + s.version() + "_" + s.title() + "." + (s.up() ? "up" : "down")
                        + ".sql if it holds SQL; golang-migrate runs it the same"));
            }
        }
        ImportedRevision.Sql upSql;
        if (up == null) {
            problems.add(Problem.at(SourceSpan.file(SourceFiles.display(down.file())), "down file " + down.name()
                    + " has no up file: golang-migrate records version " + version + " as applied running nothing"
                    + " going up, which is most likely a misnamed file",
                    "add " + version + "_" + down.title() + ".up.sql (empty, if nothing is to run), or delete the down file"));
            upSql = new ImportedRevision.Sql(dir.resolve(version + "_" + down.title() + ".up.sql"),
                    version + "_" + down.title() + ".up.sql", "", true);
        } else {
            upSql = sql(up);
            if (upSql == null) {
                return null;
            }
        }
        ImportedRevision.Sql downSql = down == null ? null : sql(down);
        String id = SourceFiles.id(named.versionText() + "_" + named.title(), ids);
        String title = named.title();
        ImportedRevision.Identity identity = new ImportedRevision.Identity(null, version.toString(), title,
                named.name(), null, List.of());
        return ImportedRevision.of(id, parent == null ? List.of() : List.of(parent), title.isEmpty() ? null : title,
                upSql, downSql, true, false, identity);
    }

    /** The file's SQL; a {@code BEGIN; ... COMMIT;} around all of it left out (the revision's own transaction does that). */
    private ImportedRevision.Sql sql(Script script) {
        String text = SourceFiles.read(script.file(), problems);
        if (text == null) {
            return null;
        }
        String unwrapped = unwrapped(script, text);
        return new ImportedRevision.Sql(script.file(), script.name(), unwrapped == null ? text : unwrapped,
                unwrapped != null);
    }

    /**
     * The text without the transaction statements that enclose it, or null when there are none;
     * a transaction statement elsewhere is a problem at its line.
     */
    private String unwrapped(Script script, String text) {
        Dialect dialect = Dialects.of(request.dialect() == null ? DialectId.POSTGRESQL : request.dialect());
        List<SqlStatement> statements;
        try {
            statements = SqlSplitter.split(text, SourceFiles.display(script.file()), dialect.splitOptions());
        } catch (ChangelogException e) {
            return null; // the splitter's own error is reported when the changelog is loaded or run
        }
        List<Integer> control = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (dialect.statementRules().isTransactionControl(statements.get(i))) {
                control.add(i);
            }
        }
        if (control.isEmpty()) {
            return null;
        }
        int last = statements.size() - 1;
        boolean wrapped = control.size() == 2 && control.get(0) == 0 && control.get(1) == last && last > 0
                && starts(statements.get(0)) && ends(statements.get(last));
        if (!wrapped) {
            for (int i : control) {
                problems.add(Problem.at(statements.get(i).span(), "'" + firstLine(statements.get(i).sql())
                        + "' controls the transaction inside the file, and a Graft revision runs in one transaction"
                        + " (or, with 'transaction: false', statement by statement)",
                        "split the file into migrations at this line, or remove the statement"));
            }
            return null;
        }
        int from = offset(text, statements.get(0).span().line(), statements.get(0).span().column())
                + statements.get(0).sql().length();
        int to = offset(text, statements.get(last).span().line(), statements.get(last).span().column());
        int semicolon = text.indexOf(';', from);
        if (semicolon >= 0 && semicolon < to && text.substring(from, semicolon).isBlank()) {
            from = semicolon + 1;
        }
        notes.add(Problem.at(statements.get(0).span(), "the BEGIN/COMMIT around " + script.name() + " is left out"
                + " of the imported copy: the revision runs in a transaction of its own", null));
        return text.substring(0, offset(text, statements.get(0).span().line(), statements.get(0).span().column()))
                + text.substring(from, to).replaceFirst("^[ \t]*\r?\n", "");
    }

    private static boolean starts(SqlStatement s) {
        return s.sql().strip().toUpperCase(java.util.Locale.ROOT).matches("(BEGIN|START)\\b.*");
    }

    private static boolean ends(SqlStatement s) {
        return s.sql().strip().toUpperCase(java.util.Locale.ROOT).matches("(COMMIT|END)\\b.*");
    }

    private static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + column - 1;
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(Problem.at(SourceSpan.file(SourceFiles.display(dir)), "cannot read the folder: " + e.getMessage(),
                    "check its permissions"));
            return List.of();
        }
    }
}
