package io.graft.cli.reliability;

import static io.graft.testing.SlowStatements.count;
import static io.graft.testing.SlowStatements.sleep;
import static io.graft.testing.SlowStatements.sleeping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.cli.reliability.Graftc.Proc;
import io.graft.cli.reliability.Graftc.Result;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C and SIGTERM sent to a real {@code graft} JVM (the CLI's main, spawned with this test's
 * class path) while a revision sleeps on the server ({@code pg_sleep}, {@code SLEEP()}, a long
 * recursive CTE on SQLite): the statement is cancelled on the server, the revision rolled back
 * where the database can, the history records the interruption, Graft prints what was applied,
 * what was interrupted and the database's state, and exits 130 (SIGINT) or 143 (SIGTERM).
 */
class SignalsTest {

    @TempDir
    Path dir;

    /** True when another session waits for Graft's lock (it polls on PostgreSQL, blocks in GET_LOCK on MySQL). */
    static boolean waitingForLock(TestDatabase db) {
        return switch (db.dialect()) {
            case POSTGRESQL -> count(db, "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND query LIKE '%pg_try_advisory_lock%' AND pid <> pg_backend_pid()") > 1;
            case MYSQL -> count(db, "SELECT count(*) AS n FROM information_schema.processlist WHERE db = DATABASE()"
                    + " AND info LIKE '%GET_LOCK%' AND id <> CONNECTION_ID()") > 0;
            case SQLITE -> true;
        };
    }

