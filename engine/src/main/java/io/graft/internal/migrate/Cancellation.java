package io.graft.internal.migrate;

import io.graft.internal.dialect.Dialect;
import java.sql.SQLException;

/**
 * A request to stop the runs of one {@code Graft}, from any thread: the statement running on the
 * server is cancelled (JDBC {@code Statement.cancel()}: PostgreSQL's cancel request, MySQL's
 * {@code KILL QUERY}, SQLite's {@code sqlite3_interrupt}), and runs check {@link #requested()}
 * before each revision and after each statement.
 *
 * <p>A cancel that reaches the driver just before its statement is sent is ignored by some
 * drivers (PostgreSQL's does nothing for a statement not yet executing), so while the same
 * statement stays registered the cancel is repeated every {@link #RETRY_MS} ms on a daemon thread.
 */
public final class Cancellation {

    static final long RETRY_MS = 500;

    private volatile boolean requested;
    private Dialect.Cancel running;
    private Thread retry;

    /** True once {@link #cancel()} was called; it stays so. */
    public boolean requested() {
        return requested;
    }

    /** Asks the run to stop: cancels the running statement and keeps doing so until it ends. */
    public void cancel() {
        Dialect.Cancel current;
        synchronized (this) {
            requested = true;
            current = running;
            if (retry == null) {
                retry = new Thread(this::retry, "graft-cancel");
                retry.setDaemon(true);
                retry.start();
            }
        }
        cancel(current);
    }

    /**
     * Registers the statement about to run; false when a cancel was already requested, and the
     * statement must not run.
     */
    synchronized boolean starting(Dialect.Cancel cancel) {
        if (requested) {
            return false;
        }
        running = cancel;
        return true;
    }

    synchronized void finished() {
        running = null;
    }

    /** Repeats the cancel for a minute at most: long enough for any driver to have sent the statement. */
    private void retry() {
        for (long waited = 0; waited < 60_000; waited += RETRY_MS) {
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                return;
            }
            Dialect.Cancel current;
            synchronized (this) {
                current = running;
            }
            if (current != null) {
                cancel(current);
            }
        }
    }

    private static void cancel(Dialect.Cancel cancel) {
        if (cancel == null) {
            return;
        }
        try {
            cancel.cancel();
        } catch (SQLException | RuntimeException e) {
            // The statement may just have ended; the run checks requested() after it anyway.
        }
    }
}
