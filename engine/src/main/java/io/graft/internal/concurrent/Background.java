package io.graft.internal.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work started on a daemon thread of its own while the caller goes on: start-up is mostly one
 * thread waiting on class loading, a schema, a network or a disk, and the machine has another
 * core. A daemon thread never keeps the process alive; what it fails with reaches whoever joins.
 */
public final class Background {

    private Background() {
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** {@link #start(String, Callable)} for work without a result. */
    public static CompletableFuture<Void> run(String name, Runnable work) {
        return start(name, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits for {@code result}; what the work threw is rethrown as it was when it is unchecked
     * (a located {@code ChangelogException} stays one), else wrapped.
     *
     * @throws CancellationException when it was cancelled
     */
    public static <T> T join(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
