package io.graft.bench;

import io.graft.Target;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.graph.Plan;
import io.graft.internal.graph.Planner;
import io.graft.internal.graph.RevisionGraph;
import java.nio.file.Path;
import java.util.Set;

/**
 * Load + validate + plan as a whole process, the way {@code Graft} does it before a run connects:
 * reads the changelog and every file, checks the graph, plans {@code heads} from an empty
 * database. Prints the plan's size and the heap in use after a full GC with the model still live.
 *
 * <p>{@code java io.graft.bench.PlanMain CHANGELOG}
 */
public final class PlanMain {

    private PlanMain() {
    }

    public static void main(String[] args) {
        RevisionGraph graph = ChangelogLoader.loadGraph(Path.of(args[0]), FileChecks.FULL).orThrow().graph();
        Plan plan = new Planner(graph).upgrade(Target.HEADS, Set.of());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.println("plan: " + plan.steps().size() + " steps; heads " + graph.heads().size()
                + "; heap in use after GC " + usedMb + " MB (graph " + graph.size() + ")");
    }
}
