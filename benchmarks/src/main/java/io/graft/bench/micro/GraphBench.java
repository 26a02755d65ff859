package io.graft.bench.micro;

import io.graft.Target;
import io.graft.Problem;
import io.graft.bench.Shapes;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.changelog.Revision;
import io.graft.internal.graph.Plan;
import io.graft.internal.graph.Planner;
import io.graft.internal.graph.RevisionGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The changelog side of a run, in one JVM that has warmed up: load (YAML, schema, every file) +
 * validate the graph + plan {@code heads} from nothing; and {@code heads} of a loaded graph.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GraphBench {

    /** Revisions in the generated graph (branches every 40, merges, labels, depends_on). */
    @Param("100000")
    public int revisions;

    private Path dir;
    private Path changelog;
    private RevisionGraph graph;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("graft-jmh-graph");
        changelog = Shapes.graph(dir, revisions, 3);
        graph = loadGraph(changelog);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Plan loadValidatePlan() {
        return new Planner(loadGraph(changelog)).upgrade(Target.HEADS, Set.of());
    }

    @Benchmark
    public List<Revision> heads() {
        return graph.heads();
    }

    @Benchmark
    public List<Revision> buildGraphAndHeads() {
        return RevisionGraph.of(graph.revisions()).heads();
    }

    /** The revisions of a generated changelog, loaded and validated like {@code Graft} does; throws on any problem. */
    public static List<Revision> load(Path changelog) {
        return loadGraph(changelog).revisions();
    }

    /** The graph of a generated changelog, through {@code Graft}'s load pipeline; throws on any problem. */
    public static RevisionGraph loadGraph(Path changelog) {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL);
        List<Problem> problems = loaded.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("generated changelog is invalid: " + problems.subList(0, Math.min(5, problems.size())));
        }
        return loaded.graph();
    }
}
