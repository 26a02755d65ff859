package io.graft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness runs end to end at a small N. It checks that numbers come out, never how large they are. */
class WholeRunTest {

    @Test
    void producesTimingsAndPeakRssForGraftAndTheFloor(@TempDir Path work) {
        Map<String, WholeRun.Series> series = Suite.wholeRunOnly("--quick", "--revisions", "20", "--runs", "1",
                "--dialects", "sqlite", "--work", work.toString());

        assertThat(series).containsOnlyKeys("sqlite/graft/up", "sqlite/floor/up", "sqlite/floor-savepoints/up",
                "sqlite/graft/noop", "sqlite/floor/noop");
        for (WholeRun.Series s : series.values()) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.medianSeconds()).isPositive();
            assertThat(s.medianRssMb()).isPositive();
        }
        assertThat(series.get("sqlite/floor/up").runs().get(0).output()).contains("applied 20 of 20");
        assertThat(series.get("sqlite/floor-savepoints/up").runs().get(0).output()).contains("applied 20 of 20");
        assertThat(series.get("sqlite/floor/noop").runs().get(0).output()).contains("applied 0 of 20");
    }

    @Test
    void generatedGraphIsValidAndHasTheOpenBranchesAsHeads(@TempDir Path dir) {
        var revisions = io.graft.bench.micro.GraphBench.load(Shapes.graph(dir, 2_000, 3));
        var graph = io.graft.internal.graph.RevisionGraph.of(revisions);
        assertThat(graph.size()).isEqualTo(2_000);
        assertThat(graph.heads()).hasSizeBetween(2, 5);
    }
}
