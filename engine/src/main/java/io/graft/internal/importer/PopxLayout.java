package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a popx project (Ory's migrator, {@code github.com/ory/x/popx}, as Kratos, Hydra, Keto
 * use it): every file below the folder (walked recursively, as popx walks its {@code fs.FS})
 * named {@code <version>_<name>[.<dialect>][.autocommit].(up|down).sql}, dialect one of pop's
 * ({@code postgres}, {@code cockroach}, {@code mysql}, {@code sqlite3} and their synonyms
 * {@code postgresql}, {@code pg}, {@code pgx}, {@code cockroachdb}, {@code crdb}, {@code sqlite}).
 * Versions are ordered as popx orders them, as text.
 *
 * <p>Each version becomes one revision, id {@code <version>_<name>}, parent the previous version.
 * Its SQL per Graft dialect is popx's choice for that dialect: the file of that dialect, else the
 * file without a dialect. A version with files for some dialects only runs nothing on the others
 * under popx (and is not recorded there); the revision gets an empty file for them, a no-op, so
 * that it covers every dialect and the changelog may declare any of them; adoption counts it as
 * applied there once popx has applied a later version. Files for CockroachDB are not imported
 * (Graft does not run on it): a note each. {@code .autocommit} becomes {@code transaction: false}.
 * An empty file (blank and {@code --} comment lines only) is a no-op for popx and stays one.
 *
 * <p>Refused: popx's Go templates ({@code {{ ... }}}: popx runs each file through
 * {@code text/template}); {@code .fizz} files; an up file without any down file of its version
 * (popx refuses the whole folder then); two files for one version, direction and dialect (popx
 * would run one of them, which one is not defined); a dialect's up file without a down file for
 * that dialect; files of one revision that differ in {@code .autocommit} where a transactional
 * one holds more than one statement.
 */
final class PopxLayout {

    /** popx's {@code MigrationFileRegexp}, with {@code fizz} (older popx) so that such files are named in a problem. */
    static final Pattern NAME = Pattern.compile("^(\\d+)_([^.]+)(\\.[a-z0-9]+)?(\\.autocommit)?\\.(up|down)\\.(sql|fizz)$");

    /** pop's canonical dialects and synonyms ({@code pop.CanonicalDialect}). */
    private static final Map<String, String> CANONICAL = Map.of("postgres", "postgres", "postgresql", "postgres",
            "pg", "postgres", "pgx", "postgres", "cockroach", "cockroach", "cockroachdb", "cockroach", "crdb", "cockroach",
            "mysql", "mysql", "sqlite3", "sqlite3", "sqlite", "sqlite3");

    /** popx's dialect names of Graft's dialects, in the order the changelog lists them. */
    static final Map<DialectId, String> POP_NAME = new LinkedHashMap<>();

    static {
        POP_NAME.put(DialectId.POSTGRESQL, "postgres");
        POP_NAME.put(DialectId.SQLITE, "sqlite3");
        POP_NAME.put(DialectId.MYSQL, "mysql");
    }

    /** The manifest's key that lists the Graft dialects a revision runs SQL on, when not all. */
    static final String DIALECTS = "dialects";

    private final Path dir;
    private final List<Problem> problems;
    private final List<Problem> notes;

    private PopxLayout(Path dir, List<Problem> problems, List<Problem> notes) {
        this.dir = dir;
        this.problems = problems;
        this.notes = notes;
    }

    static Imported read(Path dir, List<Problem> problems, List<Problem> notes) {
        return new Imported(new PopxLayout(dir, problems, notes).revisions(), null, PopxAdoption.DEFAULT_TABLE);
    }

    /** One migration file, parsed from its name: {@code dbType} is pop's canonical name or {@code all}. */
    record Script(String version, String name, String dbType, boolean autocommit, boolean up, String type, Path file) {

        String fileName() {
            return file.getFileName().toString();
        }
    }

