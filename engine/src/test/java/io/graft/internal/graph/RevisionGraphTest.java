package io.graft.internal.graph;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import static io.graft.internal.graph.Graphs.graph;
import static io.graft.internal.graph.Graphs.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Branch;
import io.graft.ChangelogException;
import io.graft.changelog.Changelog;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    @Test
    void linearChainHasOneBaseAndOneHead() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"));

        assertThat(ids(g.revisions())).containsExactly("a", "b", "c");
        assertThat(ids(g.heads())).containsExactly("c");
        assertThat(ids(g.bases())).containsExactly("a");
        assertThat(ids(g.children("a"))).containsExactly("b");
        assertThat(ids(g.parents("c"))).containsExactly("b");
        assertThat(g.get("b").id()).isEqualTo("b");
        assertThat(g.find("zz")).isEmpty();
        assertThatThrownBy(() -> g.get("zz")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void mergePointHasTwoParentsAndClosesTheBranch() {
        RevisionGraph g = Graphs.mergedBranches();

        assertThat(ids(g.heads())).containsExactly("m");
        assertThat(ids(g.parents("m"))).containsExactly("c", "f2");
        assertThat(ids(g.children("a"))).containsExactly("b", "f1");
    }

    @Test
    void dependsOnDoesNotMakeAChild() {
        RevisionGraph g = Graphs.openBranches();

        assertThat(ids(g.heads())).containsExactly("c", "f2", "auth2");
        assertThat(ids(g.bases())).containsExactly("a", "auth1");
        assertThat(g.children("auth2")).isEmpty();
    }

    @Test
    void branchesListTheirOwnHeadsOnly() {
        assertThat(Graphs.openBranches().branches()).containsExactly(
                new Branch("core", "a", List.of("c")),
                new Branch("feature", "f1", List.of("f2")),
                new Branch("auth", "auth1", List.of("auth2")));
        assertThat(Graphs.mergedBranches().branches()).containsExactly(
                new Branch("core", "a", List.of("m")),
                new Branch("feature", "f1", List.of("m")));
    }

    @Test
    void labelsAlongOneLineActAsTagsAndTheBranchStillReachesItsHead() {
        RevisionGraph g = graph(withLabels(rev("a"), "core"), withLabels(rev("b", "a"), "v1"), rev("c", "b"));

        assertThat(g.branches()).containsExactly(
                new Branch("core", "a", List.of("c")), new Branch("v1", "b", List.of("c")));
    }

    @Test
    void topologicalOrderPutsParentsAndDependenciesFirstThenChangelogOrder() {
        RevisionGraph g = Graphs.openBranches();

        assertThat(ids(g.topologicalOrder())).containsExactly("a", "b", "c", "f1", "auth1", "auth2", "f2");
    }

    @Test
    void topologicalOrderIsDeterministicAndFollowsTheChangelogForTies() {
        RevisionGraph g = graph(rev("x"), rev("y"), rev("b", "y"), rev("a", "x"), rev("m", "a", "b"));

        assertThat(ids(g.topologicalOrder())).containsExactly("x", "y", "b", "a", "m");
        for (int i = 0; i < 5; i++) {
            assertThat(ids(graph(rev("x"), rev("y"), rev("b", "y"), rev("a", "x"), rev("m", "a", "b"))
                    .topologicalOrder())).containsExactly("x", "y", "b", "a", "m");
        }
    }

    @Test
    void aRevisionListedBeforeItsParentStillComesAfterIt() {
        RevisionGraph g = graph(rev("b", "a"), rev("a"));

        assertThat(ids(g.topologicalOrder())).containsExactly("a", "b");
    }

    @Test
    void ancestorsAndDescendantsFollowParentsAndDependsOn() {
        RevisionGraph g = Graphs.openBranches();

        assertThat(g.ancestors(List.of("f2"))).containsExactly("a", "f1", "auth1", "auth2", "f2");
        assertThat(g.descendants(List.of("auth1"))).containsExactly("auth1", "auth2", "f2");
        assertThat(g.descendants(List.of("a"))).containsExactly("a", "b", "c", "f1", "f2");
        assertThat(g.ancestors(List.of("c", "auth1"))).containsExactly("a", "b", "c", "auth1");
    }

    @Test
    void ofThrowsEveryProblem() {
        assertThatThrownBy(() -> graph(rev("a", "zz"), rev("a")))
                .isInstanceOf(ChangelogException.class)
                .satisfies(e -> assertThat(((ChangelogException) e).problems()).hasSize(2));
    }

    @Test
    void buildsFromALoadedChangelog() {
        Changelog changelog = new Changelog(Path.of("changelog.yaml"), Path.of("."), 1, Set.of(),
                List.of(rev("a"), rev("b", "a")));

        assertThat(ids(RevisionGraph.of(changelog).heads())).containsExactly("b");
    }

    @Test
    void emptyGraphIsValid() {
        RevisionGraph g = RevisionGraph.of(List.of());

        assertThat(g.heads()).isEmpty();
        assertThat(g.topologicalOrder()).isEmpty();
    }
}
