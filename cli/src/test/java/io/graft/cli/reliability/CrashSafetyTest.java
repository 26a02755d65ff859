package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.reliability.Graftc.Proc;
import io.graft.cli.reliability.Graftc.Result;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §4: a killed run never leaves a half-applied transactional revision, and the history
 * always says what the schema holds. {@code kill -9} ({@code destroyForcibly}) at random moments of
 * long {@code up} and {@code down base} runs; after each kill the history is compared with the
 * schema, then a new run finishes the job.
 *
 * <p>The seed is {@code -Dgraft.crash.seed} (default fixed, printed); {@code -Dgraft.crash.kills}
 * sets the number of kills per dialect (default 20, what CI runs; raise it for a longer hunt).
 */
class CrashSafetyTest {

    private static final int REVISIONS = 40;
    private static final long SEED = Long.getLong("graft.crash.seed", 0x6_72_61_66_74L);
    private static final int KILLS = Integer.getInteger("graft.crash.kills", 20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void randomKillsNeverLeaveHistoryAndSchemaOutOfStep(DialectId dialect) {
        Random random = new Random(SEED + dialect.ordinal());
        System.out.printf("CrashSafetyTest %s: seed %d (-Dgraft.crash.seed=%d), %d kills%n",
                dialect.key(), SEED, SEED, KILLS);
        try (TestDatabase db = TestDatabase.create(dialect)) {
            // Each revision: CREATE TABLE, i INSERTs, ~15 ms of slow work: a run takes 1-3 s.
            Path changelog = Workloads.chain(dir, dialect, "k", REVISIONS, 0.015);
            // How long a whole run takes here, to spread the kills over it.
            Result first = Graftc.spawn(db, changelog, "up").await(120);
            assertThat(first.exitCode()).as("%s", first).isZero();
            long runMillis = first.millis();
            assertThat(Graftc.run(db, changelog, "down", "base").exitCode()).isZero();

            int killed = 0;
            int finished = 0;
            int runningRows = 0;
            int appliedAtKill = 0;
            for (int attempt = 0; killed < KILLS; attempt++) {
                assertThat(attempt).as("attempts to get %d kills", KILLS).isLessThan(KILLS * 3);
                boolean allApplied = db.appliedIds().size() == REVISIONS;
                Proc run = allApplied ? Graftc.spawn(db, changelog, "down", "base") : Graftc.spawn(db, changelog, "up");
                Graftc.sleep(100 + random.nextInt((int) runMillis + 100));
                if (run.process.isAlive()) {
                    run.kill();
                    killed++;
                } else {
                    Result r = run.await(5);
                    assertThat(r.exitCode()).as("%s", r).isZero();
                    finished++;
                }
                Graftc.awaitNoOtherSessions(db);
                runningRows += assertHistoryMatchesSchema(db, dialect);
                appliedAtKill += db.appliedIds().size();
            }
            System.out.printf("CrashSafetyTest %s: %d kills, %d runs finished first, %d running rows repaired,"
                    + " %.1f revisions applied on average after a kill, a whole run takes %d ms%n",
                    dialect.key(), killed, finished, runningRows, appliedAtKill / (double) (killed + finished), runMillis);

            Result last = Graftc.spawn(db, changelog, "up").await(120);
            assertThat(last.exitCode()).as("%s", last).isZero();
            assertThat(db.appliedIds()).hasSize(REVISIONS);
            assertHistoryMatchesSchema(db, dialect);
            assertThat(db.userTables()).hasSize(REVISIONS);
        }
    }

    /**
     * Every applied row has its table with all its rows; every table has its row. A {@code running}
     * row is allowed only on MySQL (DDL commits implicitly): it must be consistent with what took
     * effect, and is then settled as a DBA would (undo by hand, {@code repair --rolled-back}).
     * Returns the number of running rows settled.
     */
    private int assertHistoryMatchesSchema(TestDatabase db, DialectId dialect) {
        Set<String> tables = new HashSet<>(db.userTables());
        List<Map<String, Object>> rows = db.tables().contains("graft_revisions")
                ? db.query("SELECT id, state, direction, statements_done FROM graft_revisions") : List.of();
        Set<String> withRow = new HashSet<>();
        List<Map<String, Object>> running = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            int n = Integer.parseInt(id.substring(1));
            withRow.add("t_" + id);
            if ("applied".equals(row.get("state"))) {
                assertThat(tables).as("table of applied revision %s", id).contains("t_" + id);
                assertThat(Workloads.count(db, "t_" + id)).as("rows of applied revision %s", id).isEqualTo(n);
            } else {
                assertThat(row.get("state")).isEqualTo("running");
                assertThat(dialect).as("a running row %s on a transactional-DDL database", row)
                        .isEqualTo(DialectId.MYSQL);
                int done = ((Number) row.get("statements_done")).intValue();
                if ("up".equals(row.get("direction")) && done >= 1) {
                    assertThat(tables).as("running %s says its CREATE TABLE is done", row).contains("t_" + id);
                }
                if (tables.contains("t_" + id) && "up".equals(row.get("direction"))) {
                    // At most the counted INSERTs, plus the one the kill may have left in flight.
                    assertThat(Workloads.count(db, "t_" + id)).as("rows of running %s", row).isLessThanOrEqualTo(done);
                }
                running.add(row);
            }
        }
        for (String table : tables) {
            assertThat(withRow).as("table %s has a history row", table).contains(table);
        }
        for (Map<String, Object> row : running) {
            String id = (String) row.get("id");
            db.execute("DROP TABLE IF EXISTS t_" + id);
            Result repaired = Graftc.run(db, changelogOf(), "repair", id, "--rolled-back");
            assertThat(repaired.exitCode()).as("%s", repaired).isZero();
        }
        return running.size();
    }

