package io.graft.internal.lint;

import io.graft.LintRule;
import io.graft.ChangelogException;
import io.graft.Finding;
import io.graft.LintOptions;
import io.graft.LintReport;
import io.graft.Problem;
import io.graft.Severity;
import io.graft.SourceSpan;
import io.graft.changelog.Changelog;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.changelog.DialectId;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.migrate.TransactionRules;
import io.graft.internal.changelog.SqlSources;
import io.graft.internal.sql.Classification;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementClassifier;
import io.graft.internal.sql.StatementInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code graft lint}: the changelog and its SQL, without a database (and, with a base ref, the
 * changelog as git has it there). Never throws for a bad changelog: what {@code graft validate}
 * would refuse becomes {@code invalid-changelog} (or {@code dialect-coverage}) findings, so that
 * CI gets every problem in one report and one format. Only an unusable {@code --base} throws.
 *
 * <p>One file for the rules of the three categories (graph, SQL, history) because they share one
 * report, one severity override and one set of read files; a rule that grows a state of its own
 * goes into a class beside this one ({@code Allows}, {@code SqlShapes}, {@code GitBase}).
 */
public final class Linter {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.where().file())
            .thenComparingInt(f -> f.where().line())
            .thenComparingInt(f -> f.where().column())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    /** DDL by the classifier's words that changes no schema object: rows and permissions. */
    private static final java.util.regex.Pattern ROWS_OR_RIGHTS = java.util.regex.Pattern.compile(
            "\\s*(TRUNCATE|GRANT|REVOKE)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Path changelogFile;
    private final LintOptions options;
    private final Set<Finding> findings = new LinkedHashSet<>();
    /** The SQL files of the changelog linted, each read once for every rule. */
    private SqlSources sources;

    private Linter(Path changelogFile, LintOptions options) {
        this.changelogFile = changelogFile;
        this.options = options;
    }

    public static LintReport lint(Path changelogFile, LintOptions options) {
        return new Linter(changelogFile, options).run();
    }

    private LintReport run() {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelogFile, FileChecks.FULL);
        sources = loaded.sources();
        for (Problem p : loaded.problems()) {
            LintRule rule = p.kind() == Problem.Kind.DIALECT_COVERAGE ? LintRule.DIALECT_COVERAGE : LintRule.INVALID_CHANGELOG;
            add(rule, p.where(), p.message(), p.hint());
        }
        Changelog changelog = loaded.changelog();
        if (changelog != null) {
            RevisionGraph graph = loaded.graph();
            if (graph != null) {
                graphRules(changelog, graph);
                sqlRules(changelog, graph);
            }
            orphanFiles(changelog);
            if (options.baseRef() != null) {
                historyRules(changelog);
            }
        }
        List<Finding> result = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Severity> severity = options.severities().getOrDefault(f.rule(), Optional.of(f.severity()));
            severity.ifPresent(s -> result.add(f.withSeverity(s)));
        }
        result.sort(ORDER);
        return new LintReport(result);
    }

    private void add(LintRule rule, SourceSpan where, String message, String hint) {
        findings.add(new Finding(rule.id(), rule.defaultSeverity(), where, message, hint));
    }

    // ---- graph ---------------------------------------------------------------------------------

    private void graphRules(Changelog changelog, RevisionGraph graph) {
        List<Revision> heads = graph.heads();
        if (heads.size() > 1) {
            Revision last = heads.get(heads.size() - 1);
            String names = heads.stream().map(Revision::id).collect(Collectors.joining(", "));
            add(LintRule.MULTIPLE_HEADS, last.spanOf("id"), heads.size() + " heads (" + names
                    + "): 'head' is ambiguous", "join them with a merge revision: graft merge -m \"merge "
                    + heads.stream().map(Revision::id).collect(Collectors.joining(" and ")) + "\"");
        }
        for (Revision r : changelog.revisions()) {
            if (r.down() == null && !r.repeatable()) {
                add(LintRule.MISSING_DOWN, r.spanOf("id"), "revision '" + r.id() + "' has no down file, so it cannot be reverted",
                        "add 'down:' with SQL that undoes it (an empty file if there is nothing to undo)");
            }
            for (int i = 0; i < r.dependsOn().size(); i++) {
                String dep = r.dependsOn().get(i);
                if (r.parents().isEmpty() || !graph.contains(dep)) {
                    continue;
                }
                if (graph.ancestors(r.parents()).contains(dep)) {
                    add(LintRule.REDUNDANT_DEPENDS_ON, r.spanOf("depends_on[" + i + "]"), "depends_on '" + dep + "' of '"
                            + r.id() + "' is already an ancestor through its parents",
                            "remove it from depends_on");
                }
            }
        }
    }

    private void orphanFiles(Changelog changelog) {
        Set<Path> named = new HashSet<>();
        for (Revision r : changelog.revisions()) {
            for (SqlRef ref : Stream.of(r.up(), r.down(), r.test()).filter(Objects::nonNull).toList()) {
                if (ref.common() != null) {
                    named.add(changelog.resolve(ref.common()).toAbsolutePath().normalize());
                }
                ref.perDialect().values().forEach(f -> named.add(changelog.resolve(f).toAbsolutePath().normalize()));
            }
        }
        Path base = changelog.baseDir().toAbsolutePath().normalize();
        Set<Path> folders = new java.util.TreeSet<>();
        named.forEach(p -> {
            if (p.getParent() != null && p.startsWith(base)) {
                folders.add(p.getParent());
            }
        });
        Set<Path> orphans = new java.util.TreeSet<>();
        for (Path folder : folders) {
            int depth = folder.equals(base) ? 1 : Integer.MAX_VALUE;
            try (Stream<Path> files = Files.walk(folder, depth)) {
                files.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                        .filter(Files::isRegularFile)
                        .filter(p -> !hidden(folder.relativize(p)))
                        .map(p -> p.toAbsolutePath().normalize())
                        .filter(p -> !named.contains(p))
                        .forEach(orphans::add);
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder: the loader reports unreadable files that matter
            }
        }
        for (Path p : orphans) {
            add(LintRule.ORPHAN_SQL_FILE, new SourceSpan(display(changelog, base.relativize(p).toString().replace('\\', '/')),
                    1, 1), "no revision names this SQL file", "add a revision for it (graft new), or delete it");
        }
    }

    /** Hidden folders ({@code .git}) and build output are no place for migrations. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("node_modules") || name.equals("build")) {
                return true;
            }
        }
        return false;
    }

    // ---- SQL -----------------------------------------------------------------------------------

    /** Per dialect: table (normalised) -> the revision that created it, in topological order. */
    private void sqlRules(Changelog changelog, RevisionGraph graph) {
        Set<DialectId> dialects = !changelog.dialects().isEmpty() ? EnumSet.copyOf(changelog.dialects())
                : EnumSet.of(options.dialect() != null ? options.dialect() : DialectGuess.guess(changelog));
        for (DialectId dialect : dialects) {
            Map<String, String> createdBy = new HashMap<>();
            for (Revision r : graph.topologicalOrder()) {
                Optional<SqlFile> up = read(changelog, r.up(), dialect);
                Optional<SqlFile> down = r.down() == null ? Optional.empty() : read(changelog, r.down(), dialect);
                if (up.isEmpty()) {
                    continue;
                }
                Set<String> ancestors = graph.ancestors(List.of(r.id()));
                upRules(r, up.get(), down, dialect, createdBy, ancestors);
                down.ifPresent(d -> commonRules(r, d, dialect));
            }
        }
    }

    private void upRules(Revision r, SqlFile up, Optional<SqlFile> down, DialectId dialect,
            Map<String, String> createdBy, Set<String> ancestors) {
        if (up.statements().isEmpty() && !r.isMerge() && !up.allows().allowsFile(LintRule.EMPTY_UP)) {
            add(LintRule.EMPTY_UP, new SourceSpan(up.file(), 1, 1), "the up file of '" + r.id() + "' has no statements",
                    "write its SQL; for a deliberate no-op add '-- graft:allow-file empty-up'");
        }
        commonRules(r, up, dialect);
        if (r.repeatable()) {
            rerunnable(r, up);
        }
        Map<String, SqlStatement> createdHere = new LinkedHashMap<>();
        for (SqlStatement s : up.statements()) {
            String sql = s.sql();
            Classification c = up.classification(s, dialect);
            String marked = up.allows().markedDestructive(s);
            if ((c.destructive() || marked != null) && !up.allows().allows(LintRule.DESTRUCTIVE_STATEMENT, s)) {
                String what = c.destructive() ? c.destructiveReason() + " " + c.consequence()
                        : marked + " can lose data (marked DESTRUCTIVE)";
                add(LintRule.DESTRUCTIVE_STATEMENT, s.span(), what + ": " + StatementInspector.firstLine(sql),
                        "if that is intended, say so with '-- graft:allow destructive-statement' above it "
                                + "(or '-- graft:allow-file destructive-statement' for the revision)");
            }
            SqlShapes.createdTable(sql).ifPresent(t -> {
                if (!t.temporary()) {
                    createdHere.putIfAbsent(t.name(), s);
                }
            });
            if (Dialects.of(dialect).statementRules().concurrentIndexBuilds()) {
                SqlShapes.indexBuild(sql).ifPresent(ix -> {
                    String creator = createdBy.get(ix.table());
                    if (!ix.concurrently() && !createdHere.containsKey(ix.table()) && creator != null
                            && ancestors.contains(creator) && !up.allows().allows(LintRule.INDEX_NOT_CONCURRENT, s)) {
                        add(LintRule.INDEX_NOT_CONCURRENT, s.span(), "CREATE INDEX on '" + ix.table() + "' (created by '"
                                + creator + "') without CONCURRENTLY blocks writes while it builds",
                                "use CREATE INDEX CONCURRENTLY in a revision with 'transaction: false'");
                    }
                });
            }
            for (SqlShapes.NotNullColumn col : SqlShapes.notNullWithoutDefault(sql)) {
                if (!createdHere.containsKey(col.table()) && !up.allows().allows(LintRule.NOT_NULL_WITHOUT_DEFAULT, s)) {
                    add(LintRule.NOT_NULL_WITHOUT_DEFAULT, s.span(), "column '" + col.column() + "' is added to '"
                            + col.table() + "' as NOT NULL without a DEFAULT, which fails when the table has rows",
                            "add a DEFAULT, or add the column nullable, fill it, then set NOT NULL");
                }
            }
        }
        createdHere.keySet().forEach(t -> createdBy.putIfAbsent(t, r.id()));
        down.ifPresent(d -> downDoesNothing(r, up, d, dialect));
        down.filter(d -> !d.statements().isEmpty()).ifPresent(d -> {
            // a down without statements is down-does-nothing's
            Set<String> dropped = new HashSet<>();
            d.statements().forEach(s -> dropped.addAll(SqlShapes.droppedTables(s.sql())));
            createdHere.forEach((table, s) -> {
                if (!dropped.contains(table) && !up.allows().allows(LintRule.DOWN_KEEPS_TABLE, s)
                        && !d.allows().allowsFile(LintRule.DOWN_KEEPS_TABLE)) {
                    add(LintRule.DOWN_KEEPS_TABLE, s.span(), "table '" + table + "' is created here but the down file does not drop it", "add 'DROP TABLE " + table + ";' to the down file");
                }
            });
        });
    }

    /**
     * A down file without statements under an up that changes the schema: the revision claims to
     * be reversible, and {@code graft test} finds the same on a database.
     */
    private void downDoesNothing(Revision r, SqlFile up, SqlFile down, DialectId dialect) {
        if (!down.statements().isEmpty() || down.allows().allowsFile(LintRule.DOWN_DOES_NOTHING)) {
            return;
        }
        up.statements().stream().filter(s -> up.classification(s, dialect).kind() == Classification.Kind.DDL
                        && !ROWS_OR_RIGHTS.matcher(s.sql()).lookingAt())
                .findFirst().ifPresent(s -> add(LintRule.DOWN_DOES_NOTHING, new SourceSpan(down.file(), 1, 1),
                        "revision '" + r.id() + "' is declared reversible but its down does nothing, while its up"
                                + " changes the schema: " + StatementInspector.firstLine(s.sql()),
                        "write the SQL that undoes the up, or remove 'down:' to declare the revision irreversible"
                                + " (or '-- graft:allow-file down-does-nothing' in the down file)"));
    }

    /** A repeatable revision's up file runs again on every change: each CREATE in it must survive a second run. */
    private void rerunnable(Revision r, SqlFile up) {
        Set<String> dropped = new HashSet<>();
        for (SqlStatement s : up.statements()) {
            SqlShapes.droppedIfExists(s.sql()).ifPresent(dropped::add);
            SqlShapes.createdObject(s.sql()).ifPresent(o -> {
                if (!o.rerunnable() && !dropped.contains(o.kind() + ":" + o.name())
                        && !up.allows().allows(LintRule.REPEATABLE_NOT_RERUNNABLE, s)) {
                    add(LintRule.REPEATABLE_NOT_RERUNNABLE, s.span(), "repeatable revision '" + r.id()
                            + "' runs again whenever it changes, and this statement fails the second time: "
                            + StatementInspector.firstLine(s.sql()),
                            "write CREATE OR REPLACE " + o.kind() + " (or IF NOT EXISTS), or put 'DROP " + o.kind()
                                    + " IF EXISTS " + o.name() + ";' before it");
                }
            });
        }
    }

    /** Rules for up and down files alike. */
    private void commonRules(Revision r, SqlFile file, DialectId dialect) {
        for (SqlStatement s : file.statements()) {
            List<TransactionRules.Violation> violations = TransactionRules.check(Dialects.of(dialect), s, 0);
            boolean understood = !violations.isEmpty();
            if (!understood && !file.classification(s, dialect).parsed()
                    && !file.allows().allows(LintRule.UNPARSABLE_STATEMENT, s)) {
                add(LintRule.UNPARSABLE_STATEMENT, s.span(), "JSqlParser cannot parse this statement (" + dialect.key()
                        + "), so lint cannot check it: " + StatementInspector.firstLine(s.sql()),
                        "it still runs; the database is the judge");
            }
            if (!r.transactional()) {
                continue;
            }
            for (TransactionRules.Violation v : violations) {
                if (v.kind() == TransactionRules.Kind.NON_TRANSACTIONAL
                        && !file.allows().allows(LintRule.NON_TRANSACTIONAL_STATEMENT, s)) {
                    add(LintRule.NON_TRANSACTIONAL_STATEMENT, s.span(), v.reason() + ", but revision '" + r.id()
                            + "' runs in one", "set 'transaction: false' on the revision (and keep that statement alone in it)");
                }
                if (v.kind() == TransactionRules.Kind.TRANSACTION_CONTROL
                        && !file.allows().allows(LintRule.TRANSACTION_CONTROL, s)) {
                    add(LintRule.TRANSACTION_CONTROL, s.span(), "'" + StatementInspector.firstLine(s.sql())
                            + "' controls the transaction Graft runs revision '" + r.id() + "' in",
                            "remove it: Graft commits each revision itself");
                }
            }
        }
    }

    /** One SQL file, split, with its allow comments and (lazily) classifications. */
    private record SqlFile(String file, List<SqlStatement> statements, Allows allows, Map<SqlStatement, Classification> cache) {
        Classification classification(SqlStatement s, DialectId dialect) {
            return cache.computeIfAbsent(s, k -> StatementClassifier.classify(k.sql(), Dialects.of(dialect).splitOptions()));
        }
    }

    private final Map<String, SqlFile> files = new HashMap<>();

    private Optional<SqlFile> read(Changelog changelog, SqlRef ref, DialectId dialect) {
        Optional<String> relative = ref.pathFor(dialect);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        String key = relative.get() + "\0" + dialect;
        if (files.containsKey(key)) {
            return Optional.ofNullable(files.get(key));
        }
        SqlFile file = null;
        String display = display(changelog, relative.get());
        try {
            String text = sources.of(relative.get()).text();
            List<SqlStatement> statements = SqlSplitter.split(text, display, Dialects.of(dialect).splitOptions());
            file = new SqlFile(display, statements, Allows.of(text, statements), new HashMap<>());
        } catch (IOException e) {
            // the loader reports missing and unreadable files
        } catch (ChangelogException e) {
            e.problems().forEach(p -> add(LintRule.INVALID_CHANGELOG, p.where(), p.message(), p.hint()));
        }
        files.put(key, file);
        return Optional.ofNullable(file);
    }

    /** A file as the user sees it: the changelog's folder (as given) joined with the relative path. */
    private static String display(Changelog changelog, String relative) {
        Path parent = changelog.file().getParent();
        return (parent == null ? Path.of(relative) : parent.resolve(relative)).normalize().toString();
    }

    // ---- history -------------------------------------------------------------------------------

    private void historyRules(Changelog current) {
        Path temp;
        try {
            temp = Files.createTempDirectory("graft-base");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Optional<Path> baseFile = new GitBase(changelogFile, options.baseRef()).extract(temp);
            if (baseFile.isEmpty()) {
                return;
            }
            // The base's files are read only where a checksum is compared; its problems do not count.
            LoadedChangelog base = ChangelogLoader.loadGraph(baseFile.get(), FileChecks.NONE);
            if (base.changelog() == null) {
                return;
            }
            compare(base, current);
        } finally {
            deleteTree(temp);
        }
    }

    private void compare(LoadedChangelog baseLoad, Changelog current) {
        Changelog base = baseLoad.changelog();
        Map<String, Revision> now = new HashMap<>();
        current.revisions().forEach(r -> now.put(r.id(), r));
        String ref = options.baseRef();
        for (Revision old : base.revisions()) {
            Revision r = now.get(old.id());
            if (r == null) {
                add(LintRule.RELEASED_REVISION_REMOVED, new SourceSpan(current.file().toString(), 1, 1), "revision '"
                        + old.id() + "' exists at " + ref + " but was removed",
                        "restore it: to undo a released revision, add a new revision that reverts it");
                continue;
            }
            if (!new LinkedHashSet<>(old.parents()).equals(new LinkedHashSet<>(r.parents()))) {
                add(LintRule.RELEASED_REVISION_CHANGED, r.spanOf("parents"), "the parents of released revision '" + r.id()
                        + "' changed since " + ref + ": " + old.parents() + " -> " + r.parents(),
                        "restore them; build on the released graph with a new revision instead");
            }
            if (old.transactional() != r.transactional()) {
                add(LintRule.RELEASED_REVISION_CHANGED, r.spanOf("transaction"), "the transaction mode of released revision '"
                        + r.id() + "' changed since " + ref + ": " + old.transactional() + " -> " + r.transactional(),
                        "restore it; change behaviour with a new revision instead");
            }
            if (old.repeatable() != r.repeatable()) {
                add(LintRule.RELEASED_REVISION_CHANGED, r.spanOf(r.repeatable() ? "repeatable" : "id"), "released revision '"
                        + r.id() + "' " + (r.repeatable() ? "became" : "is no longer") + " repeatable since " + ref,
                        "restore it; add a new revision instead");
            }
            if (!(old.repeatable() && r.repeatable()) && upChanged(baseLoad.sources(), old.up(), sources, r.up())) {
                add(LintRule.RELEASED_REVISION_CHANGED, r.spanOf("up"), "the up SQL of released revision '" + r.id()
                        + "' changed since " + ref + " (databases that applied it will fail the checksum check)",
                        "restore the file (git checkout " + ref + " -- <file>) and put the change in a new revision");
            }
        }
    }

    /**
     * Whether the up SQL differs for some dialect. A common file stands for every dialect, so
     * splitting one file into identical per-dialect files (or renaming it) is no change.
     */
    private static boolean upChanged(SqlSources base, SqlRef before, SqlSources current, SqlRef after) {
        if (!before.isPerDialect() && !after.isPerDialect()) {
            return !checksum(base, before.common()).equals(checksum(current, after.common()));
        }
        Set<DialectId> dialects = EnumSet.noneOf(DialectId.class);
        dialects.addAll(before.dialects());
        dialects.addAll(after.dialects());
        for (DialectId d : dialects) {
            Optional<String> was = before.pathFor(d);
            Optional<String> is = after.pathFor(d);
            if (was.isEmpty()) {
                continue;
            }
            if (is.isEmpty() || !checksum(base, was.get()).equals(checksum(current, is.get()))) {
                return true;
            }
        }
        return false;
    }

    /** The file's checksum (line endings and BOM do not count), or "missing". */
    private static String checksum(SqlSources sources, String file) {
        try {
            return sources.of(file).checksum();
        } catch (IOException e) {
            return "missing";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
