package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.graft.AppliedRevision;
import io.graft.DatabaseUrl;
import io.graft.Direction;
import io.graft.LockTimeoutException;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.testing.Clients;
import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every dialect must do, run against its real database by one subclass per dialect
 * (golang-migrate's shared driver suite).
 */
abstract class DialectContractTest {

    TestDatabase db;
    private Dialect dialect;
    private DataSource dataSource;
    private final HistoryTables tables = new HistoryTables(null, "graft_");

    abstract DialectId dialectId();

    /**
     * A script in the dialect's own syntax, as its client reads it: it creates {@code counted (n
     * INTEGER)} and, with a body holding {@code ;}, something that adds one to every {@code n}
     * inserted; then it inserts 1 and 10 (one of them by {@code COPY ... FROM stdin} where there is one).
     */
    abstract String scriptWithBodies();

    /** A statement the database refuses inside a transaction, where the dialect has one. */
    abstract Optional<String> nonTransactionalStatement();

    /** Whether the database can say which session holds the migration lock. */
    abstract boolean tellsLockHolder();

    /**
     * Other URLs that reach {@link #db} as users write them (libpq and SQLAlchemy forms, {@code
     * jdbc:mysql:}), from {@code HOST:PORT/NAME} of its JDBC URL (the SQLite file, for SQLite).
     */
    abstract List<String> otherUrlForms(String hostPortAndName, String user);

    /** {@code HOST:PORT/NAME} of the test database's JDBC URL, or its file for SQLite. */
    private String hostPortAndName() {
        String url = db.url();
        int slashes = url.indexOf("//");
        String rest = slashes < 0 ? url.substring(url.indexOf(':', 5) + 1) : url.substring(slashes + 2);
        return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    }

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dialectId());
        dialect = Dialects.of(dialectId());
        dataSource = nonPooled(db);
    }

    /**
     * A DataSource that opens a new connection each time, like a pool with no idle connection: the
     * one Graft's pool connects through, on the test database's driver and credentials.
     */
    private static DataSource nonPooled(TestDatabase db) {
        Map<String, String> credentials = new HashMap<>();
        if (db.user() != null) {
            credentials.put("user", db.user());
        }
        if (db.password() != null) {
            credentials.put("password", db.password());
        }
        try {
            return new DriverDataSource(DriverManager.getDriver(db.url()), db.url(), credentials);
        } catch (SQLException e) {
            throw new IllegalStateException("no driver for the test database", e);
        }
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
    void theTableOfRecordedSchemasIsCreatedWhenFirstNeeded() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(dialect.tableExists(c, tables, tables.schemaRecordsName())).isFalse();
            for (int round = 0; round < 2; round++) {
                try (Statement s = c.createStatement()) {
                    s.execute(dialect.historySql(tables).createSchemaRecords());
                }
            }
            assertThat(dialect.tableExists(c, tables, tables.schemaRecordsName())).isTrue();
            assertThat(dialect.historyExists(c, tables)).isFalse();
        }
        assertThat(db.tables()).containsExactly("graft_schema");
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

    @Test
    void isTheDialectTheRegistryNamesForItsUrlAndProduct() throws SQLException {
        assertThat(dialect.id()).isEqualTo(dialectId());
        assertThat(Dialects.forUrl(db.url()).id()).isEqualTo(dialectId());
        assertThat(Dialects.idForUrl(db.url())).contains(dialectId());
        assertThat(Dialects.keys()).contains(dialectId().key());
        try (Connection c = dataSource.getConnection()) {
            assertThat(Dialects.forProductName(c.getMetaData().getDatabaseProductName()).id()).isEqualTo(dialectId());
        }
    }

    @Test
    void everyFormOfItsUrlReachesItsDatabase() throws SQLException {
        String expected = DatabaseUrl.parse(db.url()).jdbcUrl();
        List<String> forms = otherUrlForms(hostPortAndName(), db.user());
        assertThat(forms).isNotEmpty();
        for (String url : forms) {
            assertThat(Dialects.forUrl(url).id()).as(url).isEqualTo(dialectId());
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            assertThat(parsed.jdbcUrl()).as(url).startsWith(expected);
            String user = parsed.user() != null ? parsed.user() : db.user();
            String password = parsed.password() != null ? parsed.password() : db.password();
            try (HikariDataSource pool = Pools.open(parsed.jdbcUrl(), user, password);
                    Connection c = pool.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
                if (dialectId() != DialectId.SQLITE) {
                    assertThat(expected).as(url).endsWith("/" + c.getCatalog());
                }
            }
        }
    }

    @Test
    void itsSplitterOptionsSplitWhatItsDatabaseRuns() throws SQLException {
        List<SqlStatement> statements = SqlSplitter.split(scriptWithBodies(), "contract.sql", dialect.splitOptions());
        try (Connection c = dataSource.getConnection()) {
            for (SqlStatement s : statements) {
                dialect.execute(c, s);
            }
        }
        assertThat(sumOfCounted()).isEqualTo(13);
    }

    @Test
    void itsStatementRulesAgreeWithTheDatabase() throws SQLException {
        StatementRules rules = dialect.statementRules();
        assertThat(rules.isTransactionControl(statement("COMMIT"))).isTrue();
        assertThat(rules.isTransactionControl(statement("ROLLBACK"))).isTrue();
        assertThat(rules.isTransactionControl(statement("ROLLBACK TO SAVEPOINT s"))).isFalse();
        assertThat(rules.isTransactionControl(statement("SELECT 1"))).isFalse();
        try (Connection c = dataSource.getConnection()) {
            Optional<String> refused = nonTransactionalStatement();
            if (refused.isPresent()) {
                assertThat(rules.nonTransactionalReason(statement(refused.get()), 0)).isPresent();
                c.setAutoCommit(false);
                assertThatThrownBy(() -> exec(c, refused.get())).isInstanceOf(SQLException.class);
                c.rollback();
                c.setAutoCommit(true);
                exec(c, refused.get());
            } else {
                assertThat(rules.nonTransactionalReason(statement("VACUUM"), 0)).isEmpty();
                assertThat(rules.nonTransactionalReason(statement("CREATE INDEX CONCURRENTLY i ON t (a)"), 0)).isEmpty();
            }
            exec(c, "CREATE TABLE indexed (a INTEGER)");
            String concurrently = "CREATE INDEX CONCURRENTLY indexed_a ON indexed (a)";
            if (rules.concurrentIndexBuilds()) {
                exec(c, concurrently);
            } else {
                assertThatThrownBy(() -> exec(c, concurrently)).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void historyStatementsWriteTheSameRowsWithParametersAndWithLiterals() throws SQLException {
        HistoryStore store = new HistoryStore(dialect, tables);
        HistorySql sql = dialect.historySql(tables);
        ClientScript literals = dialect.clientScript();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String description = "it's a \\ test";
        try (Connection c = dataSource.getConnection()) {
            store.create(c);
            store.read(c);
            store.recordApplied(c, new AppliedRevision("a", List.of("p1", "p2"), "c".repeat(64),
                    AppliedRevision.State.APPLIED, 2, 2, null, now, "tester", 5, description), "up", now, now, "tester");
            exec(c, sql.insertRevision(literals, new AppliedRevision("b", List.of("a"), "d".repeat(64),
                    AppliedRevision.State.RUNNING, 0, 3, null, null, null, 0, description), Direction.UP, null));
            exec(c, sql.progress(literals, "b", 3));
            exec(c, sql.scriptMarkApplied(literals, "b"));
            exec(c, sql.insertLog(literals, "up", "b", null, null, true, null, null));

            List<AppliedRevision> rows = store.read(c);
            assertThat(rows).extracting(AppliedRevision::id).containsExactly("a", "b");
            AppliedRevision a = rows.get(0);
            assertThat(a.parents()).containsExactly("p1", "p2");
            assertThat(a.appliedAt()).isEqualTo(now);
            assertThat(a.appliedBy()).isEqualTo("tester");
            AppliedRevision b = rows.get(1);
            assertThat(b.description()).isEqualTo(a.description()).isEqualTo(description);
            assertThat(b.state()).isEqualTo(AppliedRevision.State.APPLIED);
            assertThat(b.statementsDone()).isEqualTo(b.statementsTotal()).isEqualTo(3);
            assertThat(b.appliedAt()).isNotNull();
            assertThat(b.appliedBy()).isNotBlank();
            assertThat(store.readLog(c, 10)).hasSize(2).allSatisfy(l -> assertThat(l.outcome()).isEqualTo("success"));

            store.markRunning(c, "a", Direction.DOWN, 2, now);
            store.failed(c, "a", 1, "down.sql:2:1: boom");
            assertThat(store.read(c).get(0).failedStatement()).isEqualTo("down.sql:2:1: boom");
            store.markApplied(c, "a", 2, 7, now);
            store.recordReverted(c, "a", "down", now, now, "tester");
            exec(c, sql.scriptMarkRunning(literals, "b", Direction.DOWN, 3));
            assertThat(store.read(c).get(0).state()).isEqualTo(AppliedRevision.State.RUNNING);
            exec(c, sql.deleteRevision(literals, "b"));
            assertThat(store.read(c)).isEmpty();
            assertThat(store.readLog(c, 10)).hasSize(3);
        }
    }

    @Test
    void aScriptWrittenForItsClientRunsThere() throws SQLException {
        ClientScript script = dialect.clientScript();
        StringBuilder text = new StringBuilder(script.begin()).append(";\n");
        for (SqlStatement s : SqlSplitter.split(scriptWithBodies(), "contract.sql", dialect.splitOptions())) {
            text.append(script.statement(s));
        }
        text.append("CREATE TABLE notes (t VARCHAR(100));\n");
        text.append("INSERT INTO notes (t) VALUES (").append(script.text("it's a \\ test")).append(");\n");
        text.append("COMMIT;\n");
        Clients.run(db, text.toString());
        assertThat(sumOfCounted()).isEqualTo(13);
        assertThat(db.query("SELECT t FROM notes").get(0).get("t")).isEqualTo("it's a \\ test");
    }

    @Test
    void thePoolForItsUrlConnectsWithItsDriverProperties() throws SQLException {
        PoolSettings pool = dialect.pool();
        pool.prepareDriver().run();
        assertThat(Pools.createsFileOnConnect(db.url())).isEqualTo(pool.createsFileOnConnect());
        try (HikariDataSource opened = Pools.open(db.url(), db.user(), db.password());
                Connection c = opened.getConnection()) {
            assertThat(c.isValid(5)).isTrue();
            // on the connection itself, as the server sees it (PostgreSQL: ApplicationName)
            for (var property : pool.dataSourceProperties().entrySet()) {
                assertThat(c.getClientInfo(property.getKey())).as(property.getKey()).isEqualTo(property.getValue());
            }
        }
    }

    @Test
    void aLockTimeoutSaysWhoHoldsTheLockAsData() throws SQLException {
        try (RunSession first = dialect.openSession(dataSource, tables, Duration.ofSeconds(1), () -> { })) {
            LockTimeoutException e = catchThrowableOfType(LockTimeoutException.class,
                    () -> dialect.openSession(dataSource, tables, Duration.ofMillis(200), () -> { }));
            assertThat(e.holder().isPresent()).isEqualTo(tellsLockHolder());
            e.holder().ifPresent(h -> assertThat(e.getMessage()).contains("it is held by " + h));
            first.finish();
        }
    }

    private int sumOfCounted() {
        return ((Number) db.query("SELECT SUM(n) AS s FROM counted").get(0).get("s")).intValue();
    }

    private static SqlStatement statement(String sql) {
        return new SqlStatement(sql, SourceSpan.none());
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
