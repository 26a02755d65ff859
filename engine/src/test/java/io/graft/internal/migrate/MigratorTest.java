package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.AppliedRevision;
import io.graft.ChangelogException;
import io.graft.Drift;
import io.graft.Graft;
import io.graft.LockTimeoutException;
import io.graft.MigrationException;
import io.graft.RepairAction;
import io.graft.Status;
import io.graft.TargetException;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.HistoryTables;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The executor against real databases: atomicity, drift, repair, stamp, locks. */
class MigratorTest {

    @TempDir
    Path dir;

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(1)).build();
    }

    private Path twoRevisions(String secondUp) {
        return ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"), secondUp, "DROP TABLE b1;\n")
                .save();
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL", "SQLITE"})
    void aFailingStatementLeavesNoTraceOfItsRevision(DialectId dialect) {
        Path changelog = twoRevisions("""
                CREATE TABLE b1 (id INTEGER);
                CREATE TABLE b2 (id INTEGER);
                INSERT INTO b1 (id) VALUES (1);
                INSERT INTO b2 (id) VALUES (2);
                INSERT INTO no_such_table (id) VALUES (3);
                """);
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.upgrade())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("sql/0002_b.up.sql:5:")
                    .hasMessageContaining("revision '0002_b' failed at statement 5 of 5: INSERT INTO no_such_table")
                    .hasMessageContaining("no_such_table");
            assertThat(db.userTables()).containsExactly("a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
            List<Map<String, Object>> failures = db.query(
                    "SELECT revision_id, error FROM graft_log WHERE outcome = 'failure'");
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).get("revision_id")).isEqualTo("0002_b");
            assertThat((String) failures.get(0).get("error")).contains("no_such_table");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void eachRevisionGetsItsRowInOrderAndOneLogLineAcrossRuns(DialectId dialect) {
        ChangelogFixture fixture = ChangelogFixture.in(dir);
        for (int i = 1; i <= 4; i++) {
            String parent = i == 1 ? null : "r" + (i - 1);
            fixture.revision("r" + i, parent == null ? List.of() : List.of(parent),
                    "CREATE TABLE t" + i + " (id INTEGER);\n", "DROP TABLE t" + i + ";\n");
        }
        Path changelog = fixture.save();
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            graft.upgrade("r2");
            graft.downgrade("r1");
            graft.upgrade();

            List<Map<String, Object>> rows = db.query("SELECT id, applied_seq FROM graft_revisions ORDER BY applied_seq");
            assertThat(rows).extracting(r -> r.get("id")).containsExactly("r1", "r2", "r3", "r4");
            List<Integer> seqs = rows.stream().map(r -> ((Number) r.get("applied_seq")).intValue()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(seqs.get(0)).isEqualTo(1);
            List<Map<String, Object>> log = db.query(
                    "SELECT operation, revision_id, outcome FROM graft_log ORDER BY id");
            assertThat(log).extracting(r -> r.get("operation") + " " + r.get("revision_id") + " " + r.get("outcome"))
                    .containsExactly("up r1 success", "up r2 success", "down r2 success",
                            "up r2 success", "up r3 success", "up r4 success");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL"})
    void postgresErrorPositionsPointIntoTheFile(DialectId dialect) {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n\nSELECT id,\n       nope\nFROM b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.upgrade())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(dir.resolve("sql/0002_b.up.sql") + ":4:8: ")
                    .hasMessageContaining("SQLSTATE 42703");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void anEditedAppliedFileBlocksTheNextRunUntilRepaired(DialectId dialect) throws Exception {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            graft.upgrade();
            Path file = dir.resolve("sql/0001_a.up.sql");
            // Line endings and a BOM are not changes.
            Files.writeString(file, "\uFEFFCREATE TABLE a (id INTEGER PRIMARY KEY);\r\n");
            assertThat(graft.status().drift()).isEmpty();

            Files.writeString(file, "CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER);\n");
            Status status = graft.status();
            assertThat(status.drift()).extracting(Drift::kind).containsExactly(Drift.Kind.CHECKSUM_CHANGED);
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0001_a' was applied, but its file")
                    .hasMessageContaining("0001_a.up.sql has changed")
                    .hasMessageContaining("graft repair");
            assertThatThrownBy(graft::check).isInstanceOf(MigrationException.class);

            assertThat(graft.repairChecksums()).containsExactly("0001_a");
            assertThat(graft.check().drift()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aStoppedNonTransactionalRevisionIsRunningUntilRepaired(DialectId dialect) throws Exception {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"),
                        "CREATE TABLE b1 (id INTEGER);\nINSERT INTO missing (id) VALUES (1);\nCREATE TABLE b2 (id INTEGER);\n",
                        "DROP TABLE b2;\nDROP TABLE b1;\n", "transaction: false")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0002_b.up.sql:2:1")
                    .hasMessageContaining("graft repair 0002_b --applied");
            assertThat(db.userTables()).containsExactly("a", "b1");
            List<Map<String, Object>> row = db.query(
                    "SELECT state, statements_done, statements_total, failed_statement FROM graft_revisions WHERE id = '0002_b'");
            assertThat(row.get(0).get("state")).isEqualTo("running");
            assertThat(((Number) row.get(0).get("statements_done")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get(0).get("statements_total")).intValue()).isEqualTo(3);
            assertThat((String) row.get(0).get("failed_statement")).contains("0002_b.up.sql:2:1");

            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0002_b' was left running: 1 of 3 statement(s) completed")
                    .hasMessageContaining("graft repair 0002_b --applied")
                    .hasMessageContaining("--rolled-back");

            // The DBA undoes the first statement and fixes the file.
            db.execute("DROP TABLE b1");
            graft.repair("0002_b", RepairAction.ROLLED_BACK);
            Files.writeString(dir.resolve("sql/0002_b.up.sql"), "CREATE TABLE b1 (id INTEGER);\nCREATE TABLE b2 (id INTEGER);\n");
            try (Graft again = graft(changelog, db)) {
                again.upgrade();
            }
            assertThat(db.userTables()).containsExactly("a", "b1", "b2");
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"POSTGRESQL", "SQLITE"})
    void statementsThatCannotRunInATransactionAreRefusedBeforeAnythingRuns(DialectId dialect) {
        String bad = dialect == DialectId.POSTGRESQL ? "CREATE INDEX CONCURRENTLY a_idx ON a (id);\n" : "VACUUM;\n";
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n" + bad);
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(ChangelogException.class)
                    .hasMessageContaining("0002_b.up.sql:2:1")
                    .hasMessageContaining("transaction: false");
            assertThat(db.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDowngradeAcrossAnIrreversibleRevisionIsRefusedBeforeAnythingRuns(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", null)
                .revision("0002_b", List.of("0001_a"), "CREATE TABLE b1 (id INTEGER);\n", "DROP TABLE b1;\n")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            graft.upgrade();
            assertThatThrownBy(() -> graft.downgrade("base")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("0001_a");
            assertThat(db.userTables()).containsExactly("a", "b1");
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void badTargetsLeaveTheDatabaseUntouched(DialectId dialect) {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.upgrade("nope_nope")).isInstanceOf(TargetException.class);
            assertThat(db.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void stampWritesHistoryWithoutRunningSql(DialectId dialect) {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            graft.stamp("0002_b");
            assertThat(db.userTables()).isEmpty();
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
            graft.stamp("0001_a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
            graft.upgrade();
            assertThat(db.userTables()).containsExactly("b1");
            graft.stampPurge();
            assertThat(db.appliedIds()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRowTheChangelogDoesNotKnowIsReported(DialectId dialect) {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = graft(changelog, db)) {
                graft.upgrade();
            }
            Path smaller = ChangelogFixture.in(dir.resolve("other"))
                    .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n", "DROP TABLE a;\n")
                    .save();
            try (Graft graft = graft(smaller, db)) {
                assertThat(graft.status().drift()).extracting(Drift::kind).containsExactly(Drift.Kind.UNKNOWN_REVISION);
                assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("'0002_b'");
                graft.repair("0002_b", RepairAction.ROLLED_BACK);
                assertThat(graft.status().drift()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aHeldLockTimesOutWithItsOwnError(DialectId dialect) throws Exception {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db);
                Connection holder = db.connect()) {
            holdLock(holder, db);
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("could not get the migration lock within 1 s")
                    .hasMessageContaining(dialect == DialectId.POSTGRESQL ? "pid"
                            : dialect == DialectId.MYSQL ? "connection" : "another connection");
            assertThat(db.userTables()).isEmpty();
            releaseLock(holder, db);
            graft.upgrade();
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
        }
    }

    private static void holdLock(Connection c, TestDatabase db) throws Exception {
        try (Statement s = c.createStatement()) {
            switch (db.dialect()) {
                case SQLITE -> s.execute("BEGIN IMMEDIATE");
                case POSTGRESQL -> {
                    ResultSet rs = s.executeQuery("SELECT current_database()");
                    rs.next();
                    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                        ps.setLong(1, new HistoryTables(null, "graft_").lockKey(rs.getString(1)));
                        ps.execute();
                    }
                }
                case MYSQL -> {
                    ResultSet rs = s.executeQuery("SELECT DATABASE()");
                    rs.next();
                    s.execute("SELECT GET_LOCK('graft:" + rs.getString(1) + ":graft_', 1)");
                }
            }
        }
    }

    private static void releaseLock(Connection c, TestDatabase db) throws Exception {
        try (Statement s = c.createStatement()) {
            switch (db.dialect()) {
                case SQLITE -> s.execute("ROLLBACK");
                case POSTGRESQL -> s.execute("SELECT pg_advisory_unlock_all()");
                case MYSQL -> s.execute("SELECT RELEASE_ALL_LOCKS()");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"MYSQL"})
    void mysqlRunsDdlRevisionsStepwise(DialectId dialect) {
        Path changelog = twoRevisions("CREATE TABLE b1 (id INTEGER);\nINSERT INTO missing (id) VALUES (1);\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("graft repair 0002_b");
            assertThat(graft.status().applied()).extracting(AppliedRevision::state)
                    .containsExactly(AppliedRevision.State.APPLIED, AppliedRevision.State.RUNNING);
        }
    }
}
