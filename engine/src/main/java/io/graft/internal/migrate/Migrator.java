package io.graft.internal.migrate;

import static io.graft.internal.migrate.RunContext.databaseError;
import static io.graft.internal.migrate.RunContext.millisSince;
import static io.graft.internal.migrate.RunContext.user;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.DriftException;
import io.graft.Hints;
import io.graft.LogEntry;
import io.graft.MigrationException;
import io.graft.MigrationInterruptedException;
import io.graft.MigrationListener;
import io.graft.RepairAction;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.SourceSpan;
import io.graft.Status;
import io.graft.Target;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.internal.changelog.SqlSources;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.dialect.RunSession;
import io.graft.internal.graph.Planner;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.sql.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs plans against a database: takes the lock, reads the history once, checks for drift
 * ({@link DriftCheck}), plans, reads and checks every script before the first statement runs
 * ({@link Preflight}), then applies revision by revision ({@link RevisionApplier}). Writing the
 * history without SQL ({@code stamp}, {@code repair}) is {@link HistoryBookkeeping}'s.
 *
 * <p>Targets arrive parsed, and their names already checked against the graph by the facade.
 */
public final class Migrator {

    private final RunContext run;
    private final Preflight preflight;
    private final RevisionApplier applier;
    private final DriftCheck drift;
    private final HistoryBookkeeping bookkeeping;
    private final AfterRun afterRun;
    private final Replacements replacements;

    /**
     * What a run does once it has changed the database, on the run's connection with the lock
     * still held, in a transaction of its own ({@code graft up} records the schema). A failure is
     * written to the log and does not fail the run: the revisions are applied by then.
     */
    @FunctionalInterface
    public interface AfterRun {
        AfterRun NONE = (c, applied) -> { };

        /** @param applied the revisions applied once the run finished */
        void changed(Connection c, Set<String> applied) throws SQLException;
    }

    /**
     * @param dataSource {@code null} for a migrator that never connects: it writes offline scripts
     *     from a known state, and reads an empty history (an SQLite file that does not exist yet)
     */
    public Migrator(Changelog changelog, SqlSources sources, RevisionGraph graph, Dialect dialect,
            DataSource dataSource, HistoryTables tables, Duration lockTimeout, List<MigrationListener> listeners,
            Cancellation cancellation) {
        this(changelog, sources, graph, dialect, dataSource, tables, lockTimeout, listeners, cancellation,
                AfterRun.NONE);
    }

    public Migrator(Changelog changelog, SqlSources sources, RevisionGraph graph, Dialect dialect,
            DataSource dataSource, HistoryTables tables, Duration lockTimeout, List<MigrationListener> listeners,
            Cancellation cancellation, AfterRun afterRun) {
        this.afterRun = afterRun;
        this.replacements = new Replacements(changelog);
        HistoryStore history = new HistoryStore(dialect, tables);
        ScriptReader scripts = new ScriptReader(changelog, sources, dialect);
        StatementRunner runner = new StatementRunner(dialect, cancellation);
        this.run = new RunContext(changelog, graph, new Planner(graph), dialect, dataSource, history, scripts, runner,
                lockTimeout, listeners);
        this.preflight = new Preflight(scripts, dialect);
        this.applier = new RevisionApplier(dialect, history, runner);
        this.drift = new DriftCheck(run);
        this.bookkeeping = new HistoryBookkeeping(run);
    }

    // ---------------------------------------------------------------- reads (no lock, no writes)

    public Status status() {
        Replacements.View view = readView();
        List<AppliedRevision> rows = view.rows();
        Set<String> applied = RunContext.appliedIds(rows);
        List<Drift> problems = new ArrayList<>(view.drift());
        problems.addAll(drift.drift(rows));
        Set<String> changed = problems.isEmpty() ? drift.changedRepeatables(rows) : Set.of();
        return new Status(rows, run.current(applied), run.planner().pending(applied, changed).steps(),
                run.graph().heads(), problems);
    }

