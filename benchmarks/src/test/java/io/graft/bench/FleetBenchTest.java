package io.graft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet harness runs end to end at a tiny size on SQLite. It checks that numbers come out, never how large they are. */
class FleetBenchTest {

    @Test
    void producesARowPerWayOfMigratingTheFleet(@TempDir Path work) throws Exception {
        List<FleetBench.Row> rows = FleetBench.rowsOf("--revisions", "3", "--sqlite", "5", "--schemas", "0",
                "--loop-sample", "2", "--parallel", "2", "--work", work.toString());
        assertThat(rows).extracting(FleetBench.Row::what).containsExactly(
                "SQLite, graft up --targets (a fifth of the fleet)", "SQLite, graft up --targets",
                "SQLite, one graft up per target (shell loop)", "SQLite, Flyway per target in one JVM");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.seconds()).isPositive();
            assertThat(r.rssMb()).isPositive();
        });
        assertThat(rows.get(2).note()).contains("timed over 2 targets and scaled");
    }
}