    /**
     * The file name parsed as popx parses it; null when popx skips the file (no match, or a dialect
     * pop does not know, which popx logs and ignores: then {@code dbType} is the unknown name and
     * {@code version} null).
     */
    static Script parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        boolean autocommit = m.group(4) != null;
        String dbType;
        if (".autocommit".equals(m.group(3))) {
            autocommit = true; // popx's special case: the flag in the dialect's place
            dbType = "all";
        } else if (m.group(3) == null) {
            dbType = "all";
        } else {
            String raw = m.group(3).substring(1).toLowerCase(Locale.ROOT);
            dbType = CANONICAL.get(raw);
            if (dbType == null) {
                return new Script(null, m.group(2), raw, autocommit, m.group(5).equals("up"), m.group(6), file);
            }
        }
        return new Script(m.group(1), m.group(2), dbType, autocommit, m.group(5).equals("up"), m.group(6), file);
    }

    private List<ImportedRevision> revisions() {
        Map<String, List<Script>> byVersion = new TreeMap<>();
        for (Path file : files()) {
            Script s = parse(file);
            if (s == null) {
                continue;
            }
            SourceSpan where = SourceSpan.file(SourceFiles.display(file));
            if (s.version() == null) {
                notes.add(Problem.at(where, "skipped: '" + s.dbType() + "' is no dialect popx knows, and popx skips"
                        + " the file too", null));
                continue;
            }
            if (s.type().equals("fizz")) {
                problems.add(Problem.at(where, "fizz migration " + s.fileName() + " cannot be imported: Graft runs SQL"
                        + " files only", "translate it to SQL (one " + s.version() + "_" + s.name()
                        + ".<dialect>.up.sql per dialect: 'soda' prints the SQL fizz generates), then import again"));
                continue;
            }
            if (s.dbType().equals("cockroach")) {
                notes.add(Problem.at(where, "not imported: " + s.fileName() + " is for CockroachDB, where Graft does"
                        + " not run", null));
                continue;
            }
            byVersion.computeIfAbsent(s.version(), v -> new ArrayList<>()).add(s);
        }
        List<ImportedRevision> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String parent = null;
        for (Map.Entry<String, List<Script>> e : byVersion.entrySet()) {
            ImportedRevision r = revision(e.getKey(), e.getValue(), parent, ids);
            if (r != null) {
                out.add(r);
                parent = r.id();
            }
        }
        return out;
    }

    private ImportedRevision revision(String version, List<Script> scripts, String parent, Set<String> ids) {
        Map<String, Script> ups = new TreeMap<>();
        Map<String, Script> downs = new TreeMap<>();
        for (Script s : scripts) {
            Script other = (s.up() ? ups : downs).putIfAbsent(s.dbType(), s);
            if (other != null) {
                problems.add(Problem.at(SourceSpan.file(SourceFiles.display(s.file())), "version " + version + " has two "
                        + (s.up() ? "up" : "down") + " files for " + (s.dbType().equals("all") ? "all dialects"
                        : s.dbType()) + ": " + s.fileName() + " and " + other.fileName() + "; popx runs one of them,"
                        + " and which one is not defined", "give one of them another version"));
            }
        }
        Script named = scripts.stream().filter(s -> s.dbType().equals("all")).findFirst().orElse(scripts.get(0));
        if (ups.isEmpty()) {
            for (Script d : downs.values()) {
                notes.add(Problem.at(SourceSpan.file(SourceFiles.display(d.file())), "not imported: " + d.fileName()
                        + " has no up file of version " + version + ", so popx never runs it", null));
            }
            return null;
        }
        if (downs.isEmpty()) {
            Script up = ups.values().iterator().next();
            problems.add(Problem.at(SourceSpan.file(SourceFiles.display(up.file())), "migration " + version
                    + " has no corresponding down migration: popx refuses the whole folder then",
                    "add " + version + "_" + up.name() + ".down.sql (empty, if nothing is to be undone)"));
            return null;
        }
        Map<DialectId, Script> upFor = new LinkedHashMap<>();
        Map<DialectId, Script> downFor = new LinkedHashMap<>();
        for (Map.Entry<DialectId, String> d : POP_NAME.entrySet()) {
            Script up = ups.getOrDefault(d.getValue(), ups.get("all"));
            if (up == null) {
                continue;
            }
            upFor.put(d.getKey(), up);
            Script down = downs.getOrDefault(d.getValue(), downs.get("all"));
            if (down == null) {
                problems.add(Problem.at(SourceSpan.file(SourceFiles.display(up.file())), "migration " + version
                        + " has an up file for " + d.getValue() + " (" + up.fileName() + ") but no down file for it",
                        "add " + version + "_" + up.name() + "." + d.getValue() + ".down.sql (empty, if nothing is to be"
                                + " undone)"));
                continue;
            }
            downFor.put(d.getKey(), down);
        }
        if (upFor.isEmpty()) {
            return null;
        }
        Map<Path, ImportedRevision.Sql> texts = new LinkedHashMap<>();
        for (Script s : scripts) {
            if (upFor.containsValue(s) || downFor.containsValue(s)) {
                ImportedRevision.Sql sql = sql(s);
                if (sql == null) {
                    return null;
                }
                texts.put(s.file(), sql);
            }
        }
        boolean transactional = transactional(version, upFor, downFor, texts);
        String id = SourceFiles.id(version + "_" + named.name(), ids);
        Map<String, ImportedRevision.Sql> up = files(version, named, upFor, texts, "up");
        Map<String, ImportedRevision.Sql> down = files(version, named, downFor, texts, "down");
        Map<String, String> extra = new LinkedHashMap<>();
        if (upFor.size() < POP_NAME.size()) {
            extra.put(DIALECTS, String.join(",", upFor.keySet().stream().map(DialectId::key).toList()));
            notes.add(Problem.at(SourceSpan.file(SourceFiles.display(upFor.values().iterator().next().file())),
                    "migration " + version + " has files for " + String.join(", ", upFor.keySet().stream()
                            .map(d -> POP_NAME.get(d)).toList()) + " only: popx runs nothing for it on other dialects,"
                            + " and the revision gets an empty file (a no-op) for them", null));
        }
        ImportedRevision.Identity identity = new ImportedRevision.Identity(null, version, named.name(),
                dir.relativize(named.file()).toString().replace('\\', '/'), null, List.of(), extra);
        return new ImportedRevision(id, parent == null ? List.of() : List.of(parent), List.of(), List.of(),
                named.name(), up, down, transactional, false, identity);
    }

    /** One file for every dialect, or a file per Graft dialect (an empty one where popx runs nothing). */
    private Map<String, ImportedRevision.Sql> files(String version, Script named, Map<DialectId, Script> chosen,
            Map<Path, ImportedRevision.Sql> texts, String direction) {
        Map<String, ImportedRevision.Sql> out = new LinkedHashMap<>();
        Set<Script> distinct = new HashSet<>(chosen.values());
        if (chosen.size() == POP_NAME.size() && distinct.size() == 1) {
            out.put(ImportedRevision.ANY, texts.get(distinct.iterator().next().file()));
            return out;
        }
        for (Map.Entry<DialectId, String> d : POP_NAME.entrySet()) {
            Script s = chosen.get(d.getKey());
            if (s != null) {
                out.put(d.getKey().key(), texts.get(s.file()));
            } else {
                String name = version + "_" + named.name() + "." + d.getValue() + "." + direction + ".sql";
                out.put(d.getKey().key(), new ImportedRevision.Sql(dir.resolve(name), name, "-- popx runs nothing for"
                        + " migration " + version + " on " + d.getValue() + ": it has no file for it\n", true));
            }
        }
        return out;
    }

    /**
     * {@code .autocommit} on any file of the revision makes it {@code transaction: false}; a file
     * without the flag then runs statement by statement, which is the same for one statement and
     * a problem for more.
     */
    private boolean transactional(String version, Map<DialectId, Script> ups, Map<DialectId, Script> downs,
            Map<Path, ImportedRevision.Sql> texts) {
        List<Script> all = new ArrayList<>(ups.values());
        all.addAll(downs.values());
        Script autocommit = all.stream().filter(Script::autocommit).findFirst().orElse(null);
        if (autocommit == null) {
            return true;
        }
        Set<Path> reported = new HashSet<>();
        for (Map.Entry<DialectId, Script> e : entries(ups, downs)) {
            Script s = e.getValue();
            if (s.autocommit() || !reported.add(s.file())) {
                continue;
            }
            int statements = statements(texts.get(s.file()).text(), s, e.getKey());
            if (statements > 1) {
                problems.add(Problem.at(SourceSpan.file(SourceFiles.display(s.file())), s.fileName() + " runs in a"
                        + " transaction under popx, but " + autocommit.fileName() + " of the same migration " + version
                        + " runs without one, and a Graft revision has one transaction mode: its " + statements
                        + " statements would run one by one", "give both files the same .autocommit, or move the"
                        + " statements that need no transaction into a migration of their own"));
            }
        }
        return false;
    }

    private static List<Map.Entry<DialectId, Script>> entries(Map<DialectId, Script> ups, Map<DialectId, Script> downs) {
        List<Map.Entry<DialectId, Script>> out = new ArrayList<>(ups.entrySet());
        out.addAll(downs.entrySet());
        return out;
    }

    private static int statements(String text, Script s, DialectId dialect) {
        try {
            return SqlSplitter.split(text, s.fileName(), Dialects.of(dialect).splitOptions()).size();
        } catch (ChangelogException e) {
            return 2; // the splitter's own error is reported when the changelog is loaded or run
        }
    }

    /** The file's SQL; a Go template in it is a problem at its line. */
    private ImportedRevision.Sql sql(Script s) {
        String text = SourceFiles.read(s.file(), problems);
        if (text == null) {
            return null;
        }
        int template = text.indexOf("{{");
        if (template >= 0) {
            problems.add(Problem.at(new SourceSpan(SourceFiles.display(s.file()), SourceFiles.line(text, template),
                    template - text.lastIndexOf('\n', template - 1)), "popx runs " + s.fileName() + " through Go's"
                    + " text/template, and Graft cannot evaluate the template", "write the SQL out per dialect ("
                    + s.version() + "_" + s.name() + ".postgres.up.sql, ....sqlite3.up.sql, ...) without {{ }},"
                    + " then import again"));
        }
        String name = dir.relativize(s.file()).toString().replace('\\', '/');
        return new ImportedRevision.Sql(s.file(), name, text, false);
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.at(SourceSpan.file(SourceFiles.display(dir)), "cannot read the folder: " + e.getMessage(),
                    "check its permissions"));
            return List.of();
        }
    }
}
