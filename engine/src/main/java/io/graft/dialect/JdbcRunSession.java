package io.graft.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A run on a database whose lock lives elsewhere (PostgreSQL, MySQL): each revision is a JDBC
 * transaction of its own on the work connection, which otherwise stays in autocommit.
 */
final class JdbcRunSession implements RunSession {

    interface Release {
        void run() throws SQLException;
    }

    private final Connection connection;
    private final Release release;

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
