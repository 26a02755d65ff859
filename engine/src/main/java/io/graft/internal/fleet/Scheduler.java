package io.graft.internal.fleet;

import io.graft.Graft;
import io.graft.fleet.FleetListener;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Runs one task per target, at most {@code parallel} at a time, wave after wave. A wave starts
 * only while the failures so far are within the budget; once they exceed it, or once
 * {@link #stop()} is called, no further target starts (each is reported skipped) and the
 * targets already running finish. {@link #cancel()} also cancels the running ones.
 */
public final class Scheduler implements TargetRun.Running {

    private final int parallel;
    private final int maxFailures;
    private final FleetListener listener;
    private final AtomicInteger failures = new AtomicInteger();
    private final Map<String, Graft> running = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private volatile boolean cancelled;

    /** @param maxFailures failures tolerated before no further target starts; negative: no limit */
    public Scheduler(int parallel, int maxFailures, FleetListener listener) {
        this.parallel = parallel;
        this.maxFailures = maxFailures;
        this.listener = listener;
    }

    /**
     * Runs {@code task(target, wave)} for every target of every wave; returns the results in the
     * order of the waves' targets.
     */
    public List<TargetResult> run(List<List<FleetTarget>> waves, BiFunction<FleetTarget, Integer, TargetResult> task) {
        List<TargetResult> results = new ArrayList<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "graft-fleet-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < waves.size(); w++) {
                int wave = w + 1;
                List<FleetTarget> targets = waves.get(w);
                if (!launching()) {
                    for (FleetTarget t : targets) {
                        results.add(skip(t, wave));
                    }
                    continue;
                }
                listener.waveStarted(wave, targets.size());
                List<Future<TargetResult>> futures = new ArrayList<>(targets.size());
                for (FleetTarget t : targets) {
                    futures.add(pool.submit(() -> {
                        if (!launching()) {
                            return skip(t, wave);
                        }
                        listener.targetStarted(t, wave);
                        TargetResult r = task.apply(t, wave);
                        if (r.outcome() == TargetResult.Outcome.FAILED || r.outcome() == TargetResult.Outcome.INTERRUPTED) {
                            failures.incrementAndGet();
                        }
                        listener.targetFinished(r);
                        return r;
                    }));
                }
                for (Future<TargetResult> f : futures) {
                    results.add(join(f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** True while new targets may start: not stopped, and failures within the budget. */
    private boolean launching() {
        return !stopped && (maxFailures < 0 || failures.get() <= maxFailures);
    }

    private TargetResult skip(FleetTarget t, int wave) {
        TargetResult r = TargetResult.skipped(t, wave);
        listener.targetFinished(r);
        return r;
    }

    private static TargetResult join(Future<TargetResult> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    // A stop comes through stop() or cancel(); the target itself is always waited for.
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a target's task failed outside its own error handling", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** No further target starts; running ones finish. */
    public void stop() {
        stopped = true;
    }

    /** No further target starts, and the running ones are cancelled (see {@link Graft#cancel()}). */
    public void cancel() {
        stopped = true;
        cancelled = true;
        running.values().forEach(Graft::cancel);
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public void started(FleetTarget target, Graft graft) {
        running.put(target.name(), graft);
        if (cancelled) {
            graft.cancel();
        }
    }

    @Override
    public void finished(FleetTarget target) {
        running.remove(target.name());
    }
}
