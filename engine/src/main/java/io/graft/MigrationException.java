package io.graft;

/**
 * The database refused a statement or Graft's bookkeeping, or the database's state forbids the
 * run (a revision left {@code running}, a changed checksum, ...). The message names the revision,
 * the statement's {@code file:line:col} where there is one, and the database's own words.
 */
public class MigrationException extends GraftException {

    private final String revisionId;
    private final String sqlState;

    public MigrationException(String message, String revisionId, String sqlState, Throwable cause) {
        super(message, cause);
        this.revisionId = revisionId;
        this.sqlState = sqlState;
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
}
