package io.graft;

import java.util.Optional;

/**
 * The database refused a statement or Graft's bookkeeping, or the database's state forbids the
 * run (a revision left {@code running}, a changed checksum, ...). The message names the revision,
 * the statement's {@code file:line:col} where there is one, and the database's own words.
 */
public class MigrationException extends GraftException {

    private final String revisionId;
    private final String sqlState;
    private final SourceSpan where;
    private volatile RunResult partialRun;

    public MigrationException(String message, String revisionId, String sqlState, Throwable cause) {
        this(message, revisionId, sqlState, null, cause);
    }

    /** @param where the statement's {@code file:line:col} (the exact spot when the database tells it), or null */
    public MigrationException(String message, String revisionId, String sqlState, SourceSpan where, Throwable cause) {
        super(message, cause);
        this.revisionId = revisionId;
        this.sqlState = sqlState;
        this.where = where;
    }

    public MigrationException(String message) {
        this(message, null, null, null);
    }

    /** The revision that failed, or {@code null} when the failure is not tied to one. */
    public String revisionId() {
        return revisionId;
    }

    /** The database's SQLSTATE, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Where in the revision's file the failing statement is (moved to the exact spot when the
     * database reports a position); empty when the failure is not a statement's.
     */
    public Optional<SourceSpan> where() {
        return Optional.ofNullable(where);
    }

    /**
     * What the {@code upgrade} or {@code downgrade} that this failure stopped had done before it:
     * the revisions it applied or reverted (possibly none) and what was current afterwards. Empty
     * when the failure came before the run read the history (or outside a run).
     */
    public Optional<RunResult> partialRun() {
        return Optional.ofNullable(partialRun);
    }

    /**
     * Records what the run had done when this failure stopped it; set once, by the engine, like
     * {@link Throwable#initCause}.
     *
     * @return this exception
     * @throws IllegalStateException when it is already set
     */
    public synchronized MigrationException initPartialRun(RunResult partial) {
        if (partialRun != null) {
            throw new IllegalStateException("the partial run is already set");
        }
        partialRun = java.util.Objects.requireNonNull(partial, "partial");
        return this;
    }
}
