package io.graft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.changelog.Changelog;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness runs end to end at a small N. It checks that numbers come out, never how large they are. */
class WholeRunTest {

    @Test
    void producesTimingsAndPeakRssForGraftAndTheFloorsOnBothShapes(@TempDir Path work) {
        Map<String, WholeRun.Series> series = Suite.wholeRunOnly("--quick", "--revisions", "20", "--runs", "1",
                "--dialects", "sqlite", "--work", work.toString());

        for (String shape : List.of("", WholeRun.REAL)) {
            assertThat(series).containsKeys(shape + "sqlite/graft/up", shape + "sqlite/floor/up",
                    shape + "sqlite/floor-savepoints/up", shape + "sqlite/graft/noop", shape + "sqlite/floor/noop",
                    shape + "sqlite/graft/heads", shape + "sqlite/graft/validate", shape + "sqlite/graft/current");
            assertThat(series.get(shape + "sqlite/floor/up").runs().get(0).output()).contains("applied 20 of 20");
            assertThat(series.get(shape + "sqlite/floor-savepoints/up").runs().get(0).output())
                    .contains("applied 20 of 20");
            assertThat(series.get(shape + "sqlite/floor/noop").runs().get(0).output()).contains("applied 0 of 20");
            assertThat(series.get(shape + "sqlite/graft/validate").runs().get(0).output()).contains("20 revisions");
        }
        for (WholeRun.Series s : series.values()) {
            assertThat(s.runs()).hasSize(1);
            assertThat(s.medianSeconds()).isPositive();
            assertThat(s.medianRssMb()).isPositive();
        }
    }

    /** The real-project shape is a valid changelog with branches, and the floors run the statements Graft splits. */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theRealProjectShapeIsValidBranchedAndSplitsAsTheGeneratorWroteIt(String dialect, @TempDir Path dir)
            throws IOException {
        Path changelog = RealProject.write(dir, 260, dialect);
        Changelog loaded;
        try (Graft graft = Graft.builder().changelog(changelog).url("jdbc:sqlite:" + dir.resolve("unused.db")).build()) {
            loaded = graft.validate();
            assertThat(graft.heads()).hasSize(1);
            assertThat(graft.branches()).hasSize(3);
        }
        assertThat(loaded.revisions()).hasSize(260)
                .allSatisfy(r -> assertThat(r.id()).matches("20\\d{12}_[a-z0-9_]+"));
        assertThat(loaded.revisions().stream().filter(r -> r.parents().size() == 2)).hasSize(3);
        List<String> floor = Files.readAllLines(dir.resolve("floor.txt"));
        assertThat(floor).hasSize(260);
        SplitOptions options = dialect.equals("sqlite") ? SplitOptions.SQLITE : SplitOptions.POSTGRESQL;
        long largest = 0;
        for (String line : floor) {
            String[] fields = line.split("\t", -1);
            Path file = dir.resolve(fields[1]);
            largest = Math.max(largest, Files.size(file));
            List<SqlStatement> split = SqlSplitter.split(Files.readString(file), fields[1], options);
            assertThat(split).as(fields[1]).hasSize(fields[2].split(",").length);
        }
        assertThat(largest).isGreaterThan(1_000_000);
        assertThat(Files.readString(dir.resolve("client.sql"))).startsWith("BEGIN;\n");
    }

    @Test
    void generatedGraphIsValidAndHasTheOpenBranchesAsHeads(@TempDir Path dir) {
        var revisions = io.graft.bench.micro.GraphBench.load(Shapes.graph(dir, 2_000, 3));
        var graph = io.graft.internal.graph.RevisionGraph.of(revisions);
        assertThat(graph.size()).isEqualTo(2_000);
        assertThat(graph.heads()).hasSizeBetween(2, 5);
    }
}
