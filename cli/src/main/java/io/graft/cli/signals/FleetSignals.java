package io.graft.cli.signals;

import io.graft.fleet.Fleet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a fleet runs ({@code --targets}):
 * <ul>
 *   <li>the first signal stops the launching: no further target starts, the running ones finish
 *       (each is a run of its own, with its own lock), and the report lists the rest as skipped;</li>
 *   <li>a second one cancels the running targets as {@link io.graft.Graft#cancel()} does: the
 *       running statement is cancelled, its revision rolled back where the database can;</li>
 *   <li>a third exits at once; each database rolls back what was not committed when it sees the
 *       connection close.</li>
 * </ul>
 * The exit code is 128 + the first signal's number: 130 for SIGINT, 143 for SIGTERM.
 */
public final class FleetSignals implements AutoCloseable {

    private final Consumer<String> notice;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private Fleet fleet;
    private int count;
    private volatile SignalGuard.Received received;

    private FleetSignals(Consumer<String> notice) {
        this.notice = notice;
    }

    /** Installs the handlers (where the JVM allows); {@code notice} prints a line on stderr. */
    public static FleetSignals install(Consumer<String> notice) {
        FleetSignals guard = new FleetSignals(notice);
        for (SignalGuard.Received r : SignalGuard.Received.values()) {
            try {
                Signal signal = new Signal(r == SignalGuard.Received.SIGINT ? "INT" : "TERM");
                guard.previous.put(signal, Signal.handle(signal, s -> guard.handle(r)));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not available here: the JVM's default applies.
            }
        }
        return guard;
    }

    /** The fleet the signals stop. */
    public synchronized void watch(Fleet fleet) {
        this.fleet = fleet;
    }

    /** The first signal received, or null. */
    public SignalGuard.Received received() {
        return received;
    }

    private void handle(SignalGuard.Received signal) {
        Fleet run;
        int n;
        synchronized (this) {
            if (received == null) {
                received = signal;
            }
            n = ++count;
            run = fleet;
        }
        if (n >= 3 || run == null) {
            notice.accept("graft: " + signal.description() + " again: exited at once; each database rolls back what was"
                    + " not committed when it sees the connection close; run the same command again to resume");
            Runtime.getRuntime().halt(received.exitCode());
        }
        if (n == 1) {
            notice.accept("graft: " + signal.description() + " received: no further target starts; the running ones"
                    + " finish (press Ctrl-C again to cancel them, their running revision rolls back)");
            run.stop();
        } else {
            notice.accept("graft: " + signal.description() + " again: cancelling the running targets (press Ctrl-C once"
                    + " more to exit at once)");
            run.cancel();
        }
    }

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
