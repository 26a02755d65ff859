package io.graft.internal.migrate;

import io.graft.AppliedRevision;
import io.graft.ChangelogException;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.DriftException;
import io.graft.GraftException;
import io.graft.LogEntry;
import io.graft.MigrationException;
import io.graft.MigrationListener;
import io.graft.Problem;
import io.graft.RepairAction;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.Status;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.internal.changelog.SqlSources;
import io.graft.internal.concurrent.Background;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.dialect.RunSession;
import io.graft.internal.graph.Planner;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.graph.StampPlan;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs plans against a database: takes the lock, reads the history once, checks for drift, plans,
 * reads and checks every script before the first statement runs, then applies revision by
 * revision, each with its history row in one transaction (or, where that is impossible, with a
 * {@code running} row that counts statements).
 */
public final class Migrator {

    private final Changelog changelog;
    private final RevisionGraph graph;
    private final Planner planner;
    private final Dialect dialect;
    private final DataSource dataSource;
    private final HistoryStore history;
    private final ScriptReader scripts;
    private final StatementRunner runner;
    private final Duration lockTimeout;
    private final List<MigrationListener> listeners;

    public Migrator(Changelog changelog, SqlSources sources, RevisionGraph graph, Dialect dialect,
            DataSource dataSource, HistoryTables tables, Duration lockTimeout, List<MigrationListener> listeners) {
        this.changelog = changelog;
        this.graph = graph;
        this.planner = new Planner(graph);
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.history = new HistoryStore(dialect, tables);
        this.scripts = new ScriptReader(changelog, sources, dialect.id());
        this.runner = new StatementRunner(dialect);
        this.lockTimeout = lockTimeout;
        this.listeners = List.copyOf(listeners);
    }

    // ---------------------------------------------------------------- reads (no lock, no writes)

    public Status status() {
        List<AppliedRevision> rows = readRows();
        Set<String> applied = appliedIds(rows);
        return new Status(rows, current(applied), planner.pending(applied).steps(), graph.heads(), drift(rows));
    }

    /** The applied set, for resolving relative targets. */
    public Set<String> appliedIds() {
        return appliedIds(readRows());
    }

    public List<LogEntry> log(int limit) {
        try (Connection c = dataSource.getConnection()) {
            return history.readLog(c, limit);
        } catch (SQLException e) {
            throw databaseError("reading the log", e);
        }
    }

    private List<AppliedRevision> readRows() {
        try (Connection c = dataSource.getConnection()) {
            return history.read(c);
        } catch (SQLException e) {
            throw databaseError("reading the history", e);
        }
    }

    // ---------------------------------------------------------------- runs

    public RunResult upgrade(String target) {
        return run(Direction.UP, target, applied -> planner.upgrade(target, applied).steps());
    }

    public RunResult downgrade(String target) {
        return run(Direction.DOWN, target, applied -> planner.downgrade(target, applied).steps());
    }

    private RunResult run(Direction direction, String target, Function<Set<String>, List<Revision>> planner) {
        long started = System.nanoTime();
        PendingChecksums checksums = checksumsMeanwhile();
        try (RunSession session = openSession()) {
            Connection c = session.connection();
            List<AppliedRevision> rows = history.read(c);
            requireNoDrift(rows, checksums);
            Set<String> applied = appliedIds(rows);
            List<Revision> steps = planner.apply(applied);
            List<Script> plan = prepare(steps, direction, c.getMetaData().getDatabaseMajorVersion());
            List<String> ids = steps.stream().map(Revision::id).toList();
            listeners.forEach(l -> l.planned(direction, ids));
            List<RevisionStep> done = new ArrayList<>();
            if (!plan.isEmpty()) {
                history.create(c);
                String user = user(c);
                for (int i = 0; i < plan.size(); i++) {
                    Script script = plan.get(i);
                    int index = i;
                    listeners.forEach(l -> l.revisionStarted(script.revision().id(), direction, index, plan.size()));
                    RevisionStep step = apply(session, script, user);
                    done.add(step);
                    if (direction == Direction.UP) {
                        applied.add(step.revisionId());
                    } else {
                        applied.remove(step.revisionId());
                    }
                    listeners.forEach(l -> l.revisionFinished(step, index, plan.size()));
                }
            }
            session.finish();
            return new RunResult(direction, target, done, current(applied), millisSince(started));
        } catch (SQLException e) {
            throw databaseError("running " + (direction == Direction.UP ? "up" : "down"), e);
        }
    }

