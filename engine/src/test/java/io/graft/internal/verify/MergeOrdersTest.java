package io.graft.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The orders of a merge's branches: both extremes first, at most six, each one the graph allows. */
class MergeOrdersTest {

    @Test
    void twoSingleRevisionBranchesHaveTwoOrders() {
        assertThat(MergeOrders.of(List.of(List.of("a"), List.of("b")), Map.of()))
                .containsExactly(List.of("a", "b"), List.of("b", "a"));
    }

    @Test
    void longerBranchesGiveBothExtremesFirstThenInterleavings() {
        List<List<String>> orders = MergeOrders.of(List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2")),
                Map.of("a2", Set.of("a1"), "a3", Set.of("a1", "a2"), "b2", Set.of("b1")));
        assertThat(orders.get(0)).containsExactly("a1", "a2", "a3", "b1", "b2");
        assertThat(orders.get(1)).containsExactly("b1", "b2", "a1", "a2", "a3");
        assertThat(orders).hasSizeBetween(3, MergeOrders.MAX).doesNotHaveDuplicates()
                .contains(List.of("a1", "b1", "a2", "b2", "a3"));
        orders.forEach(o -> assertThat(o).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "b2"));
    }

    @Test
    void aRevisionWaitsForWhatItRequiresOnAnotherBranch() {
        // b2 depends_on a2: no order may run it before a2
        Map<String, Set<String>> requires = Map.of("a2", Set.of("a1"), "b2", Set.of("b1", "a1", "a2"));
        List<List<String>> orders = MergeOrders.of(List.of(List.of("a1", "a2"), List.of("b1", "b2")), requires);
        assertThat(orders).hasSizeGreaterThanOrEqualTo(2);
        for (List<String> order : orders) {
            Set<String> done = new HashSet<>();
            for (String id : order) {
                assertThat(done).as("%s in %s", id, order).containsAll(requires.getOrDefault(id, Set.of()));
                done.add(id);
            }
        }
        assertThat(orders.get(1)).startsWith("b1");
    }

    @Test
    void manyBranchesAreBoundedBySix() {
        List<List<String>> branches = List.of(List.of("a1", "a2"), List.of("b1", "b2"), List.of("c1", "c2"),
                List.of("d1"));
        List<List<String>> orders = MergeOrders.of(branches, Map.of("a2", Set.of("a1"), "b2", Set.of("b1"),
                "c2", Set.of("c1")));
        assertThat(orders).hasSizeLessThanOrEqualTo(MergeOrders.MAX).doesNotHaveDuplicates();
        assertThat(orders.get(0)).containsExactly("a1", "a2", "b1", "b2", "c1", "c2", "d1");
        assertThat(orders.get(1)).containsExactly("d1", "c1", "c2", "b1", "b2", "a1", "a2");
    }

    @Test
    void oneBranchAloneHasNothingToPermute() {
        assertThat(MergeOrders.of(List.of(List.of("a"), List.of()), Map.of())).isEmpty();
    }
}
