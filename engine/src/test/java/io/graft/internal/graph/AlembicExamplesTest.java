package io.graft.internal.graph;

import static io.graft.internal.graph.Graphs.applied;
import static io.graft.internal.graph.Graphs.graph;
import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withDependsOn;
import static io.graft.testing.Revisions.withLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Target;
import io.graft.TargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Graft's side of each example in the README's "Graft and Alembic" table (Alembic's side was run on 1.8). */
class AlembicExamplesTest {

    private static List<String> down(Planner planner, String target, Set<String> applied) {
        return planner.downgrade(Target.parse(target), applied).ids();
    }

    private static List<String> up(Planner planner, String target, Set<String> applied) {
        return planner.upgrade(Target.parse(target), applied).ids();
    }

    @Test
    void aStepBackOverAMergeRevertsTheMergeAlone() {
        Planner planner = new Planner(graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c")));

        assertThat(down(planner, "-1", applied("a", "b", "c", "m"))).containsExactly("m");
    }

    @Test
    void severalCurrentHeadsAreNamedNotGuessed() {
        Planner planner = new Planner(graph(rev("a"), rev("b", "a"), rev("c", "a")));

        assertThatThrownBy(() -> down(planner, "-1", applied("a", "b", "c"))).isInstanceOf(TargetException.class)
                .hasMessageContaining("'b-1' (from 'b'), 'c-1' (from 'c')");
    }

    @Test
    void aHeadThatOnlyDependsOnPointsAtIsCurrent() {
        Planner planner = new Planner(graph(rev("auth1"), rev("auth2", "auth1"), rev("f1"),
                withDependsOn(rev("f2", "f1"), "auth2")));

        assertThatThrownBy(() -> down(planner, "-1", applied("auth1", "auth2", "f1", "f2")))
                .hasMessageStartingWith("'-1' is ambiguous: several revisions are current: 'auth2', 'f2'");
    }

    @Test
    void aStepBackThatLandsOnAForkRevertsTheLineItWalked() {
        Planner planner = new Planner(graph(rev("a"), rev("b", "a"), rev("c", "a")));

        assertThat(down(planner, "b-1", applied("a", "b", "c"))).containsExactly("b");
        assertThat(down(planner, "a", applied("a", "b", "c"))).containsExactly("c", "b");
    }

    @Test
    void aLabelledSubBranchIsABranchOfItsOwn() {
        Planner planner = new Planner(graph(withLabels(rev("a"), "core"), rev("b", "a"),
                withLabels(rev("s1", "a"), "search"), rev("s2", "s1")));

        assertThat(up(planner, "core@head", Set.of())).containsExactly("a", "b");
    }

    @Test
    void branchStepsCountInsideTheBranch() {
        Planner planner = new Planner(graph(rev("a"), withLabels(rev("b", "a"), "billing")));

        assertThat(up(planner, "billing@+1", Set.of())).containsExactly("a", "b");
        assertThatThrownBy(() -> down(planner, "billing@-1", applied("a")))
                .hasMessage("'billing@-1' has nothing to step back from: nothing on the branch from 'b' is applied");
    }

    @Test
    void nothingAboveTheTargetIsNothingToDo() {
        Planner planner = new Planner(graph(rev("a"), withDependsOn(rev("x"), "a")));

        assertThat(down(planner, "a", applied("a", "x"))).isEmpty();
    }

    @Test
    void aDependsOnThatOverlapsTheParentsChangesNothing() {
        Planner planner = new Planner(graph(rev("a"), rev("b", "a"), withDependsOn(rev("c", "b"), "a")));

        assertThat(down(planner, "b", applied("a", "b", "c"))).containsExactly("c");
        assertThat(up(planner, "heads", applied("a", "b"))).containsExactly("c");
        assertThat(down(planner, "a", applied("a", "b", "c"))).containsExactly("c", "b");
    }
}