    /**
     * {@link #status()} without reading an SQL file: no drift (no checksum is verified), and
     * the pending list leaves out repeatable revisions whose file changed.
     */
    public Status applied() {
        List<AppliedRevision> rows = readRows();
        Set<String> applied = RunContext.appliedIds(rows);
        return new Status(rows, run.current(applied), run.planner().pending(applied, Set.of()).steps(),
                run.graph().heads(), List.of());
    }

    /** The applied set, for resolving relative targets. */
    public Set<String> appliedIds() {
        return RunContext.appliedIds(readRows());
    }

    public List<LogEntry> log(int limit) {
        if (run.dataSource() == null) {
            return List.of();
        }
        try (Connection c = run.dataSource().getConnection()) {
            return run.history().readLog(c, limit);
        } catch (SQLException e) {
            throw databaseError("reading the log", e);
        }
    }

    /** The history as the changelog sees it (squashed revisions folded); none without a database. */
    private List<AppliedRevision> readRows() {
        return readView().rows();
    }

    private Replacements.View readView() {
        if (run.dataSource() == null) {
            return replacements.view(List.of(), run.scripts()::upChecksum);
        }
        try (Connection c = run.dataSource().getConnection()) {
            return replacements.view(run.history().read(c), run.scripts()::upChecksum);
        } catch (SQLException e) {
            throw databaseError("reading the history", e);
        }
    }

    /**
     * The history read at the start of a run, under the lock: the rows of revisions a squashed
     * revision replaces are rewritten into its row first (committed on their own), and a
     * database that applied only some of them is refused.
     */
    private List<AppliedRevision> settledRows(RunSession session) throws SQLException {
        Connection c = session.connection();
        Replacements.View view = replacements.view(run.history().read(c), run.scripts()::upChecksum);
        if (!view.drift().isEmpty()) {
            throw new DriftException(view.drift());
        }
        if (!view.unchanged()) {
            session.beginRevision();
            replacements.settle(c, run.history(), view, user(c));
            session.commitRevision();
        }
        return view.rows();
    }

    // ---------------------------------------------------------------- runs

    public RunResult upgrade(Target target) {
        return run(Direction.UP, target, (applied, changed) -> run.planner().upgrade(target, applied, changed).steps());
    }

    public RunResult downgrade(Target target) {
        return run(Direction.DOWN, target, (applied, changed) -> run.planner().downgrade(target, applied).steps());
    }

    /**
     * Applies or reverts exactly {@code steps}, in this order, with the checks and history writes
     * of any run ({@code graft test}: one revision at a time, and the orders of branches at a merge).
     * The caller chose steps the graph allows: parents applied before, children reverted before.
     */
    public RunResult runSteps(Direction direction, List<Revision> steps) {
        Target target = steps.isEmpty() ? Target.HEADS : Target.parse(steps.get(steps.size() - 1).id());
        return run(direction, target, (applied, changed) -> steps);
    }

    private RunResult run(Direction direction, Target target,
            BiFunction<Set<String>, Set<String>, List<Revision>> plan) {
        long started = System.nanoTime();
        DriftCheck.Pending checksums = drift.checksumsMeanwhile();
        Set<String> applied = null;
        List<RevisionStep> done = new ArrayList<>();
        try (RunSession session = run.openSession()) {
            Connection c = session.connection();
            List<AppliedRevision> rows = settledRows(session);
            applied = RunContext.appliedIds(rows);
            drift.requireNone(rows, checksums);
            Set<String> changed = direction == Direction.UP ? drift.changedRepeatables(rows) : Set.of();
            List<Revision> steps = plan.apply(applied, changed);
            List<Script> scripts = preflight.prepare(steps, direction, c.getMetaData().getDatabaseMajorVersion());
            List<String> ids = steps.stream().map(Revision::id).toList();
            List<MigrationListener> listeners = run.listeners();
            listeners.forEach(l -> l.planned(direction, ids));
            if (!scripts.isEmpty()) {
                run.history().create(c);
                String user = user(c);
                for (int i = 0; i < scripts.size(); i++) {
                    Script script = scripts.get(i);
                    List<Script> rest = scripts.subList(i, scripts.size());
                    if (run.runner().cancelled()) {
                        session.finish();
                        throw interrupted(direction, null, rest, done, applied);
                    }
                    int index = i;
                    listeners.forEach(l -> l.revisionStarted(script.revision().id(), direction, index, scripts.size()));
                    boolean again = direction == Direction.UP && applied.contains(script.revision().id());
                    RevisionStep step;
                    try {
                        step = applier.apply(session, script, user, again);
                    } catch (RevisionInterrupted e) {
                        throw interrupted(direction, e, rest, done, applied);
                    }
                    done.add(step);
                    if (direction == Direction.UP) {
                        applied.add(step.revisionId());
                    } else {
                        applied.remove(step.revisionId());
                    }
                    listeners.forEach(l -> l.revisionFinished(step, index, scripts.size()));
                }
                afterRun(session, applied);
            }
            session.finish();
            return new RunResult(direction, target, done, run.current(applied), millisSince(started));
        } catch (SQLException e) {
            throw partial(databaseError("running " + (direction == Direction.UP ? "up" : "down"), e),
                    direction, target, done, applied, started);
        } catch (MigrationException e) {
            throw partial(e, direction, target, done, applied, started);
        }
    }

