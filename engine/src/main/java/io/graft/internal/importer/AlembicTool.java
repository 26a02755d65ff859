package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Alembic: {@link AlembicProject} reads the graph from the scripts without Python; the SQL of each
 * revision is what the project's own Alembic prints in offline mode ({@link AlembicCommand}), one
 * {@code upgrade heads --sql} and one {@code downgrade heads:base --sql} run cut at Alembic's step
 * markers ({@link AlembicSql}); {@link AlembicAdoption} reads {@code alembic_version}.
 *
 * <p>Why whole runs and not one {@code upgrade A:B --sql} per revision: offline, Alembic 1.8 takes
 * one starting revision, so the range of a merge ({@code A:M} for {@code M} with parents
 * {@code A, B}) renders all of the {@code B} branch too; and every run starts a Python. Per-revision
 * runs are made only after a failure, to render what the failed run did not reach.
 */
final class AlembicTool implements ImportTool {

    @Override
    public String name() {
        return "alembic";
    }

    @Override
    public String title() {
        return "Alembic";
    }

    @Override
    public String emptyHint() {
        return "name the folder that holds alembic.ini; its script_location must hold versions/ with revision scripts";
    }

    @Override
    public HistoryAdoption adoption(ImportManifest manifest) {
        return new AlembicAdoption(manifest);
    }

    @Override
    public Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        List<Problem> broken = new ArrayList<>();
        AlembicProject project = AlembicProject.read(dir, broken, notes);
        if (!broken.isEmpty()) {
            // a graph with holes cannot be written as a changelog, skipped or not
            throw new ChangelogException(broken);
        }
        if (project.nodes().isEmpty()) {
            return new Imported(List.of(), project.versionSchema(), project.versionTable());
        }
        DialectId dialect = request.dialect() != null ? request.dialect() : guess(project.ini());
        for (AlembicProject.Node node : project.nodes()) {
            for (AlembicScript.Call call : node.script().calls()) {
                if (!AlembicScript.LIVE.contains(call.call())) {
                    continue;
                }
                problems.add(Problem.at(new SourceSpan(node.script().display(), call.line(), 1),
                        (call.function() == null ? "" : call.function() + "() ") + "calls " + call.call()
                                + "(), which needs a live connection: what it does with the database is not in the"
                                + " SQL that Alembic's offline mode (--sql) renders, so the import would lose it",
                        "write that step as SQL with op.execute(...); or import with --skip-unsupported and add"
                                + " its SQL to " + node.id() + "'s files by hand"));
            }
        }
        AlembicCommand alembic = AlembicCommand.find(dir);
        Renderer renderer = new Renderer(project, alembic, dialect, offlineUrl(project.ini(), dialect), problems, notes);
        Map<String, AlembicSql.Step> ups = renderer.render(true);
        Map<String, AlembicSql.Step> downs = renderer.render(false);

        String key = request.dialect() != null ? ImportedRevision.ANY : dialect.key();
        List<ImportedRevision> revisions = new ArrayList<>();
        for (AlembicProject.Node node : project.nodes()) {
            AlembicScript s = node.script();
            AlembicSql.Step up = ups.get(s.revision());
            AlembicSql.Step down = downs.get(s.revision());
            String source = project.dir().relativize(s.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
            String header = "-- " + source + ": %s() as 'alembic " + "%s --sql' renders it for " + dialect.key()
                    + " (Alembic " + alembic.version() + ")\n";
            Map<String, ImportedRevision.Sql> upFiles = Map.of(key, new ImportedRevision.Sql(s.file(),
                    node.id() + ".up.sql", up == null
                            ? header.formatted("upgrade", "upgrade") + "-- NOT IMPORTED: Alembic could not render it\n"
                            : header.formatted("upgrade", "upgrade") + up.text(), true));
            Map<String, ImportedRevision.Sql> downFiles = down == null ? Map.of() : Map.of(key,
                    new ImportedRevision.Sql(s.file(), node.id() + ".down.sql",
                            header.formatted("downgrade", "downgrade") + down.text(), true));
            boolean outside = (up != null && up.outsideTransaction()) || (down != null && down.outsideTransaction());
            if (outside) {
                int line = s.calls().stream().filter(c -> c.call().equals("autocommit_block")).mapToInt(
                        AlembicScript.Call::line).findFirst().orElse(s.line());
                notes.add(Problem.at(new SourceSpan(s.display(), line, 1), "runs outside a transaction"
                        + " ('transaction: false'): Alembic ran part of it in an autocommit_block()", null));
            }
            revisions.add(new ImportedRevision(node.id(), node.parents(), node.dependsOn(), node.labels(),
                    s.description(), upFiles, downFiles, !outside, false,
                    new ImportedRevision.Identity("revision", s.revision(), s.description(), source, null, List.of())));
        }
        return new Imported(revisions, project.versionSchema(), project.versionTable());
    }

