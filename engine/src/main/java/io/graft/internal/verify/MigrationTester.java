package io.graft.internal.verify;

import io.graft.ChangelogException;
import io.graft.DatabaseUrlException;
import io.graft.MigrationException;
import io.graft.MigrationTestFailure;
import io.graft.MigrationTestFailure.Kind;
import io.graft.MigrationTestReport;
import io.graft.MigrationTestRequest;
import io.graft.Problem;
import io.graft.RevisionTestResult;
import io.graft.RevisionTestResult.Outcome;
import io.graft.SourceSpan;
import io.graft.Target;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.internal.dialect.DatabaseUrls;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.graph.TargetResolver;
import io.graft.internal.schema.Change;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaDiff;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code graft test}: proves every revision of a changelog on a scratch database. In topological
 * order, each revision is applied (its schema read: the <em>after</em> snapshot; its test file
 * run), reverted (the schema must be the <em>before</em> snapshot again), and applied again (the
 * schema must be <em>after</em> again). At every merge the parent branches run in each order the
 * graph allows (at most {@value MergeOrders#MAX}), each in a scratch database of its own, and must
 * give one schema. Every failure is collected; nothing stops the run except an up that fails, after
 * which the revisions that need it are skipped.
 */
public final class MigrationTester {

    private final LoadedChangelog loaded;
    private final Changelog changelog;
    private final RevisionGraph graph;
    private final DialectId dialect;
    private final String devUrl;
    private final List<MigrationTestFailure> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Per revision tested, the top-level objects its up changed (from the stairway's snapshots). */
    private final Map<String, Set<String>> touched = new HashMap<>();

    private MigrationTester(LoadedChangelog loaded, DialectId dialect, String devUrl) {
        this.loaded = loaded;
        this.changelog = loaded.changelog();
        this.graph = loaded.graph();
        this.dialect = dialect;
        this.devUrl = devUrl;
    }

    public static MigrationTestReport run(MigrationTestRequest request) {
        long started = System.nanoTime();
        LoadedChangelog loaded = ChangelogLoader.loadGraph(request.changelog(), FileChecks.FULL).orThrow();
        DialectId dialect = dialect(request, loaded.changelog());
        Set<String> tested = new LinkedHashSet<>();
        if (request.from() == null) {
            loaded.graph().revisions().forEach(r -> tested.add(r.id()));
        } else {
            Revision from = new TargetResolver(loaded.graph()).resolveOne(Target.parse(request.from()), Set.of());
            tested.addAll(loaded.graph().descendants(List.of(from.id())));
        }
        MigrationTester tester = new MigrationTester(loaded, dialect, request.devUrl());
        List<RevisionTestResult> results = tester.stairway(tested);
        return new MigrationTestReport(dialect, results, tester.failures, tester.notes,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The dev URL's dialect, else the requested one, else SQLite; it must be one the changelog declares. */
    private static DialectId dialect(MigrationTestRequest request, Changelog changelog) {
        DialectId dialect;
        if (request.devUrl() != null) {
            dialect = DatabaseUrls.parse(request.devUrl()).dialect();
            if (request.dialect() != null && request.dialect() != dialect) {
                throw new DatabaseUrlException("the dev URL is a " + dialect.key() + " server, but the test is for "
                        + request.dialect().key() + ": pass a " + request.dialect().key() + " --dev-url", List.of());
            }
        } else {
            dialect = request.dialect() != null ? request.dialect() : DialectId.SQLITE;
            if (request.dialect() == null && !changelog.dialects().isEmpty()
                    && !changelog.dialects().contains(DialectId.SQLITE)) {
                dialect = changelog.dialects().iterator().next();
            }
        }
        if (!changelog.dialects().isEmpty() && !changelog.dialects().contains(dialect)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(changelog.file().toString()),
                    "the changelog declares dialects " + changelog.dialects().stream().map(DialectId::key).sorted()
                            .toList() + ", not " + dialect.key(),
                    "pass a --dev-url of a server of a declared dialect"));
        }
        if (dialect != DialectId.SQLITE && request.devUrl() == null) {
            throw new DatabaseUrlException("testing on " + dialect.key() + " needs a scratch database: pass --dev-url"
                    + " with a " + dialect.key() + " server on which Graft may create (and drop) a database", List.of());
        }
        return dialect;
    }

    // ---- the stairway: up, down, up again, revision by revision --------------------------------

    private List<RevisionTestResult> stairway(Set<String> tested) {
        Map<String, RevisionTestResult> results = new LinkedHashMap<>();
        List<Revision> order = graph.topologicalOrder();
        List<Revision> applied = new ArrayList<>();
        if (!Dialects.of(dialect).transactionalDdl()) {
            notes.add(dialect.key() + " commits DDL implicitly: a revision cannot be rolled back inside a transaction"
                    + " there, so after a failure the scratch database is built again from the revisions applied"
                    + " before it");
        }
        Scratch db = Scratch.open(loaded, dialect, devUrl);
        try {
            Schema current = db.read();
            String blocker = null;
            for (Revision r : order) {
                long t0 = System.nanoTime();
                if (blocker != null && graph.ancestors(List.of(r.id())).contains(blocker)) {
                    results.put(r.id(), skipped(r, "not tested: it needs '" + blocker + "', whose up fails"));
                    continue;
                }
                if (!tested.contains(r.id())) {
                    try {
                        db.apply(List.of(r));
                        applied.add(r);
                    } catch (MigrationException e) {
                        fail(Kind.UP_FAILED, r, failedAt(e, r.up()), "up of '" + r.id() + "' fails: " + reason(e, r.id()),
                                List.of(), "fix the statement; it ran before the revisions under test");
                        blocker = r.id();
                        if (leavesUnknownState(r)) {
                            db = rebuild(db, applied);
                        }
                    }
                    current = null;
                    results.put(r.id(), skipped(r, "not tested: before --from"));
                    continue;
                }
                Step step = new Step(r);
                Schema before = current != null ? current : db.read();
                try {
                    db.apply(List.of(r));
                } catch (MigrationException e) {
                    step.fail(Kind.UP_FAILED, failedAt(e, r.up()), "up of '" + r.id() + "' fails: " + reason(e, r.id()),
                            List.of(), null);
                    blocker = r.id();
                    if (leavesUnknownState(r)) {
                        db = rebuild(db, applied);
                    }
                    current = null;
                    results.put(r.id(), step.result(t0, null));
                    continue;
                }
                applied.add(r);
                step.checks.add("up");
                Schema after = db.read();
                List<Change> made = SchemaDiff.compare(before, after);
                touched.put(r.id(), touchedBy(r, made));
                if (r.test() != null) {
                    runTestFile(db, r, step);
                }
                current = after;
                if (!r.isReversible()) {
                    results.put(r.id(), step.result(t0, "irreversible (no down): applied, not reverted"));
                    continue;
                }
                List<SqlStatement> down = statements(r, r.down());
                if (down.isEmpty()) {
                    if (!made.isEmpty()) {
                        step.fail(Kind.DOWN_DOES_NOTHING, new SourceSpan(display(r.down()), 1, 1), "revision '" + r.id()
                                + "' is declared reversible but its down does nothing, while its up changes "
                                + String.join(", ", SchemaObjects.objects(made)), SchemaObjects.objects(made),
                                "write the SQL that undoes the up, or remove 'down:' to declare the revision irreversible");
                    }
                    results.put(r.id(), step.result(t0, "down has no statements: not reverted"));
                    continue;
                }
                try {
                    db.revert(r);
                } catch (MigrationException e) {
                    step.fail(Kind.DOWN_FAILED, failedAt(e, r.down()), "down of '" + r.id() + "' fails: " + reason(e, r.id()),
                            List.of(), null);
                    if (leavesUnknownState(r)) {
                        db = rebuild(db, applied);
                        current = null;
                    }
                    results.put(r.id(), step.result(t0, null));
                    continue;
                }
                step.checks.add("down");
                Schema reverted = db.read();
                SourceSpan downFile = new SourceSpan(display(r.down()), 1, 1);
                for (Change c : SchemaDiff.compare(before, reverted)) {
                    step.fail(Kind.DOWN_MISMATCH, downFile, "down of '" + r.id() + "' " + SchemaObjects.afterDown(c),
                            List.of(SchemaObjects.object(c)), SchemaObjects.way(c) == SchemaObjects.Way.REMOVED
                                    ? "drop only what the up created" : "undo it in the down file");
                }
                try {
                    db.apply(List.of(r));
                } catch (MigrationException e) {
                    step.fail(Kind.UP_AGAIN_FAILED, failedAt(e, r.up()), "up of '" + r.id()
                            + "' fails when run again after its down: " + reason(e, r.id()), List.of(),
                            "the down must undo everything the up does, so that the up can run again");
                    db = rebuild(db, applied);
                    current = null;
                    results.put(r.id(), step.result(t0, null));
                    continue;
                }
                step.checks.add("up again");
                Schema again = db.read();
                List<Change> differences = SchemaDiff.compare(after, again);
                if (!differences.isEmpty()) {
                    step.fail(Kind.UP_AGAIN_MISMATCH, downFile, "after down of '" + r.id() + "' and its up again the"
                            + " schema is not the same as after the first up: " + differences.stream()
                                    .map(SchemaObjects::difference).collect(Collectors.joining(", ")),
                            SchemaObjects.objects(differences), "the down must undo exactly what the up does");
                    db = rebuild(db, applied);
                    current = null;
                } else {
                    current = again;
                }
                results.put(r.id(), step.result(t0, null));
            }
        } finally {
            db.close();
        }
        for (Revision r : order) {
            RevisionTestResult result = results.get(r.id());
            if (r.isMerge() && result != null && result.outcome() != Outcome.SKIPPED) {
                long t0 = System.nanoTime();
                List<MigrationTestFailure> found = merge(r);
                List<String> checks = new ArrayList<>(result.checks());
                checks.add("branch orders");
                Outcome outcome = found.isEmpty() ? result.outcome() : Outcome.FAILED;
                results.put(r.id(), new RevisionTestResult(r.id(), outcome, checks, result.note(),
                        result.elapsedMs() + (System.nanoTime() - t0) / 1_000_000));
            }
        }
        return List.copyOf(results.values());
    }

    /** The checks and failures of one revision. */
    private final class Step {
        final Revision revision;
        final List<String> checks = new ArrayList<>();
        boolean failed;

        Step(Revision revision) {
            this.revision = revision;
        }

        void fail(Kind kind, SourceSpan where, String message, List<String> objects, String hint) {
            failed = true;
            failures.add(new MigrationTestFailure(kind, revision.id(), where, message, objects, hint));
        }

        RevisionTestResult result(long started, String note) {
            return new RevisionTestResult(revision.id(), failed ? Outcome.FAILED : Outcome.PASSED, checks, note,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void fail(Kind kind, Revision r, SourceSpan where, String message, List<String> objects, String hint) {
        failures.add(new MigrationTestFailure(kind, r.id(), where, message, objects, hint));
    }

    /**
     * The top-level objects a revision's up touches: those whose schema it changed, and the tables
     * its statements name (a {@code CREATE TABLE IF NOT EXISTS} that found the table changes nothing,
     * but still touches it). Lower case, unqualified, to compare across revisions.
     */
    private Set<String> touchedBy(Revision r, List<Change> made) {
        Set<String> out = new LinkedHashSet<>();
        SchemaObjects.roots(made).forEach(o -> out.add(o.toLowerCase(java.util.Locale.ROOT)));
        for (SqlStatement s : statements(r, r.up())) {
            for (String table : StatementClassifier.classify(s.sql(), Dialects.of(dialect).splitOptions()).tables()) {
                String name = table.substring(table.lastIndexOf('.') + 1).replaceAll("[\"`\\[\\]]", "");
                out.add(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** Whether a failed revision may have left statements behind (no transaction to roll back). */
    private boolean leavesUnknownState(Revision r) {
        return !r.transactional() || !Dialects.of(dialect).transactionalDdl();
    }

    private static RevisionTestResult skipped(Revision r, String why) {
        return new RevisionTestResult(r.id(), Outcome.SKIPPED, List.of(), why, 0);
    }

    /**
     * A new scratch database with {@code applied} applied, for when the state of the old one is not
     * known (a revision failed half-way, as on MySQL, or its down could not run).
     */
    private Scratch rebuild(Scratch old, List<Revision> applied) {
        old.close();
        Scratch db = Scratch.open(loaded, dialect, devUrl);
        try {
            db.apply(applied);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The statements of the test file, in a transaction that is rolled back: checks change nothing. */
    private void runTestFile(Scratch db, Revision r, Step step) {
        List<SqlStatement> statements = statements(r, r.test());
        step.checks.add("test");
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (SqlStatement statement : statements) {
                    try {
                        s.execute(statement.sql());
                    } catch (SQLException e) {
                        step.fail(Kind.TEST_FAILED, statement.span(), "test of '" + r.id() + "' fails after its up: "
                                + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "), List.of(), "the up must leave the data this check expects");
                        break;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot run the test file of '" + r.id() + "' on the scratch database: "
                    + e.getMessage(), r.id(), e.getSQLState(), e);
        }
    }

    private List<SqlStatement> statements(Revision r, SqlRef ref) {
        String relative = ref.pathFor(dialect).orElse(null);
        if (relative == null) {
            return List.of();
        }
        try {
            return SqlSplitter.split(loaded.sources().of(relative).text(), display(ref),
                    Dialects.of(dialect).splitOptions());
        } catch (IOException e) {
            throw new MigrationException(display(ref) + ": cannot be read: " + e.getMessage(), r.id(), null, e);
        }
    }

    /** A file as the user named it: the changelog's folder (as given) joined with the relative path. */
    private String display(SqlRef ref) {
        String relative = ref.pathFor(dialect).orElse("");
        Path parent = changelog.file().getParent();
        return (parent == null ? Path.of(relative) : parent.resolve(relative)).normalize().toString();
    }

    private SourceSpan failedAt(MigrationException e, SqlRef file) {
        return e.where().orElseGet(() -> new SourceSpan(display(file), 1, 1));
    }

    /**
     * The failure in one line, without the location {@code where} already gives and without the
     * hint (the report gives its own): {@code statement 1 of 2: CREATE TABLE t (...): sqlite: ...}.
     */
    private static String reason(MigrationException e, String revisionId) {
        String m = e.getMessage().strip();
        String where = e.where().map(w -> w + ": ").orElse("");
        if (!where.isEmpty() && m.startsWith(where)) {
            m = m.substring(where.length());
        }
        m = m.replace("revision '" + revisionId + "' failed at ", "");
        List<String> kept = new ArrayList<>();
        for (String line : m.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("hint:")) {
                kept.add(line.strip());
            }
        }
        return String.join(": ", kept);
    }

    // ---- merges: the parent branches in every order the graph allows ---------------------------

    private List<MigrationTestFailure> merge(Revision merge) {
        Set<String> common = new LinkedHashSet<>(graph.ancestors(List.of(merge.parents().get(0))));
        for (String parent : merge.parents()) {
            common.retainAll(graph.ancestors(List.of(parent)));
        }
        Set<String> assigned = new HashSet<>(common);
        List<List<String>> branches = new ArrayList<>();
        for (String parent : merge.parents()) {
            List<String> branch = new ArrayList<>();
            for (String id : graph.ancestors(List.of(parent))) {
                if (assigned.add(id)) {
                    branch.add(id);
                }
            }
            branches.add(branch);
        }
        Set<String> union = new HashSet<>();
        branches.forEach(union::addAll);
        Map<String, Set<String>> requires = new HashMap<>();
        for (String id : union) {
            Set<String> needs = new HashSet<>(graph.ancestors(List.of(id)));
            needs.retainAll(union);
            needs.remove(id);
            requires.put(id, needs);
        }
        List<List<String>> orders = MergeOrders.of(branches, requires);
        if (orders.size() < 2) {
            return List.of();
        }
        List<Revision> base = graph.topologicalOrder().stream().filter(r -> common.contains(r.id())).toList();
        List<OrderResult> outcomes = new ArrayList<>();
        for (List<String> order : orders) {
            outcomes.add(runOrder(base, order));
        }
        List<MigrationTestFailure> found = new ArrayList<>();
        OrderResult first = outcomes.get(0);
        for (int i = 1; i < outcomes.size(); i++) {
            OrderResult other = outcomes.get(i);
            String difference;
            List<String> objects = List.of();
            Set<String> roots = Set.of();
            if (first.schema != null && other.schema != null) {
                List<Change> changes = SchemaDiff.compare(first.schema, other.schema);
                if (changes.isEmpty()) {
                    continue;
                }
                objects = SchemaObjects.objects(changes);
                roots = SchemaObjects.roots(changes);
                difference = "the schemas differ: " + changes.stream().map(SchemaObjects::difference)
                        .collect(Collectors.joining(", ")) + " (in the second order)";
            } else if (first.schema == null && other.schema == null) {
                continue; // every order fails: the stairway reports the revision whose up fails
            } else {
                difference = (first.error != null ? "the first fails: " + first.error
                        : "the second fails: " + other.error);
            }
            String pairs = pairs(branches, roots);
            found.add(new MigrationTestFailure(Kind.BRANCHES_DO_NOT_COMMUTE, merge.id(), merge.spanOf("id"),
                    "the branches merged by '" + merge.id() + "' do not commute: " + pairs + "applied as "
                            + String.join(", ", first.order) + " and as " + String.join(", ", other.order) + ", "
                            + difference,
                    objects, "make the revisions independent, or make one branch depend on the other (depends_on)"));
        }
        failures.addAll(found);
        return found;
    }

    /** The schema one order of the branches gives, or the failure it meets. */
    private record OrderResult(List<String> order, Schema schema, String error) {
    }

    private OrderResult runOrder(List<Revision> base, List<String> order) {
        try (Scratch db = Scratch.open(loaded, dialect, devUrl)) {
            db.apply(base);
            for (String id : order) {
                try {
                    db.apply(List.of(graph.get(id)));
                } catch (MigrationException e) {
                    return new OrderResult(order, null, "'" + id + "' fails after " + String.join(", ",
                            order.subList(0, order.indexOf(id))) + ": " + reason(e, id));
                }
            }
            return new OrderResult(order, db.read(), null);
        }
    }

    /**
     * The pairs of revisions on different branches that touch the same objects (preferring the
     * objects that differ), as words ending in a space, or "" when no pair touches a common object.
     */
    private String pairs(List<List<String>> branches, Set<String> differing) {
        List<String> found = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            for (int j = i + 1; j < branches.size(); j++) {
                for (String a : branches.get(i)) {
                    for (String b : branches.get(j)) {
                        Set<String> both = new LinkedHashSet<>(touched.getOrDefault(a, Set.of()));
                        both.retainAll(touched.getOrDefault(b, Set.of()));
                        if (both.isEmpty()) {
                            continue;
                        }
                        Set<String> relevant = new LinkedHashSet<>(both);
                        relevant.retainAll(differing);
                        String words = "'" + a + "' and '" + b + "' both touch "
                                + String.join(", ", relevant.isEmpty() ? both : relevant);
                        (relevant.isEmpty() ? loose : found).add(words);
                    }
                }
            }
        }
        List<String> chosen = found.isEmpty() ? loose : found;
        return chosen.isEmpty() ? "" : String.join("; ", chosen) + "; ";
    }
}