    /** Runs {@link #afterRun} in a transaction of its own; a failure goes to the log, not to the caller. */
    private void afterRun(RunSession session, Set<String> applied) throws SQLException {
        if (afterRun == AfterRun.NONE) {
            return;
        }
        Connection c = session.connection();
        Instant started = Instant.now();
        try {
            session.beginRevision();
            afterRun.changed(c, Set.copyOf(applied));
            session.commitRevision();
        } catch (SQLException | RuntimeException e) {
            try {
                session.rollbackRevision();
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            run.history().log(c, "record-schema", null, started, Instant.now(), false,
                    "the schema could not be recorded: " + e.getMessage(), user(c));
        }
    }

    /**
     * The error of a cancelled run: the revision it stopped in (null: between revisions), what
     * ran before, and the state the database is left in, in words.
     */
    private MigrationInterruptedException interrupted(Direction direction, RevisionInterrupted in, List<Script> rest,
            List<RevisionStep> done, Set<String> applied) {
        boolean up = direction == Direction.UP;
        List<String> notRun = rest.stream().map(s -> s.revision().id()).toList();
        StringBuilder m = new StringBuilder("the run was interrupted");
        if (in != null) {
            m.append(": ").append(in.getMessage());
        } else {
            m.append(" before revision '").append(notRun.get(0)).append("' started");
        }
        List<String> ran = done.stream().map(RevisionStep::revisionId).toList();
        m.append("\n  ").append(up ? "applied" : "reverted").append(" before the interruption: ")
                .append(ran.isEmpty() ? "none" : String.join(", ", ran));
        List<String> current = run.current(applied);
        m.append("\n  the database is at ").append(current.isEmpty() ? "<base>" : String.join(", ", current))
                .append("; ").append(up ? "not applied" : "not reverted").append(": ").append(String.join(", ", notRun));
        String hint;
        if (in != null && !in.nothingRemains()) {
            String id = in.script().revision().id();
            int next = in.done() + 1;
            hint = up
                    ? "'" + id + "' is recorded as running: run 'graft up --resume " + id + "' to continue from"
                            + " statement " + next + ", or finish the rest by hand and run 'graft repair " + id
                            + " --applied', or undo the first " + in.done() + " by hand and run 'graft repair " + id
                            + " --rolled-back'"
                    : "'" + id + "' is recorded as running (down): finish the rest of its down file by hand and run"
                            + " 'graft repair " + id + " --rolled-back', or undo the first " + in.done()
                            + " by hand and run 'graft repair " + id + " --applied'";
        } else {
            hint = up ? "run 'graft up' again to continue" : "run the same 'graft down' again to continue";
        }
        int total = in == null ? 0 : in.script().statements().size();
        return new MigrationInterruptedException(Hints.append(m.toString(), hint), in == null ? null : in.script().revision().id(),
                in == null ? 0 : in.done(), total, in == null ? null : in.nothingRemains(),
                in == null ? null : in.where(), notRun, in);
    }

    /** A failure that stopped a run, with what the run did before it (once the history was read). */
    private MigrationException partial(MigrationException e, Direction direction, Target target,
            List<RevisionStep> done, Set<String> applied, long started) {
        if (applied != null && e.partialRun().isEmpty()) {
            e.initPartialRun(new RunResult(direction, target, done, run.current(applied), millisSince(started)));
        }
        return e;
    }

    /**
     * Continues revision {@code id}, which a run left {@code running} going up, from the first
     * statement that did not complete. The rest of the history must be clean, as for any run. The
     * up file may have changed since (the usual fix is to the failed statement) only where it
     * cannot change what already ran: the same number of statements, and the failed one where it
     * was; a run that was killed, with no failure recorded, needs the file unchanged.
     */
    public RunResult resume(String id) {
        long started = System.nanoTime();
        DriftCheck.Pending checksums = drift.checksumsMeanwhile();
        try (RunSession session = run.openSession()) {
            Connection c = session.connection();
            List<AppliedRevision> rows = settledRows(session);
            List<String> runningIds = rows.stream().filter(AppliedRevision::running).map(AppliedRevision::id).toList();
            AppliedRevision row = rows.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new MigrationException(Hints.append("revision '" + id + "' is not running: it"
                            + " has no row in " + run.history().tables().revisionsName() + ", so there is nothing to"
                            + " resume", runningIds.isEmpty() ? "'graft up' applies it"
                            : "name the revision left running by its whole id: " + runningIds.stream()
                                    .map(r -> "'graft up --resume " + r + "'").collect(Collectors.joining(", ")))));
            if (!row.running()) {
                throw new MigrationException(Hints.append("revision '" + id + "' is applied, not running: there is"
                        + " nothing to resume", "'graft status' shows what is applied and what is pending"));
            }
            if (row.direction() == Direction.DOWN) {
                throw new MigrationException(Hints.append("revision '" + id + "' stopped while it was being reverted,"
                        + " after " + row.statementsDone() + " of " + row.statementsTotal() + " statement(s) of its"
                        + " down file; --resume continues upgrades only", "finish the down file's remaining"
                        + " statements by hand and run 'graft repair " + id + " --rolled-back', or undo the first "
                        + row.statementsDone() + " by hand and run 'graft repair " + id + " --applied'"));
            }
            Revision revision = run.graph().find(id).orElseThrow(() -> new MigrationException(Hints.append(
                    "revision '" + id + "' was left running, but the changelog " + run.changelog().file()
                            + " does not declare it, so its statements cannot be read",
                    "restore the revision in the changelog, or forget the row with 'graft repair " + id
                            + " --rolled-back'")));
            drift.requireNone(rows.stream().filter(r -> r != row).toList(), checksums);
            Script script = preflight.prepare(List.of(revision), Direction.UP,
                    c.getMetaData().getDatabaseMajorVersion()).get(0);
            requireResumable(row, script);
            List<MigrationListener> listeners = run.listeners();
            listeners.forEach(l -> l.planned(Direction.UP, List.of(id)));
            listeners.forEach(l -> l.revisionStarted(id, Direction.UP, 0, 1));
            RevisionStep step;
            try {
                step = applier.resume(session, script, row.statementsDone(), user(c));
            } catch (RevisionInterrupted e) {
                throw interrupted(Direction.UP, e, List.of(script), List.of(), RunContext.appliedIds(rows));
            }
            listeners.forEach(l -> l.revisionFinished(step, 0, 1));
            Set<String> applied = RunContext.appliedIds(rows);
            applied.add(id);
            afterRun(session, applied);
            session.finish();
            return new RunResult(Direction.UP, Target.parse(id), List.of(step), run.current(applied),
                    millisSince(started));
        } catch (SQLException e) {
            throw databaseError("resuming '" + id + "'", e);
        }
    }

