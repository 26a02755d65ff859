package io.graft.internal.migrate;

import io.graft.AppliedRevision;
import io.graft.ChangelogException;
import io.graft.Direction;
import io.graft.Drift;
import io.graft.DriftException;
import io.graft.GraftException;
import io.graft.changelog.Revision;
import io.graft.internal.concurrent.Background;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.StatementInspector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The history against the changelog: rows left {@code running}, rows the changelog does not
 * declare, applied revisions whose up file changed (checksums). A run refuses to start on any of
 * them; {@code status} and {@code check} report them. A repeatable revision whose file changed is
 * not drift: it is due again ({@link #changedRepeatables}).
 */
final class DriftCheck {

    private final RunContext run;

    DriftCheck(RunContext run) {
        this.run = run;
    }

    /**
     * Starts computing the up-file checksum of every revision of the changelog on other threads,
     * while the run takes its lock and reads the history: a run must verify the applied ones
     * before it does anything, and on a database that is up to date that is most of its work. A
     * file that cannot be read is left out here and reported when its checksum is asked for.
     */
    Pending checksumsMeanwhile() {
        AtomicBoolean unwanted = new AtomicBoolean();
        CompletableFuture<Map<String, String>> result = Background.start("graft-checksums", () -> {
            Map<String, String> byId = new ConcurrentHashMap<>();
            run.changelog().revisions().parallelStream()
                    .filter(revision -> !unwanted.get() && revision.up().pathFor(run.dialect().id()).isPresent())
                    .forEach(revision -> {
                        try {
                            byId.put(revision.id(), run.scripts().upChecksum(revision));
                        } catch (ChangelogException e) {
                            // reported by drift() when this revision turns out to be applied
                        }
                    });
            return byId;
        });
        return new Pending(result, unwanted);
    }

    /** Checksums being computed, and how to say they are not needed after all (nothing is applied). */
    record Pending(CompletableFuture<Map<String, String>> result, AtomicBoolean unwanted) {
    }

    /** Throws {@link DriftException} when the history does not match the changelog. */
    void requireNone(List<AppliedRevision> rows, Pending checksums) {
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
    List<Drift> drift(List<AppliedRevision> rows) {
        return drift(rows, Map.of());
    }

    /** {@link #drift(List)}, with the checksums already known; the others are computed here. */
    private List<Drift> drift(List<AppliedRevision> rows, Map<String, String> known) {
        List<Drift> drift = new ArrayList<>();
        Map<String, String> checksums = new HashMap<>(known);
        List<AppliedRevision> unknown = rows.stream().filter(row -> !known.containsKey(row.id())).toList();
        checksums.putAll(currentChecksums(unknown));
        for (AppliedRevision row : rows) {
            Revision revision = run.graph().find(row.id()).orElse(null);
            if (revision == null) {
                drift.add(new Drift(Drift.Kind.UNKNOWN_REVISION, row.id(), "the database holds revision '" + row.id()
                        + "', which the changelog " + run.changelog().file() + " does not declare",
                        "restore the revision in the changelog (or use the changelog that applied it);"
                                + " if it was removed on purpose, 'graft repair " + row.id() + " --rolled-back' forgets the row",
                        row, null, null));
                continue;
            }
            if (row.state() == AppliedRevision.State.RUNNING) {
                String repair = "check which statements took effect, finish or undo the rest by hand, then run"
                        + " 'graft repair " + row.id() + " --applied' or 'graft repair " + row.id() + " --rolled-back'";
                String hint;
                if (row.direction() != Direction.UP) {
                    hint = repair;
                } else if (row.statementsDone() >= row.statementsTotal()) {
                    // Stopped after its last statement, before the row became applied: nothing to resume.
                    hint = "every statement completed before the run stopped; check that they took effect, then run"
                            + " 'graft repair " + row.id() + " --applied' (or undo them by hand and run 'graft repair "
                            + row.id() + " --rolled-back')";
                } else {
                    hint = "fix the cause and run 'graft up --resume " + row.id() + "' to continue from statement "
                            + (row.statementsDone() + 1) + "; or " + repair;
                }
                drift.add(new Drift(Drift.Kind.RUNNING, row.id(), runningMessage(row, revision), hint, row, null, null));
                continue;
            }
            String current = checksums.get(row.id());
            if (!revision.repeatable() && !current.equals(row.checksum())) {
                ScriptReader scripts = run.scripts();
                String file = scripts.displayPath(scripts.relativePath(revision, Direction.UP));
                drift.add(new Drift(Drift.Kind.CHECKSUM_CHANGED, row.id(), "revision '" + row.id()
                        + "' was applied, but its file " + file + " has changed since (checksum "
                        + abbreviate(row.checksum()) + " applied, " + abbreviate(current) + " now)",
                        "restore the file as it was applied, or run 'graft repair' to accept the new checksum",
                        row, file, current));
            }
        }
        return drift;
    }

    /**
     * The applied repeatable revisions whose up file changed since they were applied: not drift,
     * but due again.
     */
    Set<String> changedRepeatables(List<AppliedRevision> rows) {
        Set<String> changed = new HashSet<>();
        for (AppliedRevision row : rows) {
            Revision revision = run.graph().find(row.id()).orElse(null);
            if (revision != null && revision.repeatable() && row.state() == AppliedRevision.State.APPLIED
                    && revision.up().pathFor(run.dialect().id()).isPresent()
                    && !run.scripts().upChecksum(revision).equals(row.checksum())) {
                changed.add(row.id());
            }
        }
        return changed;
    }

    /** The up file's checksum of every applied row the changelog knows, read on all cores. */
    private Map<String, String> currentChecksums(List<AppliedRevision> rows) {
        List<Revision> applied = rows.stream()
                .filter(row -> row.state() != AppliedRevision.State.RUNNING)
                .flatMap(row -> run.graph().find(row.id()).stream())
                .toList();
        List<String> sums = applied.parallelStream().map(run.scripts()::upChecksum).toList();
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
            List<SqlStatement> statements = run.scripts().read(revision, Direction.UP).statements();
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
}
