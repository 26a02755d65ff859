package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.LockTimeoutException;
import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every dialect must do, run against its real database by one subclass per dialect
 * (golang-migrate's shared driver suite).
 */
abstract class DialectContractTest {

    private TestDatabase db;
    private Dialect dialect;
    private DataSource dataSource;
    private final HistoryTables tables = new HistoryTables(null, "graft_");

    abstract DialectId dialectId();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dialectId());
        dialect = Dialects.of(dialectId());
        dataSource = new SimpleDataSource(db);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void historyTablesAreCreatedOnceAndFound() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(dialect.historyExists(c, tables)).isFalse();
            for (int round = 0; round < 2; round++) {
                try (Statement s = c.createStatement()) {
                    for (String ddl : dialect.historySql(tables).create()) {
                        s.execute(ddl);
                    }
                }
            }
            assertThat(dialect.historyExists(c, tables)).isTrue();
        }
        assertThat(db.tables()).containsExactly("graft_log", "graft_revisions");
    }

    @Test
    void instantsSurviveTheRoundTrip() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                for (String ddl : dialect.historySql(tables).create()) {
                    s.execute(ddl);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO graft_log (operation, started_at, outcome)"
                    + " VALUES ('up', ?, 'success')")) {
                ps.setObject(1, dialect.historySql(tables).toDatabase(now));
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT started_at FROM graft_log")) {
                rs.next();
                assertThat(dialect.historySql(tables).instantFrom(rs, "started_at")).isEqualTo(now);
            }
        }
    }

    @Test
    void aSecondSessionWaitsForTheLockThenTimesOut() throws SQLException {
        AtomicInteger waits = new AtomicInteger();
        try (RunSession first = dialect.openSession(dataSource, tables, Duration.ofSeconds(1), waits::incrementAndGet)) {
            assertThat(first.connection()).isNotNull();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> dialect.openSession(dataSource, tables, Duration.ofMillis(1500), waits::incrementAndGet))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("could not get the migration lock");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            first.finish();
        }
        assertThat(waits.get()).isEqualTo(1);
        try (RunSession again = dialect.openSession(dataSource, tables, Duration.ZERO, () -> { })) {
            again.finish();
        }
    }

    @Test
    void aRolledBackRevisionLeavesNothingAndACommittedOneStays() throws SQLException {
        try (RunSession session = dialect.openSession(dataSource, tables, Duration.ofSeconds(1), () -> { })) {
            Connection c = session.connection();
            session.beginRevision();
            exec(c, "CREATE TABLE kept (id INTEGER)");
            session.commitRevision();
            session.beginRevision();
            exec(c, "INSERT INTO kept (id) VALUES (1)");
            session.rollbackRevision();
            session.finish();
        }
        assertThat(db.tables()).contains("kept");
        assertThat(db.query("SELECT COUNT(*) AS n FROM kept").get(0).get("n")).isIn(0, 0L);
    }

    @Test
    void aSessionClosedWithoutFinishingReleasesTheLock() throws SQLException {
        try (RunSession session = dialect.openSession(dataSource, tables, Duration.ofSeconds(1), () -> { })) {
            session.beginRevision();
            exec(session.connection(), "CREATE TABLE t (id INTEGER)");
            session.commitRevision();
        }
        try (RunSession next = dialect.openSession(dataSource, tables, Duration.ZERO, () -> { })) {
            next.finish();
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A DataSource that opens a new connection each time, like a pool with no idle connection. */
    private static final class SimpleDataSource implements DataSource {
        private final TestDatabase db;

        SimpleDataSource(TestDatabase db) {
            this.db = db;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return db.connect();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(db.url(), user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