    /** The database family of a SQLAlchemy URL scheme ({@code postgresql+psycopg2}), or null. */
    static DialectId family(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int plus = s.indexOf('+');
        String name = plus < 0 ? s : s.substring(0, plus);
        return switch (name) {
            case "postgresql", "postgres", "pgsql" -> DialectId.POSTGRESQL;
            case "mysql", "mariadb" -> DialectId.MYSQL;
            case "sqlite" -> DialectId.SQLITE;
            default -> null;
        };
    }

    /** The scheme of the configured {@code sqlalchemy.url} (never the rest: it may hold a password), or null. */
    private static String scheme(AlembicIni ini) {
        String url = ini.raw("sqlalchemy.url");
        if (url == null) {
            return null;
        }
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? null : url.substring(0, colon).strip();
        return scheme != null && scheme.matches("[A-Za-z][A-Za-z0-9_+.-]*") ? scheme : null;
    }

    private static DialectId guess(AlembicIni ini) {
        String scheme = scheme(ini);
        DialectId guessed = scheme == null ? null : family(scheme);
        if (guessed == null) {
            throw new ChangelogException(Problem.at(ini.where("sqlalchemy.url"), "cannot tell which database to render"
                    + " the SQL for: " + (scheme == null ? "sqlalchemy.url names none Graft can read"
                            : "sqlalchemy.url is a '" + scheme + "' URL"),
                    "give --dialect postgresql, sqlite or mysql"));
        }
        return guessed;
    }

    /**
     * The URL offline mode renders with: only a scheme, so that no connection is made and no
     * password is involved; the configured scheme (with its driver) when it is of the dialect.
     */
    static String offlineUrl(AlembicIni ini, DialectId dialect) {
        String scheme = scheme(ini);
        if (scheme != null && family(scheme) == dialect) {
            return scheme + "://";
        }
        return switch (dialect) {
            case POSTGRESQL -> "postgresql://";
            case MYSQL -> "mysql://";
            case SQLITE -> "sqlite://";
        };
    }

    /** Runs Alembic offline in one direction and reports what it could not render. */
    private static final class Renderer {
        private final AlembicProject project;
        private final AlembicCommand alembic;
        private final DialectId dialect;
        private final String url;
        private final List<Problem> problems;
        private final List<Problem> notes;
        private final Map<String, AlembicProject.Node> byRevision = new LinkedHashMap<>();

        Renderer(AlembicProject project, AlembicCommand alembic, DialectId dialect, String url, List<Problem> problems,
                List<Problem> notes) {
            this.project = project;
            this.alembic = alembic;
            this.dialect = dialect;
            this.url = url;
            this.problems = problems;
            this.notes = notes;
            project.nodes().forEach(n -> byRevision.put(n.script().revision(), n));
        }

