package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Graft;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When Graft's own history writes fail (found by the fleet's fault-injection run, FleetChaos): a
 * completed statement whose count cannot be written is a located error, not a crash; a history
 * left with one table of two by a killed run is completed by the next.
 */
class HistoryWriteFailureTest {

    @TempDir
    Path dir;

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(5)).build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aStatementWhoseCountCannotBeRecordedIsNamedAsCompleted(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\nDROP TABLE graft_revisions;\n",
                        "DROP TABLE a;\n", "transaction: false")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade)
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(dir.resolve("sql/0001_a.up.sql") + ":2:1: ")
                    .hasMessageContaining("revision '0001_a': statement 2 of 2 completed, but recording that in the"
                            + " history failed")
                    .hasMessageContaining("graft repair 0001_a --applied");
            assertThat(db.userTables()).contains("a");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aHistoryWithoutItsLogTableIsCompletedByTheNextRun(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (id INTEGER);\n", "DROP TABLE b;\n")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = graft(changelog, db)) {
                graft.upgrade("0001_a");
            }
            // As a run killed between the two CREATE TABLEs of the history leaves it.
            db.execute("DROP TABLE graft_log");
            try (Graft graft = graft(changelog, db)) {
                graft.upgrade();
            }
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
            assertThat(db.query("SELECT operation, revision_id, outcome FROM graft_log"))
                    .extracting(r -> r.get("operation") + " " + r.get("revision_id") + " " + r.get("outcome"))
                    .containsExactly("up 0002_b success");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRevisionStoppedAfterItsLastStatementIsSettledByRepairNotResume(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n",
                        "DROP TABLE b;\nDROP TABLE a;\n", "transaction: false")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = graft(changelog, db)) {
                graft.upgrade();
            }
            // As a run killed between the last statement and marking the row applied leaves it.
            db.execute("UPDATE graft_revisions SET state = 'running', statements_done = 2");
            try (Graft graft = graft(changelog, db)) {
                assertThat(graft.status().drift()).singleElement().satisfies(d -> {
                    assertThat(d.message()).contains("2 of 2 statement(s) completed");
                    assertThat(d.hint()).contains("graft repair 0001_a --applied").doesNotContain("--resume");
                });
            }
        }
    }
}
