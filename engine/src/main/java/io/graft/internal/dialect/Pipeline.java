package io.graft.internal.dialect;

import io.graft.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How a database takes a transactional revision in few round trips: its statements in one batch,
 * with its history writes and its {@code COMMIT} at the end of the last one, so that a revision
 * costs one round trip where sending each statement alone costs one per statement (PostgreSQL,
 * through pgjdbc's batches: one {@code Sync} per batch). A statement that cannot go into a batch
 * (one that may return rows, {@code COPY ... FROM stdin}) runs alone between batches.
 *
 * <p>A refused entry is named exactly ({@link BatchFailure#index()}): the database runs nothing
 * after it, and nothing is sent again to find it.
 */
public interface Pipeline {

    /**
     * Whether {@code statement} may go into a batch. Only statements that certainly return no
     * rows do: a row set in a batch is an error in some driver versions, raised after the database
     * went on and ran the rest of the batch, its {@code COMMIT} included.
     */
    boolean batchable(SqlStatement statement);

    /**
     * The values of history writes sent inside a batch: literals, and the database's own clock for
     * when the revision started ({@code now()}, the start of its transaction), when it finished and
     * how long it took, as the batch cannot know them when it is built.
     */
    HistorySql.Values literals(Connection connection) throws SQLException;

    /** The statement that ends the batch of a revision and commits it. */
    String commit();

    /**
     * Runs {@code statements} as one batch in the connection's transaction, first telling
     * {@code cancellable} how to cancel it; when that returns false nothing is sent and an
     * {@link SQLException} with SQLSTATE {@code 57014} is thrown.
     *
     * @throws BatchFailure when the database refused an entry
     */
    void run(Connection connection, List<String> statements, Dialect.Cancellable cancellable) throws SQLException;

    /** An entry of a batch the database refused, and the database's own error for it. */
    final class BatchFailure extends SQLException {

        private final int index;
        private final SQLException error;

        public BatchFailure(int index, SQLException error) {
            super(error.getMessage(), error.getSQLState(), error.getErrorCode(), error);
            this.index = index;
            this.error = error;
        }

        /** The refused entry, 0-based; the entries before it ran, none after it did. */
        public int index() {
            return index;
        }

        /** The database's error for that entry, as running it alone would have raised it. */
        public SQLException error() {
            return error;
        }
    }
}