    /**
     * The script {@code up}/{@code down} would run, for the database's own client. With
     * {@code from} the applied set is taken to be {@code from} and its ancestors, and no connection
     * is made; without it the history is read (no lock, no writes).
     */
    public String script(Direction direction, String target, String from) {
        Set<String> applied = from == null ? appliedIds()
                : new LinkedHashSet<>(planner.stamp(from, Set.of()).add().stream().map(Revision::id).toList());
        List<Revision> steps = direction == Direction.UP
                ? planner.upgrade(target, applied).steps()
                : planner.downgrade(target, applied).steps();
        List<Script> plan = prepare(steps, direction, 0);
        return new OfflineScript(dialect, history.tables()).write(direction, target, plan, this::runsInTransaction);
    }

    /** Reads and splits every script of the plan, and refuses the run before anything executes if one cannot run. */
    private List<Script> prepare(List<Revision> steps, Direction direction, int serverMajorVersion) {
        List<Script> plan = new ArrayList<>(steps.size());
        List<Problem> problems = new ArrayList<>();
        // Reading and splitting the files is most of the work before the first statement; it is
        // done on all cores, and the results are taken in plan order.
        List<Object> read = steps.parallelStream().map(revision -> {
            try {
                return (Object) scripts.read(revision, direction);
            } catch (ChangelogException e) {
                return e;
            }
        }).toList();
        for (Object result : read) {
            if (result instanceof ChangelogException e) {
                problems.addAll(e.problems());
                continue;
            }
            Script script = (Script) result;
            Revision revision = script.revision();
            if (revision.transactional()) {
                for (SqlStatement s : script.statements()) {
                    dialect.nonTransactionalReason(s, serverMajorVersion).ifPresent(reason -> problems.add(Problem.at(s.span(),
                            reason + ", but revision '" + revision.id() + "' runs in a transaction: "
                                    + StatementInspector.firstLine(s.sql()),
                            "set 'transaction: false' on revision '" + revision.id()
                                    + "' (its statements then autocommit one by one)")));
                    if (StatementInspector.isTransactionControl(s.sql(), dialect.id())) {
                        problems.add(Problem.at(s.span(), "the file controls the transaction itself ("
                                + StatementInspector.firstLine(s.sql()) + "), but Graft already runs revision '"
                                + revision.id() + "' in a transaction",
                                "remove the statement: Graft commits the revision together with its history row;"
                                        + " or set 'transaction: false' on the revision"));
                    }
                }
            }
            plan.add(script);
        }
        if (!problems.isEmpty()) {
            throw new ChangelogException(problems);
        }
        return plan;
    }

    private boolean runsInTransaction(Script script) {
        if (!script.revision().transactional()) {
            return false;
        }
        return dialect.transactionalDdl()
                || script.statements().stream().noneMatch(s -> StatementInspector.isDdl(s.sql()));
    }

    private RevisionStep apply(RunSession session, Script script, String user) throws SQLException {
        return runsInTransaction(script) ? applyInTransaction(session, script, user) : applyStepwise(session, script, user);
    }

    private RevisionStep applyInTransaction(RunSession session, Script script, String user) throws SQLException {
        Connection c = session.connection();
        Revision revision = script.revision();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        int total = script.statements().size();
        session.beginRevision();
        int done = 0;
        try {
            for (SqlStatement statement : script.statements()) {
                runner.execute(c, statement);
                done++;
            }
            long ms = millisSince(t0);
            if (script.direction() == Direction.UP) {
                history.recordApplied(c, row(script, AppliedRevision.State.APPLIED, total, ms, user),
                        operation(script), start, Instant.now(), user);
            } else {
                history.recordReverted(c, revision.id(), operation(script), start, Instant.now(), user);
            }
            session.commitRevision();
            return new RevisionStep(revision.id(), revision.description(), script.direction(), total, ms);
        } catch (SQLException e) {
            GraftException failure = done < total
                    ? runner.failure(script, done, e, null)
                    : databaseError("recording revision '" + revision.id() + "'", e);
            try {
                session.rollbackRevision();
                history.log(c, operation(script), revision.id(), start, Instant.now(), false, failure.getMessage(), user);
                session.finish();
            } catch (SQLException logFailure) {
                failure.addSuppressed(logFailure);
            }
            throw failure;
        }
    }

