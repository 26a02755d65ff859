package io.graft.cli.error;

import io.graft.GraftException;
import io.graft.MigrationInterruptedException;

/**
 * An {@code up} or {@code down} stopped by a signal: the engine's account of the run, and the
 * signal, which decides the exit code (130 for SIGINT, 143 for SIGTERM).
 */
public final class RunInterrupted extends GraftException {

    private final MigrationInterruptedException run;
    private final String signal;
    private final int exitCode;

    /**
     * @param signal the signal's name, {@code SIGINT} or {@code SIGTERM}
     * @param description how messages name it, e.g. {@code SIGINT (Ctrl-C)}
     */
    public RunInterrupted(MigrationInterruptedException run, String signal, String description, int exitCode) {
        super(message(run, description), run);
        this.run = run;
        this.signal = signal;
        this.exitCode = exitCode;
    }

    /**
     * A run stopped at once, with no account from the engine: before any revision started, or by a
     * second signal while the first was being handled.
     */
    public RunInterrupted(String message, String signal, int exitCode) {
        super(message);
        this.run = null;
        this.signal = signal;
        this.exitCode = exitCode;
    }

    /** The engine's account, naming the signal: "the run was interrupted by SIGINT (Ctrl-C): ...". */
    private static String message(MigrationInterruptedException run, String description) {
        String engine = String.valueOf(run.getMessage());
        String lead = "the run was interrupted";
        return engine.startsWith(lead) ? lead + " by " + description + engine.substring(lead.length())
                : "interrupted by " + description + ": " + engine;
    }

    /** What the run did and where it stopped; null when it was stopped at once. */
    public MigrationInterruptedException run() {
        return run;
    }

    public String signal() {
        return signal;
    }

    public int exitCode() {
        return exitCode;
    }
}