    /**
     * Whether {@code failed} ({@code file:line:col: message}, as recorded) names {@code span}'s
     * place; the file only by its name, since the run may have named the changelog another way.
     */
    private static boolean stoppedAt(String failed, SourceSpan span) {
        String place = ":" + span.line() + ":" + span.column() + ": ";
        int at = failed.indexOf(place);
        String name = Path.of(span.file()).getFileName().toString();
        return at > 0 && failed.substring(0, at).endsWith(name);
    }

    /** Refuses a resumption that could run a statement twice or skip one. */
    private static void requireResumable(AppliedRevision row, Script script) {
        String id = row.id();
        int done = row.statementsDone();
        List<SqlStatement> statements = script.statements();
        String byHand = "or finish the rest by hand and run 'graft repair " + id + " --applied'";
        if (done >= statements.size()) {
            throw new MigrationException(Hints.append("revision '" + id + "' was left running after " + done
                    + " statement(s), but " + script.file() + " now holds " + statements.size()
                    + ": there is no statement to resume from", "restore the file as it ran, " + byHand));
        }
        if (script.checksum().equals(row.checksum())) {
            return;
        }
        SourceSpan next = statements.get(done).span();
        boolean sameShape = statements.size() == row.statementsTotal() && row.failedStatement() != null
                && stoppedAt(row.failedStatement(), next);
        if (!sameShape) {
            throw new MigrationException(Hints.append("revision '" + id + "' changed since it was left running"
                    + " (" + script.file() + "), in a way that could change which statements already ran: "
                    + (row.failedStatement() == null
                            ? "the run was interrupted, so the file must be as it ran"
                            : "it ran " + row.statementsTotal() + " statement(s) and stopped at "
                                    + row.failedStatement() + "; now it holds " + statements.size()
                                    + " and statement " + (done + 1) + " starts at " + next),
                    "edit only the failed statement and those after it, keeping the ones before it as they ran, "
                            + byHand));
        }
    }

