package io.graft.internal.graph;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import io.graft.Target;
import static io.graft.internal.graph.Graphs.applied;
import static io.graft.internal.graph.Graphs.graph;
import static io.graft.internal.graph.Graphs.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.TargetException;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class TargetResolverTest {

    private static final RevisionGraph LINEAR =
            graph(rev("0001_users"), rev("0002_orders", "0001_users"), rev("0003_items", "0002_orders"));
    private static final Set<String> NONE = Set.of();
    private static final Set<String> ALL_LINEAR = applied("0001_users", "0002_orders", "0003_items");

    private static List<String> resolve(RevisionGraph g, String target, Set<String> applied) {
        return ids(new TargetResolver(g).resolve(Target.parse(target), applied));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> failure(RevisionGraph g, String target,
            Set<String> applied) {
        return assertThatThrownBy(() -> new TargetResolver(g).resolve(Target.parse(target), applied))
                .isInstanceOf(TargetException.class);
    }

    @Test
    void keywords() {
        assertThat(resolve(LINEAR, "head", NONE)).containsExactly("0003_items");
        assertThat(resolve(Graphs.openBranches(), "heads", NONE)).containsExactly("c", "f2", "auth2");
        assertThat(resolve(LINEAR, "base", ALL_LINEAR)).isEmpty();
    }

    @Test
    void headWithSeveralHeadsListsThem() {
        failure(Graphs.openBranches(), "head", NONE)
                .hasMessage("'head' is ambiguous: the changelog has 3 heads: 'c', 'f2', 'auth2'\n"
                        + "  hint: use 'heads' for all of them, LABEL@head for one branch, or merge them with"
                        + " `graft merge`")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly("c", "f2", "auth2"));
    }

    @Test
    void idPrefixAndLabel() {
        assertThat(resolve(LINEAR, "0002_orders", NONE)).containsExactly("0002_orders");
        assertThat(resolve(LINEAR, "0002", NONE)).containsExactly("0002_orders");
        assertThat(resolve(Graphs.openBranches(), "feature", NONE)).containsExactly("f1");
    }

    @Test
    void ambiguousPrefixListsTheMatches() {
        failure(graph(rev("abcd1"), rev("abcd2", "abcd1")), "abcd", NONE)
                .hasMessage("ambiguous target 'abcd': 'abcd' is a prefix of several revisions: 'abcd1', 'abcd2'\n"
                        + "  hint: give more characters of the id")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly("abcd1", "abcd2"));
    }

    @Test
    void namePartOfATimestampedOrNumberedId() {
        RevisionGraph g = graph(rev("20261201213630_add_posts"), rev("20261201213702_add_users", "20261201213630_add_posts"),
                rev("0003_add_orders", "20261201213702_add_users"));

        assertThat(resolve(g, "add_posts", NONE)).containsExactly("20261201213630_add_posts");
        assertThat(resolve(g, "add_orders", NONE)).containsExactly("0003_add_orders");
        assertThat(resolve(g, "add_posts+1", NONE)).containsExactly("20261201213702_add_users");
        assertThat(resolve(g, "add_posts@head", NONE)).containsExactly("0003_add_orders");
        assertThat(resolve(g, "2026120121363", NONE)).as("a prefix still works").containsExactly("20261201213630_add_posts");
        assertThat(resolve(g, "0003", NONE)).containsExactly("0003_add_orders");
        failure(g, "add_post", NONE).hasMessage("unknown target 'add_post': no revision id, label, id prefix or name part"
                + " matches\n  hint: did you mean 'add_posts'?");
        failure(g, "posts", NONE).as("only the whole name part counts").hasMessageStartingWith("unknown target 'posts'");
    }

    @Test
    void idsAndLabelsComeBeforeNameParts() {
        RevisionGraph g = graph(rev("0001_users"), withLabels(rev("0002_orders", "0001_users"), "users"),
                rev("orders", "0002_orders"));

        assertThat(resolve(g, "users", NONE)).as("the label").containsExactly("0002_orders");
        assertThat(resolve(g, "orders", NONE)).as("the id").containsExactly("orders");
    }

    @Test
    void ambiguousNamePartListsEveryRevisionWithIt() {
        RevisionGraph g = graph(rev("20261201213630_add_posts"), rev("20261203090000_add_posts", "20261201213630_add_posts"),
                rev("add_posts_archive", "20261203090000_add_posts"));

        failure(g, "add_posts", NONE)
                .hasMessage("ambiguous target 'add_posts': 'add_posts' is a prefix or the name part of several revisions:"
                        + " '20261201213630_add_posts', '20261203090000_add_posts', 'add_posts_archive'\n"
                        + "  hint: name one by its whole id, or by a prefix of 4+ characters of it")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly(
                        "20261201213630_add_posts", "20261203090000_add_posts", "add_posts_archive"));
        RevisionGraph twice = graph(rev("20261201213630_add_posts"), rev("20261203090000_add_posts", "20261201213630_add_posts"));
        failure(twice, "add_posts-1", NONE)
                .hasMessage("ambiguous target 'add_posts-1': 'add_posts' is the name part of several revisions:"
                        + " '20261201213630_add_posts', '20261203090000_add_posts'\n"
                        + "  hint: name one by its whole id, or by a prefix of 4+ characters of it");
        assertThat(resolve(twice, "20261203", NONE)).containsExactly("20261203090000_add_posts");
    }

    @Test
    void prefixNeedsFourCharacters() {
        failure(LINEAR, "000", NONE).hasMessage("unknown target '000': no revision id, label, id prefix or name part matches\n"
                + "  hint: a prefix needs at least 4 characters; did you mean one of '0001_users', '0002_orders',"
                + " '0003_items'?");
    }

    @Test
    void unknownTargetSuggestsCloseIdsAndLabels() {
        failure(Graphs.openBranches(), "featur", NONE)
                .hasMessage("unknown target 'featur': no revision id, label, id prefix or name part matches\n"
                        + "  hint: did you mean 'feature'?")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly("feature"));
        failure(LINEAR, "nothing_like_it", NONE)
                .hasMessage("unknown target 'nothing_like_it': no revision id, label, id prefix or name part matches\n"
                        + "  hint: `graft history` lists the revisions and `graft branches` the labels");
        failure(LINEAR, "0004_x+1", NONE).hasMessageStartingWith(
                "unknown revision '0004_x' in target '0004_x+1': no revision id, label, id prefix or name part matches");
    }

    @Test
    void branchHead() {
        RevisionGraph g = Graphs.openBranches();

        assertThat(resolve(g, "core@head", NONE)).containsExactly("c");
        assertThat(resolve(g, "feature@head", NONE)).containsExactly("f2");
        assertThat(resolve(g, "auth@head", NONE)).containsExactly("auth2");
        assertThat(resolve(Graphs.mergedBranches(), "feature@head", NONE)).containsExactly("m");
        assertThat(resolve(LINEAR, "0002@head", NONE)).containsExactly("0003_items");
    }

    @Test
    void branchHeadWithAForkInsideTheBranch() {
        failure(graph(withLabels(rev("a"), "core"), rev("b", "a"), rev("c", "a")), "core@head", NONE)
                .hasMessage("'core@head' is ambiguous: the branch from 'a' has 2 heads: 'b', 'c'\n"
                        + "  hint: name one of them, or merge them with `graft merge`");
    }

    @Test
    void plusNFromNothingStartsAtTheBase() {
        assertThat(resolve(LINEAR, "+1", NONE)).containsExactly("0001_users");
        assertThat(resolve(LINEAR, "+3", NONE)).containsExactly("0003_items");
    }

    @Test
    void plusNFromTheCurrentHead() {
        assertThat(resolve(LINEAR, "+1", applied("0001_users"))).containsExactly("0002_orders");
        assertThat(resolve(LINEAR, "+2", applied("0001_users", "someone_elses"))).containsExactly("0003_items");
        failure(LINEAR, "+3", applied("0001_users")).hasMessage(
                "'+3' goes past a head: '0003_items' has no child (2 of 3 steps are possible)");
    }

    @Test
    void minusNBackToBaseAndNoFurther() {
        assertThat(resolve(LINEAR, "-1", ALL_LINEAR)).containsExactly("0002_orders");
        assertThat(resolve(LINEAR, "-3", ALL_LINEAR)).isEmpty();
        failure(LINEAR, "-4", ALL_LINEAR).hasMessage("'-4' goes past base: only 3 steps back are possible");
        failure(LINEAR, "-1", NONE).hasMessage("'-1' has nothing to step back from: nothing is applied");
    }

    @Test
    void relativeWithSeveralCurrentHeadsListsThem() {
        failure(Graphs.openBranches(), "+1", applied("a", "b", "f1"))
                .hasMessage("'+1' is ambiguous: several revisions are current: 'b', 'f1'\n"
                        + "  hint: step from one of them: 'core@+1' or 'b+1' (from 'b'), 'feature@+1' or 'f1+1' (from 'f1')")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly("b", "f1"));
    }

    @Test
    void relativeThroughAForkOrFromSeveralBases() {
        RevisionGraph g = Graphs.openBranches();

        failure(g, "+2", applied("a")).hasMessage("'+2' is ambiguous: 'a' has several children: 'b', 'f1'\n"
                + "  hint: step from one of them, e.g. 'b+1'");
        failure(g, "+1", NONE).hasMessage("'+1' is ambiguous: nothing is applied and there are several bases:"
                + " 'a', 'auth1'\n  hint: step from one of them, e.g. 'a'");
    }

    @Test
    void minusOneAtAMergeLandsOnBothParents() {
        RevisionGraph g = Graphs.mergedBranches();
        Set<String> all = applied("a", "b", "c", "f1", "f2", "m");

        assertThat(resolve(g, "-1", all)).containsExactly("c", "f2");
        assertThat(resolve(g, "m-1", NONE)).containsExactly("c", "f2");
        assertThat(resolve(g, "core@-1", all)).containsExactly("c", "f2");
    }

    @Test
    void minusNThroughAMergeIsAmbiguousAndNamesBothSides() {
        RevisionGraph g = Graphs.mergedBranches();
        Set<String> all = applied("a", "b", "c", "f1", "f2", "m");

        failure(g, "-2", all)
                .hasMessage("'-2' is ambiguous: 'm' is a merge of 'c', 'f2'; a step back over it reverts it alone, and"
                        + " the next step must choose one of its parents\n"
                        + "  hint: '-1' goes back over the merge alone, leaving 'c', 'f2' as current heads; to go further,"
                        + " choose a side: 'core@-2' or 'c-1' (through 'c'), 'feature@-2' or 'f2-1' (through 'f2')")
                .satisfies(e -> assertThat(((TargetException) e).candidates()).containsExactly("c", "f2"));
        failure(g, "m-3", NONE).hasMessageContaining("the next 2 steps must choose one of its parents")
                .hasMessageContaining("'m-1' goes back over the merge alone")
                .hasMessageContaining("'c-2' (through 'c'), 'f2-2' (through 'f2')");
    }

    @Test
    void aBranchChoosesItsSideOfAMerge() {
        RevisionGraph g = Graphs.mergedBranches();
        Set<String> all = applied("a", "b", "c", "f1", "f2", "m");

        assertThat(resolve(g, "core@-2", all)).containsExactly("b");
        assertThat(resolve(g, "feature@-2", all)).containsExactly("f1");
        assertThat(resolve(g, "feature@-3", all)).containsExactly("a");
    }

    @Test
    void afterTheMergeIsRevertedEachSideIsNamedByItsBranch() {
        RevisionGraph g = Graphs.mergedBranches();
        Set<String> parents = applied("a", "b", "c", "f1", "f2");

        failure(g, "-1", parents)
                .hasMessage("'-1' is ambiguous: several revisions are current: 'c', 'f2'\n"
                        + "  hint: step from one of them: 'core@-1' or 'c-1' (from 'c'), 'feature@-1' or 'f2-1' (from 'f2')");
        assertThat(resolve(g, "core@-1", parents)).containsExactly("b");
        assertThat(resolve(g, "feature@-1", parents)).containsExactly("f1");
    }

    @Test
    void offsetsFromAnId() {
        assertThat(resolve(LINEAR, "0001_users+2", NONE)).containsExactly("0003_items");
        assertThat(resolve(LINEAR, "0003-1", NONE)).containsExactly("0002_orders");
        assertThat(resolve(LINEAR, "0001_users-1", NONE)).isEmpty();
        failure(LINEAR, "0001_users-2", NONE).hasMessage("'0001_users-2' goes past base: only 1 step back is possible");
        assertThat(resolve(Graphs.mergedBranches(), "f1+2", NONE)).containsExactly("m");
        failure(Graphs.mergedBranches(), "core+1", NONE).hasMessage(
                "'core+1' is ambiguous: 'a' has several children: 'b', 'f1'\n  hint: step from one of them, e.g. 'b'");
    }

    @Test
    void branchRelativeStepsWithinTheBranch() {
        RevisionGraph g = Graphs.openBranches();
        Set<String> applied = applied("a", "b");

        assertThat(resolve(g, "feature@+1", applied)).containsExactly("f1");
        assertThat(resolve(g, "feature@+2", applied)).containsExactly("f2");
        assertThat(resolve(g, "core@+1", applied)).containsExactly("c");
        assertThat(resolve(g, "core@-1", applied)).containsExactly("a");
        assertThat(resolve(g, "core@-2", applied)).isEmpty();
        failure(g, "auth@-1", applied).hasMessage(
                "'auth@-1' has nothing to step back from: nothing on the branch from 'auth1' is applied");
    }

    @Test
    void branchRelativeAcrossAMerge() {
        RevisionGraph g = Graphs.mergedBranches();
        Set<String> applied = applied("a", "b", "f1");

        assertThat(resolve(g, "core@+2", applied)).containsExactly("m");
        assertThat(resolve(g, "feature@+1", applied)).containsExactly("f2");
        assertThat(resolve(g, "feature@-1", applied)).containsExactly("a");
    }

    @Test
    void resolveOneRefusesBaseAndSeveral() {
        TargetResolver resolver = new TargetResolver(Graphs.openBranches());

        assertThat(resolver.resolveOne(Target.parse("core"), NONE).id()).isEqualTo("a");
        assertThatThrownBy(() -> resolver.resolveOne(Target.parse("base"), NONE))
                .hasMessage("'base' is base: it names no revision");
        assertThatThrownBy(() -> resolver.resolveOne(Target.parse("heads"), NONE))
                .hasMessage("'heads' names several revisions: 'c', 'f2', 'auth2'\n  hint: name one of them");
    }
}
