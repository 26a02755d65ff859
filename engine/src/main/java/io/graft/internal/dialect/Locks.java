package io.graft.internal.dialect;

import io.graft.GraftException;
import io.graft.Hints;
import io.graft.LockTimeoutException;
import java.time.Duration;
import java.util.Optional;

final class Locks {

    private Locks() {
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraftException("interrupted while waiting for the migration lock", e);
        }
    }

    /** The lock timeout of a database that can say which session holds the lock. */
    static LockTimeoutException timedOut(Duration timeout, Optional<String> holder) {
        return new LockTimeoutException(Hints.append("could not get the migration lock within " + describe(timeout)
                + ": " + holder.map(h -> "it is held by " + h)
                        .orElse("it is held by another session (it may just have been released)"),
                "wait for that run to finish, or raise --lock-timeout"), holder.orElse(null));
    }

    static String describe(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
