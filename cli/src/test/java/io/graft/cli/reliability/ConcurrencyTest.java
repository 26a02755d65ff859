package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.reliability.Graftc.Proc;
import io.graft.cli.reliability.Graftc.Result;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DESIGN §6: one run at a time per database, enforced by the database. Eight {@code graft up}
 * JVMs released together apply a 30-revision changelog exactly once; a run that cannot get the
 * lock in time exits 4 and names the holder; a killed run leaves no lock behind.
 */
class ConcurrencyTest {

    private static final int PROCESSES = 8;
    private static final int REVISIONS = 30;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void eightRunnersApplyEveryRevisionExactlyOnce(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = Workloads.chain(dir, dialect, "c", REVISIONS, 0.01);
            Path latch = dir.resolve("go");
            List<Proc> procs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                procs.add(Graftc.spawn(dir, latch, Map.of(),
                        Graftc.args(db, changelog, "--lock-timeout", "120", "up")));
            }
            // Release them together once every JVM has loaded the CLI.
            Graftc.awaitTrue("all JVMs ready", 60, () -> ready(dir) == PROCESSES);
            Files.writeString(latch, "");

            List<Result> results = procs.stream().map(p -> p.await(180)).toList();
            int appliers = 0;
            int idle = 0;
            for (Result r : results) {
                assertThat(r.exitCode()).as("%s", r).isZero();
                Graftc.assertNoStackTrace(r);
                long applied = r.out().lines().filter(l -> l.matches("\\s+applied c\\d\\d\\b.*")).count();
                if (applied > 0) {
                    appliers++;
                    assertThat(applied).as("%s", r).isEqualTo(REVISIONS);
                    assertThat(r.out()).contains(REVISIONS + " revisions applied");
                } else {
                    assertThat(r.out()).as("%s", r).contains("Nothing to do: database is at heads (c30)");
                    idle++;
                }
            }
            assertThat(appliers).as("runs that applied revisions").isEqualTo(1);
            assertThat(idle).isEqualTo(PROCESSES - 1);

            List<String> expected = Stream.iterate(1, i -> i + 1).limit(REVISIONS)
                    .map(i -> Workloads.id("c", i)).toList();
            assertThat(db.appliedIds()).containsExactlyElementsOf(expected);
            assertThat(db.query("SELECT count(*) AS n FROM graft_revisions WHERE state = 'applied'").get(0).get("n"))
                    .asString().isEqualTo(String.valueOf(REVISIONS));
            for (int i = 1; i <= REVISIONS; i++) {
                String id = Workloads.id("c", i);
                assertThat(Workloads.logCount(db, id, "success")).as("graft_log success rows of %s", id).isEqualTo(1);
                assertThat(Workloads.logCount(db, id, "failure")).as("graft_log failure rows of %s", id).isZero();
                assertThat(Workloads.count(db, "t_" + id)).as("rows in t_%s", id).isEqualTo(i);
            }
            assertThat(db.userTables()).hasSize(REVISIONS);
        }
    }

    private static long ready(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ready")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void lockTimeoutNamesTheHolderAndAKilledRunLeavesNoLock(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            // r01 is quick; r02 runs for about 30 s: the holder is killed while it runs. r02 holds
            // no DDL, so that it is atomic on MySQL too (DDL there would leave a 'running' row).
            Path changelog = io.graft.testing.ChangelogFixture.in(dir)
                    .revision("r01", List.of(), "CREATE TABLE t_r01 (n INTEGER);\n", null)
                    .revision("r02", List.of("r01"), "INSERT INTO t_r01 (n) VALUES (2);\n"
                            + Workloads.slow(dialect, 30) + "\n", null)
                    .save();
            Proc holder = Graftc.spawn(db, changelog, "up");
            holder.awaitWhileRunning("the holder to apply r01", 60, () -> holder.out().contains("applied r01"));

            Result waiter = Graftc.spawn(db, changelog, "--lock-timeout", "1", "up").await(60);
            assertThat(waiter.exitCode()).as("%s", waiter).isEqualTo(4);
            Graftc.assertNoStackTrace(waiter);
            assertThat(waiter.err()).contains("could not get the migration lock within 1 s");
            switch (dialect) {
                case POSTGRESQL -> assertThat(waiter.err()).containsPattern("held by PostgreSQL backend pid \\d+");
                case MYSQL -> assertThat(waiter.err()).containsPattern("held by connection \\d+");
                case SQLITE -> assertThat(waiter.err()).contains("SQLite cannot tell which process holds it");
            }
            assertThat(waiter.millis()).as("a 1 s lock timeout").isLessThan(15_000);
            assertThat(holder.process.isAlive()).as("the holder is still in r02").isTrue();

            holder.kill();
            // The killed run's lock is gone: a run that needs it starts at once, though its
            // timeout is 20 s. Target r01: on PostgreSQL and MySQL it is committed, so the run
            // takes the lock and finds nothing to do; on SQLite the whole run is one write
            // transaction, so the kill undid r01 too and the run applies it again.
            Result next = Graftc.spawn(db, changelog, "--lock-timeout", "20", "up", "r01").await(60);
            assertThat(next.exitCode()).as("%s", next).isZero();
            assertThat(next.out()).contains(dialect == DialectId.SQLITE ? "applied r01" : "Nothing to do");
            assertThat(next.err()).doesNotContain("waiting for the migration lock");
            assertThat(next.millis()).as("the run after a kill, lock timeout 20 s").isLessThan(8_000);
            assertThat(db.appliedIds()).containsExactly("r01");
        }
    }
}
