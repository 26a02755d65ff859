package io.graft.internal.migrate;

import static io.graft.testing.SlowStatements.count;
import static io.graft.testing.SlowStatements.sleep;
import static io.graft.testing.SlowStatements.sleeping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.graft.Direction;
import io.graft.Graft;
import io.graft.MigrationInterruptedException;
import io.graft.MigrationListener;
import io.graft.RevisionStep;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Graft#cancel()} from another thread while a revision sleeps on the server
 * ({@code pg_sleep}, {@code SLEEP()}, a long recursive CTE on SQLite): the statement is cancelled
 * on the server, the revision is rolled back where the database can (PostgreSQL, SQLite) or its
 * completed statements are recorded exactly (MySQL/MariaDB, whose DDL commits at once), no later
 * revision runs, and the history and the exception say so.
 */
class CancellationTest {

    @TempDir
    Path dir;

    /**
     * Each dialect's sleep, and on PostgreSQL also one in a {@code DO} block, which goes to the
     * server in a batch with the statements around it ({@code PostgresPipeline}).
     */
    static Stream<Arguments> sleeps() {
        return Stream.concat(Stream.of(DialectId.values()).map(d -> Arguments.of(d, sleep(d))),
                Stream.of(Arguments.of(DialectId.POSTGRESQL, "DO $$ BEGIN PERFORM pg_sleep(60); END $$")));
    }

