package io.graft.internal.dialect;

import io.graft.GraftException;
import java.time.Duration;

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

    static String describe(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