    /**
     * The script {@code up}/{@code down} would run, for the database's own client. With
     * {@code from} the applied set is taken to be {@code from} and its ancestors, and no connection
     * is made; without it the history is read (no lock, no writes).
     */
    public String script(Direction direction, Target target, Target from) {
        Planner planner = run.planner();
        Set<String> applied;
        Set<String> changed = Set.of();
        if (from == null) {
            List<AppliedRevision> rows = readRows();
            applied = RunContext.appliedIds(rows);
            changed = drift.changedRepeatables(rows);
        } else {
            applied = new LinkedHashSet<>(planner.stamp(from, Set.of()).add().stream().map(Revision::id).toList());
        }
        List<Revision> steps = direction == Direction.UP
                ? planner.upgrade(target, applied, changed).steps()
                : planner.downgrade(target, applied).steps();
        List<Script> plan = preflight.prepare(steps, direction, 0);
        Set<String> before = applied;
        return new OfflineScript(run.dialect(), run.history().tables()).write(direction, target.text(), plan,
                applier::runsInTransaction, s -> direction == Direction.UP && before.contains(s.revision().id()));
    }

    // ---------------------------------------------------------------- history without SQL

    public RunResult stamp(Target target) {
        return bookkeeping.stamp(target);
    }

    /**
     * Records as applied, running no SQL, the revisions that {@code ids} reads from another tool's
     * history on the run's connection (with the lock held); {@code note} goes into each log line.
     */
    public RunResult adopt(AdoptionSource ids, String note) {
        return bookkeeping.adopt(ids::ids, note);
    }

    /** Reads another tool's history on a connection and names the revisions it has applied. */
    public interface AdoptionSource {
        List<String> ids(Connection c) throws SQLException;
    }

    /** The dialect of the database this migrator runs on. */
    public Dialect dialect() {
        return run.dialect();
    }

    public RunResult stampPurge() {
        return bookkeeping.stampPurge();
    }

    /** Accepts the current checksum of every applied revision whose up file changed. */
    public List<String> repairChecksums() {
        return bookkeeping.repairChecksums();
    }

    /** Resolves a revision left {@code running}, or forgets a row the changelog does not know. */
    public void repair(String id, RepairAction action) {
        bookkeeping.repair(id, action);
    }
}