    @ParameterizedTest
    @MethodSource("sleeps")
    void cancelStopsTheRunningStatementAndRollsBackItsRevision(DialectId dialect, String sleep) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", "DROP TABLE a;\n")
                    .revision("0002_slow", List.of("0001_a"),
                            "CREATE TABLE s (n INTEGER);\n" + sleep + ";\nCREATE TABLE s2 (n INTEGER);\n",
                            "DROP TABLE s2;\nDROP TABLE s;\n")
                    .revision("0003_c", List.of("0002_slow"), "CREATE TABLE c (n INTEGER);\n", "DROP TABLE c;\n")
                    .save();
            CountDownLatch slowStarted = new CountDownLatch(1);
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                    .listener(new MigrationListener() {
                        @Override
                        public void revisionStarted(String revisionId, Direction direction, int index, int total) {
                            if (revisionId.equals("0002_slow")) {
                                slowStarted.countDown();
                            }
                        }
                    }).build()) {
                CompletableFuture<Object> run = CompletableFuture.supplyAsync(graft::upgrade);
                assertThat(slowStarted.await(60, TimeUnit.SECONDS)).isTrue();
                awaitTrue("the sleep to run on the server", () -> sleeping(db));
                Thread.sleep(300);
                long t0 = System.nanoTime();

                graft.cancel();

                ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
                assertThat(failed).as("the run must fail").isNotNull();
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("stopped within seconds")
                        .isLessThan(15);
                MigrationInterruptedException e = (MigrationInterruptedException) failed.getCause();
                assertThat(e.revisionId()).isEqualTo("0002_slow");
                assertThat(e.statementsTotal()).isEqualTo(3);
                assertThat(e.partialRun()).isPresent();
                assertThat(e.partialRun().get().steps()).extracting(RevisionStep::revisionId).containsExactly("0001_a");
                assertThat(e.partialRun().get().current()).containsExactly("0001_a");
                assertThat(e.notRun()).containsExactly("0002_slow", "0003_c");
                assertThat(e.where()).isPresent();
                assertThat(e.where().get().line()).isEqualTo(2);
                assertThat(e.getMessage()).startsWith("the run was interrupted: revision '0002_slow' stopped at statement 2 of 3")
                        .contains("applied before the interruption: 0001_a")
                        .contains("the database is at 0001_a; not applied: 0002_slow, 0003_c");
                assertThat(sleeping(db) && dialect != DialectId.SQLITE).as("the server no longer runs the sleep").isFalse();
                assertThat(db.userTables()).doesNotContain("s2", "c");
                List<Map<String, Object>> log = db.query(
                        "SELECT outcome, error FROM graft_log WHERE revision_id = '0002_slow'");
                assertThat(log).hasSize(1);
                assertThat(log.get(0).get("outcome")).isEqualTo("interrupted");
                assertThat((String) log.get(0).get("error")).contains("stopped at statement 2 of 3");

                if (dialect == DialectId.MYSQL) {
                    // DDL commits at once: CREATE TABLE s stays, and the row says exactly that.
                    assertThat(e.rolledBack()).isFalse();
                    assertThat(e.statementsDone()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("its first 1 statement(s) stay committed")
                            .contains("graft repair 0002_slow --applied");
                    assertThat(db.userTables()).contains("a", "s");
                    List<Map<String, Object>> row = db.query("SELECT state, statements_done, statements_total,"
                            + " failed_statement FROM graft_revisions WHERE id = '0002_slow'");
                    assertThat(row).hasSize(1);
                    assertThat(row.get(0).get("state")).isEqualTo("running");
                    assertThat(((Number) row.get(0).get("statements_done")).intValue()).isEqualTo(1);
                    assertThat((String) row.get(0).get("failed_statement")).contains("0002_slow.up.sql:2:1: interrupted");
                } else {
                    assertThat(e.rolledBack()).isTrue();
                    assertThat(e.statementsDone()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("its transaction was rolled back, so nothing of it remains")
                            .contains("run 'graft up' again to continue");
                    assertThat(db.userTables()).containsExactly("a");
                    assertThat(db.appliedIds()).containsExactly("0001_a");
                }
            }
        }
    }

    /** Going down: the revision whose down file sleeps stays applied (PostgreSQL, SQLite: rolled back), those reverted before it stay reverted. */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void cancelDuringDowngrade(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", "DROP TABLE a;\n")
                    .revision("0002_slow", List.of("0001_a"), "CREATE TABLE s (n INTEGER);\n",
                            "DROP TABLE s;\n" + sleep(dialect) + ";\n")
                    .revision("0003_c", List.of("0002_slow"), "CREATE TABLE c (n INTEGER);\n", "DROP TABLE c;\n")
                    .save();
            CountDownLatch slowStarted = new CountDownLatch(1);
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                    .listener(new MigrationListener() {
                        @Override
                        public void revisionStarted(String revisionId, Direction direction, int index, int total) {
                            if (revisionId.equals("0002_slow") && direction == Direction.DOWN) {
                                slowStarted.countDown();
                            }
                        }
                    }).build()) {
                graft.upgrade();
                CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> graft.downgrade("base"));
                assertThat(slowStarted.await(60, TimeUnit.SECONDS)).isTrue();
                awaitTrue("the sleep to run on the server", () -> sleeping(db));
                Thread.sleep(300);

                graft.cancel();

                ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
                MigrationInterruptedException e = (MigrationInterruptedException) failed.getCause();
                assertThat(e.revisionId()).isEqualTo("0002_slow");
                assertThat(e.partialRun().orElseThrow().steps()).extracting(RevisionStep::revisionId)
                        .containsExactly("0003_c");
                assertThat(e.notRun()).containsExactly("0002_slow", "0001_a");
                assertThat(e.getMessage()).contains("reverted before the interruption: 0003_c")
                        .contains("the database is at 0002_slow; not reverted: 0002_slow, 0001_a");
                if (dialect == DialectId.MYSQL) {
                    assertThat(e.rolledBack()).isFalse();
                    assertThat(db.userTables()).containsExactly("a");
                } else {
                    assertThat(e.rolledBack()).isTrue();
                    assertThat(db.userTables()).containsExactlyInAnyOrder("a", "s");
                    assertThat(db.appliedIds()).containsExactlyInAnyOrder("0001_a", "0002_slow");
                }
            }
        }
    }

    /**
     * A revision without a transaction ({@code transaction: false}; on MySQL any with DDL) cancelled
     * in its first statement: nothing of it took effect, so no row is left to repair, and the next
     * run applies it.
     */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void stepwiseRevisionCancelledBeforeAnyStatementTookEffectLeavesNothingToRepair(DialectId dialect)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            ChangelogFixture fixture = ChangelogFixture.in(dir)
                    .revision("0001_slow", List.of(), sleep(dialect) + ";\nCREATE TABLE s (n INTEGER);\n", null,
                            "transaction: false");
            Path changelog = fixture.save();
            CountDownLatch started = new CountDownLatch(1);
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                    .listener(new MigrationListener() {
                        @Override
                        public void revisionStarted(String revisionId, Direction direction, int index, int total) {
                            started.countDown();
                        }
                    }).build()) {
                CompletableFuture<Object> run = CompletableFuture.supplyAsync(graft::upgrade);
                assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
                awaitTrue("the sleep to run on the server", () -> sleeping(db));
                Thread.sleep(300);

                graft.cancel();

                ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> run.get(30, TimeUnit.SECONDS));
                MigrationInterruptedException e = (MigrationInterruptedException) failed.getCause();
                assertThat(e.statementsDone()).isZero();
                assertThat(e.rolledBack()).isTrue();
                assertThat(e.getMessage()).contains("none of its statements had taken effect, so its history row was removed")
                        .contains("run 'graft up' again to continue");
            }
            assertThat(db.query("SELECT id FROM graft_revisions")).isEmpty();
            assertThat(db.query("SELECT outcome FROM graft_log")).extracting(row -> row.get("outcome"))
                    .containsExactly("interrupted");
            fixture.write("sql/0001_slow.up.sql", "CREATE TABLE s (n INTEGER);\n");
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
                assertThat(graft.upgrade().steps()).extracting(RevisionStep::revisionId).containsExactly("0001_slow");
            }
            assertThat(db.userTables()).containsExactly("s");
        }
    }

    /** A cancel that comes before the run: it stays in force, and the run stops before its first revision. */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void cancelBeforeTheRunStopsBeforeTheFirstRevision(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", null)
                    .save();
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
                graft.cancel();
                MigrationInterruptedException e = catchThrowableOfType(MigrationInterruptedException.class,
                        graft::upgrade);
                assertThat(e).isNotNull();
                assertThat(e.revisionId()).isNull();
                assertThat(e.rolledBack()).isNull();
                assertThat(e.notRun()).containsExactly("0001_a");
                assertThat(e.partialRun().orElseThrow().steps()).isEmpty();
                assertThat(e.getMessage()).startsWith("the run was interrupted before revision '0001_a' started");
                assertThat(db.userTables()).isEmpty();
            }
        }
    }

    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
