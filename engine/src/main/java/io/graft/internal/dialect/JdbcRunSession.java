package io.graft.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A run on a database whose lock lives elsewhere (PostgreSQL, MySQL): each revision is a JDBC
 * transaction of its own on the work connection, which otherwise stays in autocommit.
 */
final class JdbcRunSession implements RunSession {

    interface Release {
        void run() throws SQLException;
    }

    /** Takes the lock on its own connection and returns how to release it. */
    interface Lock {
        Release acquire(Connection lockConnection) throws SQLException;
    }

    /** Sets up the connection revisions run on. */
    interface Setup {
        void prepare(Connection work) throws SQLException;
    }

    private final Connection connection;
    private final Release release;

    /**
     * Opens a run whose lock lives on a connection of its own, in autocommit, and whose revisions
     * run on a second connection; every failure on the way releases what was taken.
     */
    static RunSession open(DataSource dataSource, Lock lock, Setup setup) throws SQLException {
        Connection lockConnection = dataSource.getConnection();
        try {
            lockConnection.setAutoCommit(true);
            Release unlock = lock.acquire(lockConnection);
            Connection work = null;
            try {
                work = dataSource.getConnection();
                work.setAutoCommit(true);
                setup.prepare(work);
            } catch (SQLException | RuntimeException e) {
                if (work != null) {
                    work.close();
                }
                unlock.run();
                throw e;
            }
            return new JdbcRunSession(work, () -> {
                try {
                    unlock.run();
                } finally {
                    lockConnection.close();
                }
            });
        } catch (SQLException | RuntimeException e) {
            lockConnection.close();
            throw e;
        }
    }

    JdbcRunSession(Connection connection, Release release) {
        this.connection = connection;
        this.release = release;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public void beginRevision() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commitRevision() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollbackRevision() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    @Override
    public void suspend() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void finish() {
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } finally {
            release.run();
        }
    }
}
