package io.graft.internal.graph;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import static io.graft.testing.Revisions.withDependsOn;
import static io.graft.internal.graph.Graphs.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Problem;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphValidationTest {

    private static List<String> rendered(Revision... revisions) {
        return RevisionGraph.validate(List.of(revisions)).stream().map(Problem::render).toList();
    }

    @Test
    void validGraphHasNoProblems() {
        assertThat(rendered(rev("a"), rev("b", "a"), withDependsOn(rev("c", "a"), "b"), rev("m", "b", "c"))).isEmpty();
    }

    @Test
    void duplicateIdIsReportedAtTheSecond() {
        assertThat(rendered(at(3, rev("a")), at(10, rev("a")))).containsExactly("""
                changelog.yaml:10:9: duplicate revision id 'a'
                  hint: the first is at changelog.yaml:3:9; give this revision an id of its own""");
    }

    @Test
    void duplicateLabelsAcrossTheChangelog() {
        assertThat(rendered(at(3, withLabels(rev("a"), "core")), at(10, withLabels(rev("b", "a"), "core"))))
                .containsExactly("""
                        changelog.yaml:12:13: duplicate label 'core'
                          hint: revision 'a' already carries it (changelog.yaml:3:5); labels are unique across \
                        the changelog""");
    }

    @Test
    void labelEqualToARevisionIdIsAmbiguous() {
        assertThat(rendered(at(3, rev("a")), at(10, withLabels(rev("b", "a"), "a")))).containsExactly("""
                changelog.yaml:12:13: label 'a' is also a revision id, so the target 'a' is ambiguous
                  hint: rename the label (or the revision changelog.yaml:3:9)""");
    }

    @Test
    void labelsMustBeUsableInTargets() {
        assertThat(rendered(at(3, withLabels(rev("a"), "my-branch", "head")))).containsExactly("""
                changelog.yaml:5:13: label 'my-branch' cannot be used in a target
                  hint: use letters, digits, '_' and '.' only, e.g. 'my_branch': '@', '+', '-' and ':' are target \
                syntax""", """
                changelog.yaml:5:23: label 'head' is a target keyword
                  hint: rename it: 'head', 'heads' and 'base' have a meaning of their own in targets""");
    }

    @Test
    void idsThatAreKeywordsAreRefused() {
        assertThat(rendered(at(3, rev("base")))).containsExactly("""
                changelog.yaml:3:9: revision id 'base' is a target keyword
                  hint: rename it: 'head', 'heads' and 'base' have a meaning of their own in targets""");
    }

    @Test
    void unknownParentSuggestsACloseId() {
        assertThat(rendered(at(3, rev("0001_users")), at(10, rev("0002_orders", "0001_user"))))
                .containsExactly("""
                        changelog.yaml:11:14: unknown parent '0001_user' of revision '0002_orders'
                          hint: did you mean '0001_users'?""");
    }

    @Test
    void unknownParentWithNothingClose() {
        assertThat(rendered(at(3, rev("a")), at(10, rev("b", "a", "zzzzzzzz")))).containsExactly("""
                changelog.yaml:11:24: unknown parent 'zzzzzzzz' of revision 'b'
                  hint: parents must name a revision defined in this changelog""");
    }

    @Test
    void unknownDependsOn() {
        assertThat(rendered(at(3, rev("auth_0001")), at(10, withDependsOn(rev("b"), "auth_0002")))).containsExactly("""
                changelog.yaml:13:17: unknown depends_on 'auth_0002' of revision 'b'
                  hint: did you mean 'auth_0001'?""");
    }

    @Test
    void dependsOnItself() {
        assertThat(rendered(at(3, withDependsOn(rev("a"), "a")))).containsExactly("""
                changelog.yaml:6:17: revision 'a' depends on itself
                  hint: remove 'a' from its depends_on""");
    }

    @Test
    void repeatedParentAndDependsOn() {
        assertThat(rendered(rev("a"), rev("b", "a", "a"), withDependsOn(rev("c"), "a", "a"))).containsExactly(
                "<inline>: revision 'b' lists parent 'a' twice\n  hint: remove the second 'a'",
                "<inline>: revision 'c' lists depends_on 'a' twice\n  hint: remove the second 'a'");
    }

    @Test
    void twoRevisionCycle() {
        assertThat(rendered(at(3, rev("a", "b")), at(10, rev("b", "a")))).containsExactly("""
                changelog.yaml:4:14: cycle: a -> b -> a
                  hint: a revision cannot come before itself: remove one of the parents or depends_on entries \
                along this cycle""");
    }

    @Test
    void longCycleIsReportedOnceInOrder() {
        assertThat(rendered(rev("root"), rev("c", "b"), rev("a", "root", "e"), rev("b", "a"), rev("d", "c"),
                rev("e", "d"), rev("x", "e")))
                .singleElement().asString()
                .startsWith("<inline>: cycle: c -> d -> e -> a -> b -> c\n");
    }

    @Test
    void cycleThroughDependsOn() {
        assertThat(rendered(at(3, withDependsOn(rev("a"), "c")), at(10, rev("b", "a")), at(20, rev("c", "b"))))
                .singleElement().asString()
                .startsWith("changelog.yaml:6:17: cycle: a -> b -> c -> a\n");
    }

    @Test
    void selfDependencyIsNotAlsoReportedAsACycle() {
        assertThat(rendered(withDependsOn(rev("a"), "a"), rev("b", "a"))).hasSize(1);
    }

    @Test
    void everyProblemIsCollected() {
        List<String> problems = rendered(rev("a"), rev("a"), withLabels(rev("b", "zz"), "a"), rev("c", "d"),
                rev("d", "c"));

        assertThat(problems).hasSize(4);
        assertThat(problems.get(3)).startsWith("<inline>: cycle: c -> d -> c");
    }

    @Test
    void manyUnknownParentsStayCheap() {
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            revisions.add(rev("r" + i, "missing" + i));
        }
        assertThat(RevisionGraph.validate(revisions)).hasSize(20_000);
    }
}
