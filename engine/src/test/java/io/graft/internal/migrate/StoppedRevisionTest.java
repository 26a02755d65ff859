package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.AppliedRevision;
import io.graft.Direction;
import io.graft.Graft;
import io.graft.MigrationException;
import io.graft.RunResult;
import io.graft.Status;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A revision outside a transaction ({@code transaction: false}; on MySQL/MariaDB any revision with
 * DDL) that stops part way: nothing to repair when nothing took effect, never counted as applied,
 * and {@link Graft#resume} to continue it from the first statement that did not complete.
 */
class StoppedRevisionTest {

    private static final String B_UP = """
            CREATE TABLE b1 (id INTEGER);
            INSERT INTO missing (id) VALUES (1);
            CREATE TABLE b2 (id INTEGER);
            """;

    @TempDir
    Path dir;

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(1)).build();
    }

    /**
     * MySQL runs a revision with DDL statement by statement whatever the changelog says; the
     * others only with {@code transaction: false}.
     */
    private static String[] stepwise(DialectId dialect) {
        return dialect == DialectId.MYSQL ? new String[0] : new String[] {"transaction: false"};
    }

    private Path changelog(DialectId dialect, String bUp, String bDown) {
        return ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"), bUp, bDown, stepwise(dialect))
                .save();
    }

    private static List<String> log(TestDatabase db) {
        return db.query("SELECT operation, revision_id, outcome FROM graft_log ORDER BY id").stream()
                .map(r -> r.get("operation") + " " + r.get("revision_id") + " " + r.get("outcome")).toList();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRevisionThatFailsAtItsFirstStatementLeavesNothingToRepair(DialectId dialect) throws Exception {
        // CREATE TABLE of a table that exists: statement 1 of 1 fails, and takes no effect.
        Path changelog = changelog(dialect, "CREATE TABLE a (id INTEGER);\n", "DROP TABLE b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0002_b.up.sql:1:1")
                    .hasMessageContaining("revision '0002_b' failed at statement 1 of 1")
                    .hasMessageContaining("no statement of revision '0002_b' took effect, so nothing was recorded as"
                            + " applied or running; fix the cause and run 'graft up' again")
                    .hasMessageNotContaining("graft repair");
            assertThat(db.appliedIds()).containsExactly("0001_a");
            List<Map<String, Object>> failures = db.query(
                    "SELECT operation, revision_id, error FROM graft_log WHERE outcome = 'failure'");
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0).get("revision_id")).isEqualTo("0002_b");
            assertThat((String) failures.get(0).get("error")).contains("statement 1 of 1");

            Status status = graft.status();
            assertThat(status.drift()).isEmpty();
            assertThat(status.running()).isEmpty();
            assertThat(status.pending()).extracting(Revision::id).containsExactly("0002_b");

            // Nothing to repair: the next up simply runs it again.
            Files.writeString(dir.resolve("sql/0002_b.up.sql"), "CREATE TABLE b1 (id INTEGER);\n");
            try (Graft again = graft(changelog, db)) {
                again.upgrade();
                assertThat(again.check().drift()).isEmpty();
            }
            assertThat(db.userTables()).containsExactly("a", "b1");
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
            assertThat(log(db)).containsExactly("up 0001_a success", "up 0002_b failure", "up 0002_b success");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRunningRevisionIsNeverCountedAsApplied(DialectId dialect) {
        Path changelog = changelog(dialect, B_UP, "DROP TABLE b2;\nDROP TABLE b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("its first 1 statement(s) stay committed")
                    .hasMessageContaining("'graft up --resume 0002_b' to continue from statement 2");

            Status status = graft.status();
            assertThat(status.completed()).extracting(AppliedRevision::id).containsExactly("0001_a");
            assertThat(status.current()).containsExactly("0001_a");
            assertThat(status.running()).hasSize(1);
            AppliedRevision running = status.running().get(0);
            assertThat(running.id()).isEqualTo("0002_b");
            assertThat(running.direction()).isEqualTo(Direction.UP);
            assertThat(running.statementsDone()).isEqualTo(1);
            assertThat(running.statementsTotal()).isEqualTo(3);
            assertThat(running.failedStatement()).contains("0002_b.up.sql:2:1: ");
            assertThat(status.drift()).singleElement().satisfies(d -> assertThat(d.hint())
                    .startsWith("fix the cause and run 'graft up --resume 0002_b' to continue from statement 2"));
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void resumeContinuesFromTheFirstStatementThatDidNotComplete(DialectId dialect) {
        Path changelog = changelog(dialect, B_UP, "DROP TABLE b2;\nDROP TABLE b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade).isInstanceOf(MigrationException.class);
            // The cause is fixed in the database; statement 1 (CREATE TABLE b1) must not run again.
            db.execute("CREATE TABLE missing (id INTEGER)");

            RunResult result = graft.resume("0002_b");
            assertThat(result.direction()).isEqualTo(Direction.UP);
            assertThat(result.steps()).singleElement().satisfies(step -> {
                assertThat(step.revisionId()).isEqualTo("0002_b");
                assertThat(step.statements()).isEqualTo(2);
            });
            assertThat(result.current()).containsExactly("0002_b");
            assertThat(db.userTables()).containsExactlyInAnyOrder("a", "b1", "b2", "missing");
            assertThat(db.query("SELECT id FROM missing")).hasSize(1);
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
            Map<String, Object> row = db.query("SELECT state, statements_done, statements_total, failed_statement"
                    + " FROM graft_revisions WHERE id = '0002_b'").get(0);
            assertThat(row.get("state")).isEqualTo("applied");
            assertThat(((Number) row.get("statements_done")).intValue()).isEqualTo(3);
            assertThat(row.get("failed_statement")).isNull();
            assertThat(log(db)).containsExactly("up 0001_a success", "up 0002_b failure", "resume 0002_b success");
            assertThat(graft.check().drift()).isEmpty();

            // And it reverts like any other.
            graft.downgrade("0001_a");
            assertThat(db.userTables()).containsExactlyInAnyOrder("a", "missing");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void resumeRunsTheFailedStatementAsFixedInTheFile(DialectId dialect) throws Exception {
        Path changelog = changelog(dialect, B_UP, "DROP TABLE b2;\nDROP TABLE b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = graft(changelog, db)) {
                assertThatThrownBy(graft::upgrade).isInstanceOf(MigrationException.class);
            }
            // The usual fix: the failed statement, where it stood.
            Files.writeString(dir.resolve("sql/0002_b.up.sql"), B_UP.replace("INSERT INTO missing", "INSERT INTO b1"));
            try (Graft graft = graft(changelog, db)) {
                graft.resume("0002_b");
                assertThat(db.query("SELECT id FROM b1")).hasSize(1);
                assertThat(db.userTables()).containsExactlyInAnyOrder("a", "b1", "b2");
                // The new file is the one recorded.
                assertThat(graft.check().drift()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void resumeRefusesAFileChangedBeforeWhereTheRunStopped(DialectId dialect) throws Exception {
        Path changelog = changelog(dialect, B_UP, "DROP TABLE b2;\nDROP TABLE b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = graft(changelog, db)) {
                assertThatThrownBy(graft::upgrade).isInstanceOf(MigrationException.class);
            }
            db.execute("CREATE TABLE missing (id INTEGER)");
            Files.writeString(dir.resolve("sql/0002_b.up.sql"), "CREATE TABLE b0 (id INTEGER);\n" + B_UP);
            try (Graft graft = graft(changelog, db)) {
                assertThatThrownBy(() -> graft.resume("0002_b")).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("revision '0002_b' changed since it was left running")
                        .hasMessageContaining("it ran 3 statement(s) and stopped at ")
                        .hasMessageContaining("now it holds 4 and statement 2 starts at ")
                        .hasMessageContaining("graft repair 0002_b --applied");
            }
            assertThat(db.userTables()).containsExactlyInAnyOrder("a", "b1", "missing");
            Map<String, Object> row = db.query("SELECT state, statements_done FROM graft_revisions"
                    + " WHERE id = '0002_b'").get(0);
            assertThat(row.get("state")).isEqualTo("running");
            assertThat(((Number) row.get("statements_done")).intValue()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aResumeThatFailsAgainStaysRunningWithWhereItStopped(DialectId dialect) {
        Path changelog = changelog(dialect, B_UP, "DROP TABLE b2;\nDROP TABLE b1;\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade).isInstanceOf(MigrationException.class);
            assertThatThrownBy(() -> graft.resume("0003")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0003' is not running")
                    .hasMessageContaining("name the revision left running by its whole id: 'graft up --resume 0002_b'");
            assertThatThrownBy(() -> graft.resume("0002")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0002_b' failed at statement 2 of 3");
            assertThatThrownBy(() -> graft.resume("0002_b")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0002_b' failed at statement 2 of 3");
            AppliedRevision running = graft.status().running().get(0);
            assertThat(running.statementsDone()).isEqualTo(1);
            assertThat(running.failedStatement()).contains("0002_b.up.sql:2:1: ");
            assertThat(log(db)).containsExactly("up 0001_a success", "up 0002_b failure", "resume 0002_b failure",
                    "resume 0002_b failure");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void resumeSaysWhyWhenThereIsNothingToResume(DialectId dialect) {
        Path changelog = changelog(dialect, "CREATE TABLE b1 (id INTEGER);\nCREATE TABLE b2 (id INTEGER);\n",
                "DROP TABLE b2;\nDROP TABLE nope;\n");
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(() -> graft.resume("0002_b")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0002_b' is not running: it has no row in graft_revisions");
            graft.upgrade();
            assertThatThrownBy(() -> graft.resume("0002_b")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0002_b' is applied, not running: there is nothing to resume");

            // A revert that stopped is not resumed by an upgrade.
            assertThatThrownBy(() -> graft.downgrade("0001_a")).isInstanceOf(MigrationException.class);
            AppliedRevision running = graft.status().running().get(0);
            assertThat(running.direction()).isEqualTo(Direction.DOWN);
            assertThatThrownBy(() -> graft.resume("0002_b")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("revision '0002_b' stopped while it was being reverted, after 1 of 2")
                    .hasMessageContaining("graft repair 0002_b --rolled-back");
        }
    }
}