        Map<String, AlembicSql.Step> render(boolean up) {
            Map<String, AlembicSql.Step> steps = new LinkedHashMap<>();
            Set<String> failed = new HashSet<>();
            List<String> whole = up ? List.of("upgrade", "heads", "--sql") : List.of("downgrade", "heads:base", "--sql");
            if (!run(whole, up, steps, failed, null)) {
                return steps;
            }
            for (AlembicProject.Node node : project.nodes()) {
                String revision = node.script().revision();
                if (steps.containsKey(revision) || failed.contains(revision)) {
                    continue;
                }
                String parent = node.script().downRevisions().isEmpty() ? null : node.script().downRevisions().get(0);
                List<String> one = up
                        ? List.of("upgrade", parent == null ? revision : parent + ":" + revision, "--sql")
                        : List.of("downgrade", revision + ":" + (parent == null ? "base" : parent), "--sql");
                run(one, up, steps, failed, revision);
                if (!steps.containsKey(revision) && !failed.contains(revision)) {
                    failed.add(revision);
                    problems.add(Problem.at(new SourceSpan(node.script().display(), node.script().line(), 1),
                            "Alembic did not render the " + (up ? "upgrade" : "downgrade") + " of revision " + revision
                                    + ": 'alembic " + String.join(" ", one) + "' stopped at an earlier revision",
                            "fix the revision it stopped at (reported above), then import again"));
                }
            }
            return steps;
        }

        /**
         * One run; its complete steps go to {@code steps}. False when its output cannot be split. A
         * failure inside a step is reported at its script when it is {@code wanted}'s (or any, for
         * {@code wanted == null}); env.py failing before the first step stops the import.
         */
        private boolean run(List<String> args, boolean up, Map<String, AlembicSql.Step> steps, Set<String> failed,
                String wanted) {
            AlembicCommand.Output output = alembic.run(url, args);
            AlembicSql.Run run;
            try {
                run = AlembicSql.parse(output.out(), dialect, project.versionTable(), up);
            } catch (ChangelogException e) {
                problems.add(Problem.at(SourceSpan.file(AlembicProject.display(project.env())), "cannot split the SQL"
                        + " that 'alembic " + String.join(" ", args) + "' printed: " + e.getMessage(),
                        "run it by hand and check its output"));
                return false;
            }
            String command = "'alembic " + String.join(" ", args) + "'";
            if (output.exit() == 0) {
                run.steps().forEach(steps::putIfAbsent);
                if (wanted == null && !run.before().isEmpty()) {
                    notes.add(Problem.at(SourceSpan.file(AlembicProject.display(project.env())), "left out: env.py"
                            + " prints SQL before the first revision in offline mode (" + run.before().get(0)
                            + "); it belongs to no revision", null));
                }
                return true;
            }
            String stopped = run.last();
            if (stopped == null) {
                // nothing can be rendered: no changelog, not even with --skip-unsupported
                int line = output.lineIn(project.env());
                List<Problem> all = new ArrayList<>(problems);
                all.add(Problem.at(new SourceSpan(AlembicProject.display(project.env()), Math.max(line, 1), 1),
                        "env.py fails in offline mode (" + command + "): " + output.error(),
                        "env.py must run offline: context.configure(url=config.get_main_option('sqlalchemy.url'),"
                                + " literal_binds=True) under context.is_offline_mode(), as Alembic's templates do"));
                throw new ChangelogException(all);
            }
            run.steps().forEach((revision, step) -> {
                if (!revision.equals(stopped)) {
                    steps.putIfAbsent(revision, step);
                }
            });
            AlembicProject.Node node = byRevision.get(stopped);
            if ((wanted == null || wanted.equals(stopped)) && node != null && failed.add(stopped)) {
                AlembicScript s = node.script();
                int line = output.lineIn(s.file());
                SourceSpan where = new SourceSpan(s.display(), line > 0 ? line : s.line(), 1);
                String error = output.error();
                if (!up && error.startsWith("NotImplementedError")) {
                    notes.add(Problem.at(where, "downgrade() raises NotImplementedError: the revision is imported"
                            + " without a down file (irreversible), as Alembic cannot downgrade it either", null));
                } else {
                    problems.add(Problem.at(where, "Alembic cannot render the " + (up ? "upgrade" : "downgrade")
                            + " of revision " + stopped + " in offline mode (" + command + "): " + error,
                            up ? "make " + (up ? "upgrade" : "downgrade") + "() work with --sql (no queries whose"
                                    + " results it reads), or import with --skip-unsupported and write its SQL by hand"
                                    : "make downgrade() work with --sql, or import with --skip-unsupported: the revision"
                                            + " then has no down file"));
                }
            }
            return true;
        }
    }
}
