package io.graft.internal.graph;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withoutDown;
import io.graft.Target;
import static io.graft.internal.graph.Graphs.applied;
import static io.graft.internal.graph.Graphs.graph;
import static io.graft.internal.graph.Graphs.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Direction;
import io.graft.TargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Set<String> NONE = Set.of();
    private static final Planner LINEAR = new Planner(graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c")));

    @Test
    void upgradeLinearFromNothingAndFromTheMiddle() {
        Plan plan = LINEAR.upgrade(Target.HEADS, NONE);

        assertThat(plan.direction()).isEqualTo(Direction.UP);
        assertThat(plan.target()).isEqualTo("heads");
        assertThat(plan.ids()).containsExactly("a", "b", "c", "d");
        assertThat(LINEAR.upgrade(Target.parse("c"), applied("a")).ids()).containsExactly("b", "c");
        assertThat(LINEAR.upgrade(Target.parse("+1"), applied("a", "b")).ids()).containsExactly("c");
        assertThat(LINEAR.upgrade(Target.parse("head"), applied("a", "b", "c", "d")).isEmpty()).isTrue();
        assertThat(LINEAR.upgrade(Target.parse("b"), applied("a", "b", "c")).isEmpty()).isTrue();
    }

    @Test
    void upgradeToABranchAppliesOnlyItsAncestors() {
        Planner planner = new Planner(Graphs.openBranches());

        assertThat(planner.upgrade(Target.parse("core@head"), NONE).ids()).containsExactly("a", "b", "c");
        assertThat(planner.upgrade(Target.parse("feature@head"), applied("a")).ids()).containsExactly("f1", "auth1", "auth2", "f2");
        assertThat(planner.upgrade(Target.parse("heads"), applied("a", "b")).ids())
                .containsExactly("c", "f1", "auth1", "auth2", "f2");
    }

    @Test
    void upgradeToAMergeBringsBothSides() {
        Planner planner = new Planner(Graphs.mergedBranches());

        assertThat(planner.upgrade(Target.parse("m"), applied("a", "b")).ids()).containsExactly("c", "f1", "f2", "m");
    }

    @Test
    void upgradeIgnoresRowsFromAnotherChangelog() {
        assertThat(LINEAR.upgrade(Target.parse("c"), applied("a", "elsewhere_0001")).ids()).containsExactly("b", "c");
        assertThat(LINEAR.unknown(List.of("a", "zz", "elsewhere_0001"))).containsExactly("elsewhere_0001", "zz");
    }

    @Test
    void pendingAndCurrent() {
        Planner planner = new Planner(Graphs.openBranches());
        Set<String> applied = applied("a", "b", "f1", "auth1");

        assertThat(planner.pending(applied).ids()).containsExactly("c", "auth2", "f2");
        assertThat(ids(planner.current(applied))).containsExactly("b", "f1", "auth1");
        assertThat(ids(planner.current(applied("a", "b", "c", "f1", "f2", "auth1", "auth2"))))
                .containsExactly("c", "f2", "auth2");
        assertThat(planner.current(NONE)).isEmpty();
    }

    @Test
    void downgradeRevertsDescendantsChildrenFirstAndKeepsTheTarget() {
        Plan plan = LINEAR.downgrade(Target.parse("b"), applied("a", "b", "c", "d"));

        assertThat(plan.direction()).isEqualTo(Direction.DOWN);
        assertThat(plan.ids()).containsExactly("d", "c");
        assertThat(LINEAR.downgrade(Target.parse("-1"), applied("a", "b", "c")).ids()).containsExactly("c");
        assertThat(LINEAR.downgrade(Target.parse("base"), applied("a", "b", "c", "zz")).ids()).containsExactly("c", "b", "a");
        assertThat(LINEAR.downgrade(Target.parse("a-1"), applied("a", "b")).ids()).containsExactly("b", "a");
    }

    @Test
    void downgradeLeavesOtherBranchesAlone() {
        Planner planner = new Planner(Graphs.openBranches());
        Set<String> all = applied("a", "b", "c", "f1", "f2", "auth1", "auth2");

        assertThat(planner.downgrade(Target.parse("b"), all).ids()).containsExactly("c");
        assertThat(planner.downgrade(Target.parse("f1"), all).ids()).containsExactly("f2");
        assertThat(planner.downgrade(Target.parse("a"), all).ids()).containsExactly("f2", "f1", "c", "b");
    }

    @Test
    void steppingBackAlongABranchLeavesTheOtherChildrenOfTheSharedAncestor() {
        Planner planner = new Planner(Graphs.openBranches());
        Set<String> all = applied("a", "b", "c", "f1", "f2", "auth1", "auth2");

        assertThat(planner.downgrade(Target.parse("feature@-1"), all).ids()).containsExactly("f2");
        assertThat(planner.downgrade(Target.parse("feature@-2"), all).ids()).containsExactly("f2", "f1");
        assertThat(planner.downgrade(Target.parse("f2-2"), all).ids()).containsExactly("f2", "f1");
        assertThat(ids(planner.stamp(Target.parse("feature@-2"), all).remove())).containsExactly("f2", "f1");
        assertThat(planner.downgrade(Target.parse("a"), all).ids()).containsExactly("f2", "f1", "c", "b");
    }

    @Test
    void downgradeRemovesWhatDependsOnARemovedRevision() {
        Planner planner = new Planner(Graphs.openBranches());
        Set<String> all = applied("a", "b", "c", "f1", "f2", "auth1", "auth2");

        assertThat(planner.downgrade(Target.parse("auth1"), all).ids()).containsExactly("f2", "auth2");
        assertThat(planner.downgrade(Target.parse("auth@-2"), all).ids()).containsExactly("f2", "auth2", "auth1");
    }

    @Test
    void downgradeKeepsARevisionThatOnlyDependsOnTheTarget() {
        Planner planner = new Planner(Graphs.openBranches());
        Set<String> all = applied("a", "b", "c", "f1", "f2", "auth1", "auth2");

        assertThat(planner.downgrade(Target.parse("auth2"), all).isEmpty()).as("f2 depends on auth2, which stays").isTrue();
        assertThat(planner.downgrade(Target.parse("auth1"), all).ids()).containsExactly("f2", "auth2");
    }

    @Test
    void aStepBackMustLandOnAnAppliedRevision() {
        assertThatThrownBy(() -> LINEAR.downgrade(Target.parse("d-1"), applied("a", "b")))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot downgrade to 'd-1': 'c' is not applied\n"
                        + "  hint: `graft up c` applies it; `graft current` shows what is applied");
        assertThat(LINEAR.downgrade(Target.parse("d-1"), applied("a", "b", "c")).isEmpty()).isTrue();
    }

    @Test
    void downgradeThroughAMerge() {
        Planner planner = new Planner(Graphs.mergedBranches());
        Set<String> all = applied("a", "b", "c", "f1", "f2", "m");

        assertThat(planner.downgrade(Target.parse("f1"), all).ids()).containsExactly("m", "f2");
        assertThat(planner.downgrade(Target.parse("c"), all).ids()).containsExactly("m");
    }

    @Test
    void downOneAtAMergeRevertsTheMergeAloneAndLeavesBothParentsApplied() {
        Planner planner = new Planner(Graphs.mergedBranches());
        Set<String> all = applied("a", "b", "c", "f1", "f2", "m");

        assertThat(planner.downgrade(Target.parse("-1"), all).ids()).containsExactly("m");
        assertThat(ids(planner.current(applied("a", "b", "c", "f1", "f2")))).containsExactly("c", "f2");
        assertThat(planner.downgrade(Target.parse("core@-2"), all).ids()).containsExactly("m", "c");
        assertThat(planner.downgrade(Target.parse("feature@-2"), all).ids()).containsExactly("m", "f2");
        assertThat(ids(planner.stamp(Target.parse("-1"), all).remove())).containsExactly("m");
        assertThatThrownBy(() -> planner.downgrade(Target.parse("-2"), all))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("'-2' is ambiguous: 'm' is a merge of 'c', 'f2'");
    }

    @Test
    void downgradeNeedsATargetThatIsApplied() {
        assertThatThrownBy(() -> LINEAR.downgrade(Target.required(null, "down"), NONE))
                .isInstanceOf(TargetException.class)
                .hasMessage("`graft down` needs a target\n"
                        + "  hint: 'base' for nothing applied, '-1' for one revision back, or an id or label");
        assertThatThrownBy(() -> LINEAR.downgrade(Target.parse("c"), applied("a", "b")))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot downgrade to 'c': 'c' is not applied\n"
                        + "  hint: `graft up c` applies it; `graft current` shows what is applied");
    }

    @Test
    void irreversibleRevisionRefusesTheWholeDowngrade() {
        Planner planner = new Planner(graph(rev("a"), withoutDown(rev("b", "a")), rev("c", "b")));

        assertThatThrownBy(() -> planner.downgrade(Target.parse("a"), applied("a", "b", "c")))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot downgrade to 'a': 'b' is irreversible (it has no down file)\n"
                        + "  hint: add a down file to 'b', or run `graft stamp a` to record the downgrade without"
                        + " running SQL")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly("b"));
        assertThat(planner.downgrade(Target.parse("b"), applied("a", "b", "c")).ids()).containsExactly("c");
    }

    @Test
    void severalIrreversibleRevisionsAreAllNamed() {
        Planner planner = new Planner(graph(withoutDown(rev("a")), rev("b", "a"), withoutDown(rev("c", "b"))));

        assertThatThrownBy(() -> planner.downgrade(Target.parse("base"), applied("a", "b", "c")))
                .hasMessageStartingWith("cannot downgrade to 'base': 'c', 'a' are irreversible (they have no down file)");
    }

    @Test
    void stampMovesTheHistoryBothWays() {
        StampPlan up = LINEAR.stamp(Target.parse("c"), applied("a"));
        assertThat(ids(up.add())).containsExactly("b", "c");
        assertThat(up.remove()).isEmpty();

        StampPlan down = LINEAR.stamp(Target.parse("b"), applied("a", "b", "c", "d"));
        assertThat(down.add()).isEmpty();
        assertThat(ids(down.remove())).containsExactly("d", "c");

        StampPlan base = LINEAR.stamp(Target.parse("base"), applied("a", "b", "zz"));
        assertThat(ids(base.remove())).containsExactly("b", "a");
        assertThat(base.target()).isEqualTo("base");
    }

    @Test
    void stampAcrossBranchesAndDependencies() {
        Planner planner = new Planner(Graphs.openBranches());

        StampPlan feature = planner.stamp(Target.parse("feature@head"), applied("a", "b"));
        assertThat(ids(feature.add())).containsExactly("f1", "auth1", "auth2", "f2");
        assertThat(feature.remove()).isEmpty();

        StampPlan auth = planner.stamp(Target.parse("auth1"), applied("a", "f1", "f2", "auth1", "auth2"));
        assertThat(auth.add()).isEmpty();
        assertThat(ids(auth.remove())).containsExactly("f2", "auth2");

        StampPlan merge = new Planner(Graphs.mergedBranches()).stamp(Target.parse("m"), applied("a", "b", "c"));
        assertThat(ids(merge.add())).containsExactly("f1", "f2", "m");
    }

    @Test
    void historyIsNewestFirstAndRangesAreInclusive() {
        Planner planner = new Planner(Graphs.mergedBranches());

        assertThat(ids(planner.history())).containsExactly("m", "f2", "f1", "c", "b", "a");
        assertThat(ids(planner.history("b:m"))).containsExactly("m", "c", "b");
        assertThat(ids(planner.history("f1:"))).containsExactly("m", "f2", "f1");
        assertThat(ids(planner.history(":c"))).containsExactly("c", "b", "a");
        assertThat(ids(planner.history("base:head"))).containsExactly("m", "f2", "f1", "c", "b", "a");
        assertThat(ids(planner.history("core@-1:", applied("a", "b")))).containsExactly("m", "f2", "f1", "c", "b", "a");
        assertThat(planner.history("c:b")).isEmpty();
    }

    @Test
    void historyRangeErrors() {
        Planner planner = new Planner(Graphs.mergedBranches());

        assertThatThrownBy(() -> planner.history("m"))
                .isInstanceOf(TargetException.class)
                .hasMessage("invalid range 'm': expected FROM:TO\n"
                        + "  hint: either side may be empty, e.g. 'base:head', '0003:' or ':0005'");
        assertThatThrownBy(() -> planner.history("a:zz")).hasMessageStartingWith("unknown target 'zz'");
    }
}
