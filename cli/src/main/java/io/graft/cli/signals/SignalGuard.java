package io.graft.cli.signals;

import io.graft.Direction;
import io.graft.Graft;
import io.graft.MigrationListener;
import io.graft.cli.error.RunInterrupted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code up} or {@code down} runs. Installed only around the
 * run, with {@code sun.misc.Signal} rather than a shutdown hook: a hook runs once the JVM is
 * already exiting, so it could neither wait for the rollback nor let a second Ctrl-C through.
 *
 * <ul>
 *   <li>Before any revision has started (loading, connecting, waiting for the lock) nothing has
 *       changed: Graft says so and exits at once.</li>
 *   <li>Once a revision runs, the first signal calls {@link Graft#cancel()}: the statement is
 *       cancelled on the server, the revision rolled back where the database can, and the run
 *       ends with {@link io.graft.MigrationInterruptedException}, which the command reports.</li>
 *   <li>A second signal during that shutdown exits at once ({@code Runtime.halt}); the database
 *       then rolls back what was not committed when it sees the connection close.</li>
 * </ul>
 * The exit code is 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
 */
public final class SignalGuard implements AutoCloseable {

    /** The signals handled, with the exit code each leads to. */
    public enum Received {
        SIGINT("INT", 130, "SIGINT (Ctrl-C)"),
        SIGTERM("TERM", 143, "SIGTERM");

        private final String name;
        private final int exitCode;
        private final String description;

        Received(String name, int exitCode, String description) {
            this.name = name;
            this.exitCode = exitCode;
            this.description = description;
        }

        public int exitCode() {
            return exitCode;
        }

        /** How the messages name it: {@code SIGINT (Ctrl-C)}, {@code SIGTERM}. */
        public String description() {
            return description;
        }
    }

    private final Consumer<String> notice;
    private final Consumer<RunInterrupted> exiting;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private Graft graft;
    private boolean started;
    private volatile Received received;

    private SignalGuard(Consumer<String> notice, Consumer<RunInterrupted> exiting) {
        this.notice = notice;
        this.exiting = exiting;
    }

    /**
     * Installs the handlers; where the JVM does not let them be installed (a signal reserved by
     * the platform) that signal keeps its default behaviour.
     *
     * @param notice prints a line on stderr
     * @param exiting reports a run stopped at once, just before the process exits
     */
    public static SignalGuard install(Consumer<String> notice, Consumer<RunInterrupted> exiting) {
        SignalGuard guard = new SignalGuard(notice, exiting);
        for (Received r : Received.values()) {
            try {
                Signal signal = new Signal(r.name);
                guard.previous.put(signal, Signal.handle(signal, s -> guard.handle(r)));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not available here (e.g. -Xrs, or an OS without it): the JVM's default applies.
            }
        }
        return guard;
    }

    /** The run the signals cancel. */
    public synchronized void watch(Graft graft) {
        this.graft = graft;
    }

    /** Tells the guard when the first revision starts: from then on a signal cancels instead of exiting. */
    public MigrationListener listener() {
        return new MigrationListener() {
            @Override
            public void revisionStarted(String revisionId, Direction direction, int index, int total) {
                synchronized (SignalGuard.this) {
                    started = true;
                }
            }
        };
    }

    /** The signal received, or null. */
    public Received received() {
        return received;
    }

    /** Runs on a thread of its own per signal; the cancel runs outside the lock, so that a second signal is never held up. */
    private void handle(Received signal) {
        Graft run;
        synchronized (this) {
            if (received != null) {
                exit(signal, "interrupted by " + signal.description() + " again: exited at once while the run was"
                        + " being stopped; the database rolls back what was not committed when it sees the connection"
                        + " close, and 'graft status' shows what is applied");
            }
            received = signal;
            if (!started || graft == null) {
                exit(signal, "interrupted by " + signal.description() + " before any revision ran: nothing was changed");
            }
            notice.accept("graft: " + signal.description() + " received: cancelling the running statement and"
                    + " rolling back where the database can (press Ctrl-C again to exit at once)");
            run = graft;
        }
        run.cancel();
    }

    private void exit(Received signal, String message) {
        try {
            exiting.accept(new RunInterrupted(message, signal.name(), signal.exitCode()));
        } finally {
            Runtime.getRuntime().halt(signal.exitCode());
        }
    }

    /** Restores the handlers that were there before. */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                // keep ours; the run is over anyway
            }
        });
    }
}
