package io.graft.internal.migrate;

import static io.graft.internal.migrate.RunContext.appliedIds;
import static io.graft.internal.migrate.RunContext.databaseError;
import static io.graft.internal.migrate.RunContext.millisSince;
import static io.graft.internal.migrate.RunContext.user;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.RepairAction;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.Target;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.RunSession;
import io.graft.internal.graph.StampPlan;
import io.graft.internal.history.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the history without running SQL: {@code stamp}, {@code stamp --purge}, and the two kinds
 * of {@code repair} (accepting changed checksums; resolving a revision left {@code running}).
 * Each takes the migration lock and commits its rows and log lines together.
 */
final class HistoryBookkeeping {

    private final RunContext run;
    private final HistoryStore history;

    HistoryBookkeeping(RunContext run) {
        this.run = run;
        this.history = run.history();
    }

    RunResult stamp(Target target) {
        long started = System.nanoTime();
        try (RunSession session = run.openSession()) {
            Connection c = session.connection();
            List<AppliedRevision> rows = history.read(c);
            Set<String> applied = appliedIds(rows);
            StampPlan plan = run.planner().stamp(target, applied, new DriftCheck(run).changedRepeatables(rows));
            Map<String, String> checksums = plan.add().stream()
                    .collect(Collectors.toMap(Revision::id, run.scripts()::upChecksum));
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
                    if (applied.contains(r.id())) {
                        history.delete(c, r.id()); // a repeatable revision whose file changed: its new checksum
                    }
                    history.insert(c, new AppliedRevision(r.id(), r.parents(), checksums.get(r.id()),
                            AppliedRevision.State.APPLIED, 0, 0, null, now, user, 0, r.description()), Direction.UP);
                    history.log(c, "stamp", r.id(), now, now, true, null, user);
                    applied.add(r.id());
                    steps.add(new RevisionStep(r.id(), r.description(), Direction.UP, 0, 0));
                }
                session.commitRevision();
            }
            session.finish();
            return new RunResult(Direction.UP, target, steps, run.current(applied), millisSince(started));
        } catch (SQLException e) {
            throw databaseError("stamping", e);
        }
    }

    /** What an adoption reads from the other tool's history, on the run's connection with the lock held. */
    interface Adoption {
        /** The ids of the revisions to record as applied. */
        List<String> ids(Connection c) throws SQLException;
    }

    /**
     * Records the revisions {@code adoption} names as applied, running no SQL, each with a
     * {@code stamp} line in {@code graft_log} saying where it came from; revisions already applied
     * are left as they are.
     */
    RunResult adopt(Adoption adoption, String note) {
        long started = System.nanoTime();
        try (RunSession session = run.openSession()) {
            Connection c = session.connection();
            List<AppliedRevision> rows = history.read(c);
            Set<String> applied = appliedIds(rows);
            List<Revision> add = new ArrayList<>();
            for (String id : adoption.ids(c)) {
                if (!applied.contains(id)) {
                    add.add(run.graph().find(id).orElseThrow(() -> new MigrationException(Hints.append("revision '" + id
                            + "', which the other tool's history names, is no longer in the changelog",
                            "restore it, or import the changelog again"))));
                }
            }
            Map<String, String> checksums = add.stream().collect(Collectors.toMap(Revision::id, run.scripts()::upChecksum));
            List<RevisionStep> steps = new ArrayList<>();
            if (!add.isEmpty()) {
                history.create(c);
                String user = user(c);
                Instant now = Instant.now();
                session.beginRevision();
                for (Revision r : add) {
                    history.insert(c, new AppliedRevision(r.id(), r.parents(), checksums.get(r.id()),
                            AppliedRevision.State.APPLIED, 0, 0, null, now, user, 0, r.description()), Direction.UP);
                    history.log(c, "stamp", r.id(), now, now, true, note, user);
                    applied.add(r.id());
                    steps.add(new RevisionStep(r.id(), r.description(), Direction.UP, 0, 0));
                }
                session.commitRevision();
            }
            session.finish();
            return new RunResult(Direction.UP, null, steps, run.current(applied), millisSince(started));
        } catch (SQLException e) {
            throw databaseError("adopting", e);
        }
    }

    RunResult stampPurge() {
        long started = System.nanoTime();
        try (RunSession session = run.openSession()) {
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
            return new RunResult(Direction.DOWN, null, steps, List.of(), millisSince(started));
        } catch (SQLException e) {
            throw databaseError("purging the history", e);
        }
    }

    /** Accepts the current checksum of every applied revision whose up file changed. */
    List<String> repairChecksums() {
        try (RunSession session = run.openSession()) {
            Connection c = session.connection();
            List<String> repaired = new ArrayList<>();
            List<AppliedRevision> rows = history.read(c);
            String user = null;
            Instant now = Instant.now();
            for (AppliedRevision row : rows) {
                Revision revision = run.graph().find(row.id()).orElse(null);
                if (revision == null || row.state() != AppliedRevision.State.APPLIED || revision.repeatable()) {
                    continue; // a repeatable revision whose file changed is not drift: up applies it again
                }
                String current = run.scripts().upChecksum(revision);
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
    void repair(String id, RepairAction action) {
        try (RunSession session = run.openSession()) {
            Connection c = session.connection();
            AppliedRevision row = history.read(c).stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new MigrationException(Hints.append("revision '" + id + "' has no row in "
                            + history.tables().revisionsName() + ": there is nothing to repair",
                            "'graft status' lists the rows and what blocks a run")));
            boolean known = run.graph().find(id).isPresent();
            if (row.state() != AppliedRevision.State.RUNNING && known) {
                throw new MigrationException(Hints.append("revision '" + id + "' is applied, not running: there is"
                        + " nothing to repair", "use 'graft down' to revert it, or 'graft repair' (no id) to accept"
                        + " changed checksums"));
            }
            if (action == RepairAction.APPLIED && !known) {
                throw new MigrationException(Hints.append("revision '" + id + "' is not in the changelog, so it cannot"
                        + " be marked applied", "restore it in the changelog, or forget the row with 'graft repair "
                        + id + " --rolled-back'"));
            }
            String user = user(c);
            Instant now = Instant.now();
            session.beginRevision();
            if (action == RepairAction.APPLIED) {
                Revision revision = run.graph().find(id).orElseThrow();
                history.markApplied(c, id, row.statementsTotal(), row.executionMs(), now);
                history.updateChecksum(c, id, run.scripts().upChecksum(revision));
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
}