    private Path changelogOf() {
        return dir.resolve("changelog.yaml");
    }

    static Stream<Arguments> dialectsAndResolutions() {
        List<Arguments> all = new ArrayList<>();
        for (DialectId d : DialectId.values()) {
            all.add(Arguments.of(d, "--applied"));
            all.add(Arguments.of(d, "--rolled-back"));
        }
        return all.stream();
    }

    /**
     * A {@code transaction: false} revision killed after two of its four statements (in the third, slow
     * one; on PostgreSQL the server finishes that statement for the dead client, so it is short): the next run
     * refuses, naming the revision and the statement it stopped at; {@code graft repair}, after the
     * DBA finished (or undid) the work by hand, followed by {@code up}, completes the changelog.
     */
    @ParameterizedTest
    @MethodSource("dialectsAndResolutions")
    void nonTransactionalRevisionKilledInItsMiddle(DialectId dialect, String resolution) throws IOException {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("r1", List.of(), "CREATE TABLE nt_base (n INTEGER);\n", null)
                    .revision("r2", List.of("r1"), "CREATE TABLE nt_a (n INTEGER);\n"
                            + "INSERT INTO nt_a (n) VALUES (1);\n"
                            + Workloads.slow(dialect, 5) + "\n"
                            + "CREATE TABLE nt_b (n INTEGER);\n", null, "transaction: false")
                    .revision("r3", List.of("r2"), "CREATE TABLE nt_c (n INTEGER);\n", null)
                    .save();
            Proc run = Graftc.spawn(db, changelog, "up");
            run.awaitWhileRunning("r2 to reach its slow statement", 60, () -> {
                if (!db.tables().contains("graft_revisions")) {
                    return false;
                }
                List<Map<String, Object>> r = db.query(
                        "SELECT statements_done FROM graft_revisions WHERE id = 'r2' AND state = 'running'");
                return !r.isEmpty() && ((Number) r.get(0).get("statements_done")).intValue() == 2;
            });
            Graftc.sleep(200);
            assertThat(run.process.isAlive()).isTrue();
            run.kill();
            Graftc.awaitNoOtherSessions(db);

            Result refused = Graftc.run(db, changelog, "up");
            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
            Graftc.assertNoStackTrace(refused);
            assertThat(refused.err())
                    .contains("revision 'r2' was left running: 2 of 4 statement(s) completed")
                    .contains("sql/r2.up.sql:3:1")
                    .contains("graft repair r2 --applied").contains("graft repair r2 --rolled-back");
            assertThat(db.userTables()).containsExactlyInAnyOrder("nt_base", "nt_a");

            if (resolution.equals("--applied")) {
                db.execute("CREATE TABLE nt_b (n INTEGER)"); // the DBA finishes the revision by hand
            } else {
                db.execute("DROP TABLE nt_a"); // the DBA undoes it, and drops the slow statement
                Files.writeString(dir.resolve("sql/r2.up.sql"), "CREATE TABLE nt_a (n INTEGER);\n"
                        + "INSERT INTO nt_a (n) VALUES (1);\nCREATE TABLE nt_b (n INTEGER);\n");
            }
            Result repaired = Graftc.run(db, changelog, "repair", "r2", resolution);
            assertThat(repaired.exitCode()).as("%s", repaired).isZero();
            Result up = Graftc.run(db, changelog, "up");
            assertThat(up.exitCode()).as("%s", up).isZero();
            assertThat(up.out()).contains("applied r3");
            assertThat(db.appliedIds()).containsExactlyInAnyOrder("r1", "r2", "r3");
            assertThat(db.query("SELECT state FROM graft_revisions WHERE id = 'r2'").get(0).get("state"))
                    .isEqualTo("applied");
            assertThat(db.userTables()).containsExactlyInAnyOrder("nt_base", "nt_a", "nt_b", "nt_c");
            assertThat(Workloads.count(db, "nt_a")).isEqualTo(1);
            assertThat(Graftc.run(db, changelog, "check").exitCode()).isZero();
        }
    }
}