    /**
     * A revision that cannot be atomic ({@code transaction: false}, or DDL on MySQL): a
     * {@code running} row first, the count of completed statements after each one, and
     * {@code applied} (or no row, going down) at the end.
     */
    private RevisionStep applyStepwise(RunSession session, Script script, String user) throws SQLException {
        Connection c = session.connection();
        Revision revision = script.revision();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        int total = script.statements().size();
        session.suspend();
        if (script.direction() == Direction.UP) {
            history.insert(c, row(script, AppliedRevision.State.RUNNING, 0, 0, user), Direction.UP);
        } else {
            history.markRunning(c, revision.id(), Direction.DOWN, total, start);
        }
        int done = 0;
        try {
            for (SqlStatement statement : script.statements()) {
                runner.execute(c, statement);
                done++;
                history.progress(c, revision.id(), done);
            }
        } catch (SQLException e) {
            String hint = "revision '" + revision.id() + "' does not run in a transaction, so its first " + done
                    + " statement(s) stay committed; fix the cause, then either finish the rest by hand and run"
                    + " 'graft repair " + revision.id() + " --applied', or undo the first " + done
                    + " by hand and run 'graft repair " + revision.id() + " --rolled-back'";
            MigrationException failure = runner.failure(script, done, e, hint);
            try {
                SqlStatement failed = script.statements().get(done);
                history.failed(c, revision.id(), done, failed.span() + ": " + StatementRunner.databaseMessage(e));
                history.log(c, operation(script), revision.id(), start, Instant.now(), false, failure.getMessage(), user);
            } catch (SQLException logFailure) {
                failure.addSuppressed(logFailure);
            }
            throw failure;
        }
        long ms = millisSince(t0);
        if (script.direction() == Direction.UP) {
            history.markApplied(c, revision.id(), total, ms, Instant.now());
        } else {
            history.delete(c, revision.id());
        }
        history.log(c, operation(script), revision.id(), start, Instant.now(), true, null, user);
        session.resume();
        return new RevisionStep(revision.id(), revision.description(), script.direction(), total, ms);
    }

    private static String operation(Script script) {
        return script.direction() == Direction.UP ? "up" : "down";
    }

    private AppliedRevision row(Script script, AppliedRevision.State state, int done, long ms, String user) {
        Revision r = script.revision();
        return new AppliedRevision(r.id(), r.parents(), script.checksum(), state, done, script.statements().size(),
                null, Instant.now(), user, ms, r.description());
    }

    // ---------------------------------------------------------------- stamp and repair

    public RunResult stamp(String target) {
        long started = System.nanoTime();
        try (RunSession session = openSession()) {
            Connection c = session.connection();
            Set<String> applied = appliedIds(history.read(c));
            StampPlan plan = planner.stamp(target, applied);
            Map<String, String> checksums = plan.add().stream()
                    .collect(Collectors.toMap(Revision::id, scripts::upChecksum));
            List<RevisionStep> steps = new ArrayList<>();
            if (!plan.add().isEmpty() || !plan.remove().isEmpty()) {
                history.create(c);
                String user = user(c);
                Instant now = Instant.now();
                session.beginRevision();
                for (Revision removed : plan.remove()) {
                    String id = removed.id();
                    history.delete(c, id);
                    history.log(c, "stamp", id, now, now, true, "removed", user);
                    applied.remove(id);
                    steps.add(new RevisionStep(id, null, Direction.DOWN, 0, 0));
                }
                for (Revision r : plan.add()) {
                    history.insert(c, new AppliedRevision(r.id(), r.parents(), checksums.get(r.id()),
                            AppliedRevision.State.APPLIED, 0, 0, null, now, user, 0, r.description()), Direction.UP);
                    history.log(c, "stamp", r.id(), now, now, true, null, user);
                    applied.add(r.id());
                    steps.add(new RevisionStep(r.id(), r.description(), Direction.UP, 0, 0));
                }
                session.commitRevision();
            }
            session.finish();
            return new RunResult(Direction.UP, target, steps, current(applied), millisSince(started));
        } catch (SQLException e) {
            throw databaseError("stamping", e);
        }
    }

    public RunResult stampPurge() {
        long started = System.nanoTime();
        try (RunSession session = openSession()) {
            Connection c = session.connection();
            List<AppliedRevision> rows = history.read(c);
            List<RevisionStep> steps = new ArrayList<>();
            if (!rows.isEmpty()) {
                String user = user(c);
                Instant now = Instant.now();
                session.beginRevision();
                history.deleteAll(c);
                history.log(c, "stamp", null, now, now, true, "purged " + rows.size() + " revision(s)", user);
                session.commitRevision();
                rows.forEach(r -> steps.add(new RevisionStep(r.id(), r.description(), Direction.DOWN, 0, 0)));
            }
            session.finish();
            return new RunResult(Direction.DOWN, "--purge", steps, List.of(), millisSince(started));
        } catch (SQLException e) {
            throw databaseError("purging the history", e);
        }
    }