    private Path changelog(DialectId dialect) {
        return ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_slow", List.of("0001_a"),
                        "CREATE TABLE s (n INTEGER);\n" + sleep(dialect) + ";\nCREATE TABLE s2 (n INTEGER);\n",
                        "DROP TABLE s2;\nDROP TABLE s;\n")
                .revision("0003_c", List.of("0002_slow"), "CREATE TABLE c (n INTEGER);\n", "DROP TABLE c;\n")
                .save();
    }

    /** Waits until {@code graft} applied 0001_a and runs 0002_slow's sleep. */
    private static void awaitSleeping(Proc graft, TestDatabase db) {
        graft.awaitWhileRunning("0001_a to be applied", 60,
                () -> graft.out().contains("0001_a") || graft.out().contains("\"revision\""));
        graft.awaitWhileRunning("the sleep to run on the server", 60, () -> sleeping(db));
        Graftc.sleep(db.dialect() == DialectId.SQLITE ? 1500 : 300);
    }

    static void signal(Proc graft, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(graft.process.pid()))
                    .redirectErrorStream(true).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).as("kill -%s", signal).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void ctrlCCancelsTheStatementRollsBackAndExits130(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = changelog(dialect);
            Proc graft = Graftc.spawn(db, changelog, "up");
            awaitSleeping(graft, db);
            long t0 = System.nanoTime();

            signal(graft, "INT");
            Result r = graft.await(60);

            assertThat(r.exitCode()).as("%s", r).isEqualTo(130);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("%s", r).isLessThan(20);
            Graftc.assertNoStackTrace(r);
            assertThat(r.out()).contains("applied 0001_a");
            assertThat(r.err())
                    .contains("graft: SIGINT (Ctrl-C) received: cancelling the running statement")
                    .contains("graft: the run was interrupted by SIGINT (Ctrl-C): revision '0002_slow' stopped at"
                            + " statement 2 of 3 (sql/0002_slow.up.sql:2:1:")
                    .contains("applied before the interruption: 0001_a")
                    .contains("the database is at 0001_a; not applied: 0002_slow, 0003_c");
            assertThat(sleeping(db) && dialect != DialectId.SQLITE).as("the server no longer runs the sleep").isFalse();
            List<Map<String, Object>> log = db.query(
                    "SELECT outcome FROM graft_log WHERE revision_id = '0002_slow'");
            assertThat(log).extracting(row -> row.get("outcome")).containsExactly("interrupted");
            assertThat(db.userTables()).doesNotContain("s2", "c");
            if (dialect == DialectId.MYSQL) {
                assertThat(r.err()).contains("it does not run in a transaction, so its first 1 statement(s) stay"
                        + " committed, and it is recorded as running with 1 of 3 done")
                        .contains("graft repair 0002_slow --applied");
                assertThat(db.userTables()).containsExactlyInAnyOrder("a", "s");
                Result status = Graftc.run(db, changelog, "check");
                assertThat(status.err()).contains("revision '0002_slow' was left running: 1 of 3 statement(s) completed");
            } else {
                assertThat(r.err()).contains("its transaction was rolled back, so nothing of it remains")
                        .contains("run 'graft up' again to continue");
                assertThat(db.userTables()).containsExactly("a");
                assertThat(db.appliedIds()).containsExactly("0001_a");
            }
        }
    }

    /** SIGTERM: 143, and with --format json the run's document lists what was applied, then the interruption. */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void sigtermExits143WithTheJsonAccount(DialectId dialect) throws IOException {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = changelog(dialect);
            Proc graft = Graftc.spawn(changelog.getParent(), null, Map.of(),
                    Graftc.args(db, changelog, "--format", "json", "up"));
            // SQLite shows neither the statement nor (before the run commits) 0001_a; its rollback
            // journal appears with the run's first write.
            Path journal = Path.of(db.url().substring("jdbc:sqlite:".length()) + "-journal");
            graft.awaitWhileRunning("the sleep to run on the server", 60,
                    () -> dialect == DialectId.SQLITE ? java.nio.file.Files.exists(journal) : sleeping(db));
            Graftc.sleep(dialect == DialectId.SQLITE ? 2000 : 300);

            signal(graft, "TERM");
            Result r = graft.await(60);

            assertThat(r.exitCode()).as("%s", r).isEqualTo(143);
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertThat(doc.get("operation").asText()).isEqualTo("up");
            List<String> steps = new ArrayList<>();
            doc.get("steps").forEach(s -> steps.add(s.get("revision").asText()));
            assertThat(steps).containsExactly("0001_a");
            assertThat(doc.at("/error/type").asText()).isEqualTo("interrupted");
            assertThat(doc.at("/error/exit_code").asInt()).isEqualTo(143);
            assertThat(doc.at("/error/revision").asText()).isEqualTo("0002_slow");
            assertThat(doc.at("/error/interrupted/signal").asText()).isEqualTo("SIGTERM");
            assertThat(doc.at("/error/interrupted/statements_done").asInt()).isEqualTo(1);
            assertThat(doc.at("/error/interrupted/rolled_back").asBoolean()).isEqualTo(dialect != DialectId.MYSQL);
            assertThat(doc.at("/error/interrupted/not_run").toString()).isEqualTo("[\"0002_slow\",\"0003_c\"]");
            assertThat(doc.at("/error/message").asText()).startsWith("the run was interrupted by SIGTERM: ");
            assertThat(r.err()).contains("graft: SIGTERM received");
            io.graft.cli.render.JsonOutputSchemaTest.assertValid("up", r.out());
        }
    }

    /**
     * A second Ctrl-C while the first is being handled exits at once. The revision's statement
     * ignores cancels (PL/pgSQL catches {@code query_canceled} and sleeps on), so the first Ctrl-C
     * cannot finish the run; the second exits, and the server rolls the revision back when the
     * connection goes.
     */
    @Test
    void secondCtrlCExitsAtOnce() {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\n", null)
                    .revision("0002_stubborn", List.of("0001_a"), """
                            CREATE TABLE s (n INTEGER);
                            DO $$
                            BEGIN
                              FOR i IN 1..120 LOOP
                                BEGIN
                                  PERFORM pg_sleep(0.5);
                                EXCEPTION WHEN query_canceled THEN
                                  NULL;
                                END;
                              END LOOP;
                            END
                            $$;
                            """, null)
                    .save();
            Proc graft = Graftc.spawn(db, changelog, "up");
            awaitSleeping(graft, db);
            signal(graft, "INT");
            graft.awaitWhileRunning("the first Ctrl-C to be taken", 20, () -> graft.err().contains("received"));
            Graftc.sleep(1000);
            assertThat(graft.process.isAlive()).as("the statement ignores the cancel: still running").isTrue();
            long t0 = System.nanoTime();

            signal(graft, "INT");
            Result r = graft.await(20);

            assertThat(r.exitCode()).as("%s", r).isEqualTo(130);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("exits at once").isLessThan(5000);
            assertThat(r.err()).contains("graft: interrupted by SIGINT (Ctrl-C) again: exited at once while the run"
                    + " was being stopped");
            Graftc.awaitNoOtherSessions(db);
            assertThat(db.userTables()).containsExactly("a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
        }
    }

    /** Ctrl-C while waiting for the lock: nothing ran, so graft says so and exits 130 at once; the holder is untouched. */
    @ParameterizedTest
    @EnumSource(DialectId.class)
    void ctrlCWhileWaitingForTheLockExitsAtOnce(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = changelog(dialect);
            Proc holder = Graftc.spawn(db, changelog, "up");
            awaitSleeping(holder, db);
            Proc waiter = Graftc.spawn(db, changelog, "up");
            waiter.awaitWhileRunning("the second run to wait for the lock", 60,
                    () -> waiter.err().contains("waiting for the migration lock"));

            signal(waiter, "INT");
            Result w = waiter.await(20);

            assertThat(w.exitCode()).as("%s", w).isEqualTo(130);
            assertThat(w.err()).contains("graft: interrupted by SIGINT (Ctrl-C) before any revision ran: nothing was changed");
            Graftc.assertNoStackTrace(w);

            // The same with --format json and SIGTERM: stdout still gets its one document. First the
            // server must have seen the first waiter go (MySQL shows its GET_LOCK for a while).
            if (dialect != DialectId.SQLITE) {
                Graftc.awaitTrue("the first waiter's session to end", 60, () -> !waitingForLock(db));
            }
            Proc jsonWaiter = Graftc.spawn(changelog.getParent(), null, Map.of(),
                    Graftc.args(db, changelog, "--format", "json", "up"));
            jsonWaiter.awaitWhileRunning("the JSON run to wait for the lock", 60,
                    () -> jsonWaiter.err().contains("waiting for the migration lock"));
            signal(jsonWaiter, "TERM");
            Result j = jsonWaiter.await(20);
            assertThat(j.exitCode()).as("%s", j).isEqualTo(143);
            io.graft.cli.render.JsonOutputSchemaTest.assertValid("up", j.out());
            assertThat(j.out()).contains("\"type\" : \"interrupted\"").contains("\"exit_code\" : 143")
                    .contains("interrupted by SIGTERM before any revision ran: nothing was changed");

            assertThat(holder.process.isAlive()).isTrue();
            signal(holder, "INT");
            assertThat(holder.await(60).exitCode()).isEqualTo(130);
        }
    }
}
