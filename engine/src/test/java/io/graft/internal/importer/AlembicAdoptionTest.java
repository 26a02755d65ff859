package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.MigrationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code alembic_version} holds only heads: each maps to its revision and everything that revision
 * requires (parents and depends_on), in changelog order; a row the changelog lacks is refused.
 */
class AlembicAdoptionTest {

    private static ImportManifest.Entry entry(String id, String revision, String... requires) {
        return new ImportManifest.Entry(id, "revision", revision, id, "versions/" + id + ".py", null, List.of(),
                List.of(requires), Map.of());
    }

    /** a <- b <- c (merge of b and x) <- d; x is a root; y depends on b only. */
    private static final ImportManifest MANIFEST = new ImportManifest("alembic", null, "alembic_version", List.of(
            entry("a1_first", "a1"),
            entry("x9_other_root", "x9"),
            entry("b2_second", "b2", "a1_first"),
            entry("y7_needs_b", "y7", "x9_other_root", "b2_second"),
            entry("c3_merge", "c3", "b2_second", "x9_other_root"),
            entry("d4_last", "d4", "c3_merge")));

    @Test
    void eachHeadStandsForItselfAndWhatItRequires() {
        AlembicAdoption adoption = new AlembicAdoption(MANIFEST);
        assertThat(adoption.map(List.of("b2")).ids()).containsExactly("a1_first", "b2_second");
        assertThat(adoption.map(List.of("y7")).ids()).containsExactly("a1_first", "x9_other_root", "b2_second",
                "y7_needs_b");
        assertThat(adoption.map(List.of("d4", "y7")).ids()).containsExactly("a1_first", "x9_other_root", "b2_second",
                "y7_needs_b", "c3_merge", "d4_last");
        HistoryAdoption.Adopted none = adoption.map(List.of());
        assertThat(none.ids()).isEmpty();
        assertThat(none.rows()).isZero();
        assertThat(adoption.map(List.of("x9", "b2")).rows()).isEqualTo(2);
    }

    @Test
    void aRowTheChangelogLacksIsRefusedByName() {
        assertThatThrownBy(() -> new AlembicAdoption(MANIFEST).map(List.of("b2", "ffff0000aaaa")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Alembic's version table alembic_version holds 'ffff0000aaaa', a revision that"
                        + " the changelog does not have")
                .hasMessageContaining("with revision ffff0000aaaa in its versions folder");
    }
}
