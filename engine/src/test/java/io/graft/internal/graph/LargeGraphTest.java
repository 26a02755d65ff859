package io.graft.internal.graph;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import static io.graft.testing.Revisions.withDependsOn;
import io.graft.Target;
import static io.graft.internal.graph.Graphs.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Problem;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 100,000 revisions: nothing may recurse or walk quadratically. No timing assertion. */
class LargeGraphTest {

    private static final int MAIN = 100_000;

    /**
     * A main line m0..m99999; every 10 revisions a side revision s(i) forks from m(i-2) and is
     * merged into the main line 5 revisions later; every 7th main revision depends_on the last
     * side revision; every 1000th side revision carries a label; the last side stays open.
     */
    static List<Revision> revisions() {
        List<Revision> revisions = new ArrayList<>(MAIN + MAIN / 10);
        String openSide = null;
        String lastSide = null;
        for (int i = 0; i < MAIN; i++) {
            List<String> parents = new ArrayList<>();
            if (i > 0) {
                parents.add("m" + (i - 1));
            }
            if (i % 10 == 0 && openSide != null) {
                parents.add(openSide);
                openSide = null;
            }
            Revision main = rev("m" + i, parents.toArray(String[]::new));
            if (i % 7 == 3 && lastSide != null && !parents.contains(lastSide)) {
                main = withDependsOn(main, lastSide);
            }
            revisions.add(main);
            if (i % 10 == 5) {
                Revision side = rev("s" + i, "m" + (i - 2));
                if (i % 10_000 == 5) {
                    side = withLabels(side, "side" + i);
                }
                revisions.add(side);
                openSide = side.id();
                lastSide = side.id();
            }
        }
        return revisions;
    }

    @Test
    void loadsValidatesAndPlansAHundredThousandRevisions() {
        List<Revision> revisions = revisions();
        RevisionGraph graph = RevisionGraph.of(revisions);
        Planner planner = new Planner(graph);

        assertThat(ids(graph.heads())).containsExactly("s99995", "m99999");
        assertThat(graph.topologicalOrder()).hasSize(revisions.size());
        assertThat(graph.branches()).hasSize(10);

        Plan up = planner.upgrade(Target.HEADS, Set.of());
        assertThat(up.steps()).hasSize(revisions.size());
        assertThat(up.steps().get(0).id()).isEqualTo("m0");

        Set<String> half = new HashSet<>(planner.upgrade(Target.parse("m50000"), Set.of()).ids());
        assertThat(planner.upgrade(Target.parse("m99999"), half).steps()).isNotEmpty();
        assertThat(planner.pending(half).steps()).hasSize(revisions.size() - half.size());

        Set<String> all = new HashSet<>(up.ids());
        assertThat(planner.downgrade(Target.parse("base"), all).steps()).hasSize(revisions.size());
        assertThat(planner.downgrade(Target.parse("m50000"), all).steps().get(0).id()).isIn("m99999", "s99995");
        assertThat(planner.downgrade(Target.parse("m99999-3"), all).ids()).containsExactly("m99999", "m99998", "m99997");
        assertThat(planner.stamp(Target.parse("m10"), all).remove()).hasSize(revisions.size() - 12);
        assertThat(ids(planner.history("m50000:m50010"))).hasSize(12).contains("s50005").startsWith("m50010");
        assertThat(ids(planner.current(all))).containsExactly("s99995", "m99999");
        assertThatThrownBy(() -> planner.resolver().resolve(Target.parse("side50005@head"), all))
                .hasMessageStartingWith("'side50005@head' is ambiguous: the branch from 's50005' has 2 heads:"
                        + " 's99995', 'm99999'");
    }

    @Test
    void aHundredThousandLongCycleIsFoundWithoutRecursion() {
        List<Revision> revisions = new ArrayList<>();
        revisions.add(rev("r0", "r" + (MAIN - 1)));
        for (int i = 1; i < MAIN; i++) {
            revisions.add(rev("r" + i, "r" + (i - 1)));
        }

        List<Problem> problems = RevisionGraph.validate(revisions);

        assertThat(problems).singleElement().extracting(Problem::message).asString()
                .startsWith("cycle: r0 -> r1 -> r2")
                .contains("... (99981 more) -> ")
                .endsWith("r99999 -> r0");
    }
}
