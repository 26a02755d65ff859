package io.graft.internal.fleet;

import io.graft.Graft;
import io.graft.GraftException;
import io.graft.MigrationException;
import io.graft.MigrationInterruptedException;
import io.graft.MigrationListener;
import io.graft.RevisionStep;
import io.graft.RunResult;
import io.graft.SchemaDriftException;
import io.graft.SchemaDriftReport;
import io.graft.Status;
import io.graft.Target;
import io.graft.changelog.Revision;
import io.graft.fleet.FleetListener;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.TargetResult;
import java.util.List;
import java.util.function.Function;

/**
 * One command on one target: a {@link Graft} of its own (its own small pool, its own lock),
 * closed when the target is done. Every failure becomes the target's result; nothing escapes.
 */
public final class TargetRun {

    /** The commands a fleet runs. */
    public enum Operation {
        UP("up"), DOWN("down"), STATUS("status"), CHECK("check"), DRIFT("drift");

        private final String word;

        Operation(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Hands the target's {@link Graft} to whoever may cancel it, and takes it back when done. */
    public interface Running {
        void started(FleetTarget target, Graft graft);

        void finished(FleetTarget target);
    }

    private TargetRun() {
    }

    /**
     * Runs {@code operation} on {@code target}.
     *
     * @param builder a builder with the fleet's settings (changelog, table prefix, lock timeout);
     *     the target's URL, credentials and schema are set here
     */
    public static TargetResult run(FleetTarget target, int wave, Operation operation, Target revisionTarget,
            Function<FleetTarget, Graft.Builder> builder, FleetListener listener, Running running) {
        return run(target, wave, operation, revisionTarget, null, builder, listener, running);
    }

    /** @param devUrl for {@link Operation#DRIFT} without a recorded schema: where to build the changelog's */
    public static TargetResult run(FleetTarget target, int wave, Operation operation, Target revisionTarget,
            String devUrl, Function<FleetTarget, Graft.Builder> builder, FleetListener listener, Running running) {
        long start = System.nanoTime();
        List<String> before = List.of();
        try {
            Graft.Builder b = builder.apply(target).listener(new MigrationListener() {
                @Override
                public void waitingForLock(String holder) {
                    listener.waitingForLock(target, holder);
                }

                @Override
                public void revisionFinished(RevisionStep step, int index, int total) {
                    listener.revisionFinished(target, step);
                }
            });
            try (Graft graft = b.build()) {
                running.started(target, graft);
                try {
                    Status status = operation == Operation.CHECK ? graft.check() : graft.status(false);
                    before = status.current();
                    return switch (operation) {
                        case STATUS, CHECK -> result(target, wave, TargetResult.Outcome.SUCCEEDED, before, before,
                                List.of(), status.pending().stream().map(Revision::id).toList(), start, null);
                        case UP -> {
                            if (revisionTarget instanceof Target.Heads && status.upToDate()) {
                                yield result(target, wave, TargetResult.Outcome.SUCCEEDED, before, before, List.of(),
                                        List.of(), start, null);
                            }
                            yield done(target, wave, before, graft.upgrade(revisionTarget), start);
                        }
                        case DOWN -> done(target, wave, before, graft.downgrade(revisionTarget), start);
                        case DRIFT -> {
                            SchemaDriftReport report = graft.schemaDrift(null, devUrl);
                            if (report.drifted()) {
                                throw new SchemaDriftException(report);
                            }
                            yield result(target, wave, TargetResult.Outcome.SUCCEEDED, before, before, List.of(),
                                    List.of(), start, null);
                        }
                    };
                } finally {
                    running.finished(target);
                }
            }
        } catch (MigrationInterruptedException e) {
            return failed(target, wave, TargetResult.Outcome.INTERRUPTED, before, e, start);
        } catch (GraftException e) {
            return failed(target, wave, TargetResult.Outcome.FAILED, before, e, start);
        } catch (RuntimeException e) {
            GraftException wrapped = new GraftException("target " + target.name() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            return failed(target, wave, TargetResult.Outcome.FAILED, before, wrapped, start);
        }
    }

    private static TargetResult done(FleetTarget target, int wave, List<String> before, RunResult run, long start) {
        return result(target, wave, TargetResult.Outcome.SUCCEEDED, before, run.current(),
                run.steps().stream().map(RevisionStep::revisionId).toList(), List.of(), start, null);
    }

    private static TargetResult failed(FleetTarget target, int wave, TargetResult.Outcome outcome, List<String> before,
            GraftException error, long start) {
        RunResult partial = error instanceof MigrationException m ? m.partialRun().orElse(null) : null;
        List<String> applied = partial == null ? List.of()
                : partial.steps().stream().map(RevisionStep::revisionId).toList();
        List<String> after = partial == null ? before : partial.current();
        return result(target, wave, outcome, before, after, applied, List.of(), start, error);
    }

    private static TargetResult result(FleetTarget target, int wave, TargetResult.Outcome outcome, List<String> before,
            List<String> after, List<String> applied, List<String> pending, long start, GraftException error) {
        return new TargetResult(target.name(), target.shownUrl(), outcome, wave, before, after, applied, pending,
                (System.nanoTime() - start) / 1_000_000, error);
    }

}