    /** Accepts the current checksum of every applied revision whose up file changed. */
    public List<String> repairChecksums() {
        try (RunSession session = openSession()) {
            Connection c = session.connection();
            List<String> repaired = new ArrayList<>();
            List<AppliedRevision> rows = history.read(c);
            String user = null;
            Instant now = Instant.now();
            for (AppliedRevision row : rows) {
                Revision revision = graph.find(row.id()).orElse(null);
                if (revision == null || row.state() != AppliedRevision.State.APPLIED) {
                    continue;
                }
                String current = scripts.upChecksum(revision);
                if (!current.equals(row.checksum())) {
                    if (user == null) {
                        user = user(c);
                        session.beginRevision();
                    }
                    history.updateChecksum(c, row.id(), current);
                    history.log(c, "repair", row.id(), now, now, true,
                            "checksum " + row.checksum() + " -> " + current, user);
                    repaired.add(row.id());
                }
            }
            if (user != null) {
                session.commitRevision();
            }
            session.finish();
            return repaired;
        } catch (SQLException e) {
            throw databaseError("repairing checksums", e);
        }
    }

    /** Resolves a revision left {@code running}, or forgets a row the changelog does not know ({@code ROLLED_BACK}). */
    public void repair(String id, RepairAction action) {
        try (RunSession session = openSession()) {
            Connection c = session.connection();
            AppliedRevision row = history.read(c).stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new MigrationException("revision '" + id + "' has no row in "
                            + history.tables().revisionsName() + ": there is nothing to repair"
                            + "\n  hint: 'graft status' lists the rows and what blocks a run"));
            boolean known = graph.find(id).isPresent();
            if (row.state() != AppliedRevision.State.RUNNING && known) {
                throw new MigrationException("revision '" + id + "' is applied, not running: there is nothing to repair"
                        + "\n  hint: use 'graft down' to revert it, or 'graft repair' (no id) to accept changed checksums");
            }
            if (action == RepairAction.APPLIED && !known) {
                throw new MigrationException("revision '" + id + "' is not in the changelog, so it cannot be marked applied"
                        + "\n  hint: restore it in the changelog, or forget the row with 'graft repair " + id + " --rolled-back'");
            }
            String user = user(c);
            Instant now = Instant.now();
            session.beginRevision();
            if (action == RepairAction.APPLIED) {
                Revision revision = graph.find(id).orElseThrow();
                history.markApplied(c, id, row.statementsTotal(), row.executionMs(), now);
                history.updateChecksum(c, id, scripts.upChecksum(revision));
                history.log(c, "repair", id, now, now, true, "marked applied", user);
            } else {
                history.delete(c, id);
                history.log(c, "repair", id, now, now, true, "marked rolled back", user);
            }
            session.commitRevision();
            session.finish();
        } catch (SQLException e) {
            throw databaseError("repairing '" + id + "'", e);
        }
    }

    // ---------------------------------------------------------------- drift

    /**
     * The up-file checksum of every revision of the changelog, computed on other threads while
     * the run takes its lock and reads the history: a run must verify the applied ones before it
     * does anything, and on a database that is up to date that is most of its work. A file that
     * cannot be read is left out here and reported when its checksum is asked for.
     */
    private PendingChecksums checksumsMeanwhile() {
        AtomicBoolean unwanted = new AtomicBoolean();
        CompletableFuture<Map<String, String>> result = Background.start("graft-checksums", () -> {
            Map<String, String> byId = new ConcurrentHashMap<>();
            changelog.revisions().parallelStream()
                    .filter(revision -> !unwanted.get() && revision.up().pathFor(dialect.id()).isPresent())
                    .forEach(revision -> {
                        try {
                            byId.put(revision.id(), scripts.upChecksum(revision));
                        } catch (ChangelogException e) {
                            // reported by drift() when this revision turns out to be applied
                        }
                    });
            return byId;
        });
        return new PendingChecksums(result, unwanted);
    }

    /** Checksums being computed, and how to say they are not needed after all (nothing is applied). */
    private record PendingChecksums(CompletableFuture<Map<String, String>> result, AtomicBoolean unwanted) {
    }

    private void requireNoDrift(List<AppliedRevision> rows, PendingChecksums checksums) {
        if (rows.isEmpty()) {
            checksums.unwanted().set(true);
            return;
        }
        List<Drift> drift = drift(rows, Background.join(checksums.result()));
        if (!drift.isEmpty()) {
            throw new DriftException(drift);
        }
    }

    /** Everything that blocks a run: running rows, rows the changelog does not know, changed checksums. */
    public List<Drift> drift(List<AppliedRevision> rows) {
        return drift(rows, Map.of());
    }

    /** {@link #drift(List)}, with the checksums already known; the others are computed here. */
    private List<Drift> drift(List<AppliedRevision> rows, Map<String, String> known) {
        List<Drift> drift = new ArrayList<>();
        Map<String, String> checksums = new HashMap<>(known);
        List<AppliedRevision> unknown = rows.stream().filter(row -> !known.containsKey(row.id())).toList();
        checksums.putAll(currentChecksums(unknown));
        for (AppliedRevision row : rows) {
            Revision revision = graph.find(row.id()).orElse(null);
            if (revision == null) {
                drift.add(new Drift(Drift.Kind.UNKNOWN_REVISION, row.id(), "the database holds revision '" + row.id()
                        + "', which the changelog " + changelog.file() + " does not declare",
                        "restore the revision in the changelog (or use the changelog that applied it);"
                                + " if it was removed on purpose, 'graft repair " + row.id() + " --rolled-back' forgets the row"));
                continue;
            }
            if (row.state() == AppliedRevision.State.RUNNING) {
                drift.add(new Drift(Drift.Kind.RUNNING, row.id(), runningMessage(row, revision),
                        "check which statements took effect, finish or undo the rest by hand, then run 'graft repair "
                                + row.id() + " --applied' or 'graft repair " + row.id() + " --rolled-back'"));
                continue;
            }
            String current = checksums.get(row.id());
            if (!current.equals(row.checksum())) {
                String file = scripts.displayPath(scripts.relativePath(revision, Direction.UP));
                drift.add(new Drift(Drift.Kind.CHECKSUM_CHANGED, row.id(), "revision '" + row.id()
                        + "' was applied, but its file " + file + " has changed since (checksum "
                        + abbreviate(row.checksum()) + " applied, " + abbreviate(current) + " now)",
                        "restore the file as it was applied, or run 'graft repair' to accept the new checksum"));
            }
        }
        return drift;
    }

    /** The up file's checksum of every applied row the changelog knows, read on all cores. */
    private Map<String, String> currentChecksums(List<AppliedRevision> rows) {
        List<Revision> applied = rows.stream()
                .filter(row -> row.state() != AppliedRevision.State.RUNNING)
                .flatMap(row -> graph.find(row.id()).stream())
                .toList();
        List<String> sums = applied.parallelStream().map(scripts::upChecksum).toList();
        Map<String, String> byId = new HashMap<>();
        for (int i = 0; i < applied.size(); i++) {
            byId.put(applied.get(i).id(), sums.get(i));
        }
        return byId;
    }

    private String runningMessage(AppliedRevision row, Revision revision) {
        StringBuilder m = new StringBuilder("revision '").append(row.id()).append("' was left running: ")
                .append(row.statementsDone()).append(" of ").append(row.statementsTotal())
                .append(" statement(s) completed");
        if (row.failedStatement() != null) {
            m.append("; it stopped at ").append(row.failedStatement());
        } else {
            m.append(nextStatement(row, revision));
        }
        return m.toString();
    }

    /** A run killed in a non-transactional revision records no failure: name the statement that was next. */
    private String nextStatement(AppliedRevision row, Revision revision) {
        try {
            List<SqlStatement> statements = scripts.read(revision, Direction.UP).statements();
            if (row.statementsDone() < statements.size()) {
                SqlStatement next = statements.get(row.statementsDone());
                return "; the run stopped before or during " + next.span() + ": "
                        + StatementInspector.firstLine(next.sql());
            }
        } catch (GraftException ignored) {
            // The file may be gone or broken: the count alone still says where it stopped.
        }
        return "";
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }

    // ---------------------------------------------------------------- helpers

    private RunSession openSession() throws SQLException {
        return dialect.openSession(dataSource, history.tables(), lockTimeout,
                () -> listeners.forEach(l -> l.waitingForLock("another run")));
    }

    private List<String> current(Set<String> applied) {
        return planner.current(applied).stream().map(Revision::id).toList();
    }

    private static Set<String> appliedIds(List<AppliedRevision> rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (AppliedRevision row : rows) {
            if (row.state() == AppliedRevision.State.APPLIED) {
                ids.add(row.id());
            }
        }
        return ids;
    }

    private static String user(Connection c) {
        try {
            String user = c.getMetaData().getUserName();
            if (user != null && !user.isBlank()) {
                return user;
            }
        } catch (SQLException ignored) {
            // Fall back to the operating-system user.
        }
        return System.getProperty("user.name");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private MigrationException databaseError(String doing, SQLException e) {
        return new MigrationException("database error while " + doing + ": " + StatementRunner.databaseMessage(e)
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), null, e.getSQLState(), e);
    }
}
