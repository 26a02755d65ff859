package io.graft.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A run that holds the database's migration lock, and the connection its revisions run on.
 * Revisions are bracketed by {@link #beginRevision()} and {@link #commitRevision()} /
 * {@link #rollbackRevision()}; a non-transactional revision runs between {@link #suspend()} and
 * {@link #resume()}, with the connection in autocommit. {@link #close()} releases the lock, also
 * after a failure.
 */
public interface RunSession extends AutoCloseable {

    Connection connection();

    void beginRevision() throws SQLException;

    void commitRevision() throws SQLException;

    void rollbackRevision() throws SQLException;

    /** Leaves the connection in autocommit for statements that must not run in a transaction. */
    void suspend() throws SQLException;

    /** Back to normal after {@link #suspend()}; the caller re-reads the history afterwards. */
    void resume() throws SQLException;

    /** Makes everything done so far durable, for runs that span several revisions in one transaction. */
    void finish() throws SQLException;

    @Override
    void close() throws SQLException;
}
