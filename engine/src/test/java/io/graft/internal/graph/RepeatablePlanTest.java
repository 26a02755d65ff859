package io.graft.internal.graph;

import static io.graft.internal.graph.Graphs.applied;
import static io.graft.internal.graph.Graphs.at;
import static io.graft.internal.graph.Graphs.graph;
import static io.graft.internal.graph.Graphs.ids;
import static io.graft.testing.Revisions.repeatable;
import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withDependsOn;
import static io.graft.testing.Revisions.withLabels;
import static io.graft.testing.Revisions.withoutDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.Target;
import io.graft.TargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Repeatable revisions in the graph and its plans: never heads, applied after the ordinary
 * revisions of a run when new or changed (changelog order, once their requirements are applied),
 * reverted first going down.
 */
class RepeatablePlanTest {

    /**
     * <pre>
     * a - b - c          grants (repeatable, no parents), views (repeatable, after b)
     * </pre>
     * grants is listed before the ordinary revisions on purpose: order among repeatables is the
     * changelog's, but all of them come after the ordinary ones.
     */
    private static final RevisionGraph GRAPH = graph(repeatable(withoutDown(rev("grants"))), rev("a"), rev("b", "a"),
            repeatable(rev("views", "b")), rev("c", "b"));
    private static final Planner PLANNER = new Planner(GRAPH);

    @Test
    void repeatablesAreNeitherHeadsNorBasesNorCurrent() {
        assertThat(ids(GRAPH.heads())).containsExactly("c");
        assertThat(ids(GRAPH.bases())).containsExactly("a");
        assertThat(PLANNER.current(applied("grants", "a", "b", "views", "c")).stream().map(r -> r.id()))
                .containsExactly("c");
        assertThat(PLANNER.upgrade(Target.parse("head"), Set.of()).ids()).containsExactly("a", "b", "c", "grants", "views");
    }

    @Test
    void anUpgradeEndsWithTheRepeatablesThatAreNewOrChanged() {
        assertThat(PLANNER.upgrade(Target.HEADS, Set.of()).ids()).containsExactly("a", "b", "c", "grants", "views");
        Set<String> all = applied("grants", "a", "b", "views", "c");
        assertThat(PLANNER.upgrade(Target.HEADS, all).isEmpty()).isTrue();
        assertThat(PLANNER.upgrade(Target.HEADS, all, Set.of("views")).ids()).containsExactly("views");
        assertThat(PLANNER.pending(all, Set.of("views", "grants")).ids()).containsExactly("grants", "views");
    }

    @Test
    void aRepeatableWaitsUntilWhatItFollowsIsApplied() {
        assertThat(PLANNER.upgrade(Target.parse("a"), Set.of()).ids()).containsExactly("a", "grants");
        assertThat(PLANNER.upgrade(Target.parse("+1"), applied("a", "grants")).ids()).containsExactly("b", "views");
        assertThat(PLANNER.upgrade(Target.parse("base"), Set.of()).isEmpty()).isTrue();
    }

    @Test
    void aTargetThatNamesARepeatableRunsOnlyThatOne() {
        assertThat(PLANNER.upgrade(Target.parse("views"), Set.of()).ids()).containsExactly("a", "b", "views");
        Set<String> all = applied("grants", "a", "b", "views", "c");
        assertThat(PLANNER.upgrade(Target.parse("views"), all, Set.of("views", "grants")).ids()).containsExactly("views");
    }

    @Test
    void aDowngradeRevertsRepeatablesFirstAndOneWithoutDownDoesNotBlockIt() {
        Set<String> all = applied("grants", "a", "b", "views", "c");
        assertThat(PLANNER.downgrade(Target.parse("base"), all).ids()).containsExactly("views", "grants", "c", "b", "a");
        assertThat(PLANNER.downgrade(Target.parse("a"), all).ids()).containsExactly("views", "c", "b");
        assertThat(PLANNER.downgrade(Target.parse("b"), all).ids()).containsExactly("c");
        assertThat(PLANNER.downgrade(Target.parse("-1"), all).ids()).containsExactly("c");
    }

    @Test
    void stampRecordsWhatUpWouldHave() {
        assertThat(ids(PLANNER.stamp(Target.HEADS, Set.of()).add())).containsExactly("a", "b", "c", "grants", "views");
        Set<String> all = applied("grants", "a", "b", "views", "c");
        assertThat(ids(PLANNER.stamp(Target.HEADS, all, Set.of("views")).add())).containsExactly("views");
        StampPlan toA = PLANNER.stamp(Target.parse("a"), all);
        assertThat(ids(toA.remove())).containsExactly("views", "c", "b");
        assertThat(toA.add()).isEmpty();
        StampPlan toBase = PLANNER.stamp(Target.parse("base"), all);
        assertThat(ids(toBase.remove())).containsExactly("views", "grants", "c", "b", "a");
        assertThat(toBase.add()).isEmpty();
    }

    @Test
    void nothingMayFollowARepeatableAndItCarriesNoLabel() {
        List<Problem> problems = RevisionGraph.validate(List.of(
                at(1, rev("a")),
                at(10, repeatable(withLabels(rev("views", "a"), "v"))),
                at(20, rev("b", "views")),
                at(30, withDependsOn(rev("c", "a"), "views"))));
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "changelog.yaml:12:13: repeatable revision 'views' carries a branch label\n"
                        + "  hint: remove 'labels:' from it: a repeatable revision is on no branch; name it by its id",
                "changelog.yaml:21:14: revision 'b' names repeatable revision 'views' a parent, but a repeatable"
                        + " revision is re-applied after the others whenever it changes, so nothing can follow it\n"
                        + "  hint: name the revision the repeatable one follows instead, or drop 'repeatable: true'"
                        + " from 'views'",
                "changelog.yaml:33:17: revision 'c' names repeatable revision 'views' in depends_on, but a repeatable"
                        + " revision is re-applied after the others whenever it changes, so nothing can follow it\n"
                        + "  hint: name the revision the repeatable one follows instead, or drop 'repeatable: true'"
                        + " from 'views'");
        assertThatThrownBy(() -> graph(rev("a"), repeatable(rev("views", "a")), rev("b", "views")))
                .isInstanceOf(ChangelogException.class);
    }

    @Test
    void relativeStepsWalkPastRepeatables() {
        assertThat(PLANNER.upgrade(Target.parse("+1"), Set.of()).ids()).containsExactly("a", "grants");
        assertThatThrownBy(() -> PLANNER.upgrade(Target.parse("+1"), applied("a", "b", "c")))
                .isInstanceOf(TargetException.class).hasMessageContaining("goes past a head");
    }
}
