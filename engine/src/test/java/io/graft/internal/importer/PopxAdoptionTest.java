package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How popx's rows (one per applied version) map onto an imported changelog. */
class PopxAdoptionTest {

    private static final ImportManifest MANIFEST = new ImportManifest("popx", null, "schema_migration", List.of(
            entry("20240101000001000000_a", "20240101000001000000", Map.of()),
            entry("20240101000002000000_pg", "20240101000002000000", Map.of("dialects", "postgresql")),
            entry("20240101000003000000_c", "20240101000003000000", Map.of()),
            entry("20240101000004000000_d", "20240101000004000000", Map.of())));

    private static ImportManifest.Entry entry(String id, String version, Map<String, String> extra) {
        return new ImportManifest.Entry(id, null, version, id.substring(id.indexOf('_') + 1), id + ".up.sql", null,
                List.of(), List.of(), extra);
    }

    private static HistoryAdoption.Adopted map(DialectId dialect, String... rows) {
        return new PopxAdoption(MANIFEST).map(List.of(rows), dialect, "schema_migration");
    }

    @Test
    void eachRowIsAnAppliedVersionAndALegacyRowStandsForItsLongerVersion() {
        assertThat(map(DialectId.POSTGRESQL, "20240101000001000000", "20240101000002000000").ids())
                .containsExactly("20240101000001000000_a", "20240101000002000000_pg");
        assertThat(map(DialectId.POSTGRESQL, "20240101000001").ids()).containsExactly("20240101000001000000_a");
        assertThat(map(DialectId.POSTGRESQL).ids()).isEmpty();
        assertThat(map(DialectId.POSTGRESQL, "20240101000001000000").rows()).isEqualTo(1);
    }

    @Test
    void aRevisionPopxSkipsOnThisDialectCountsOnceALaterVersionIsApplied() {
        assertThat(map(DialectId.SQLITE, "20240101000001000000").ids()).containsExactly("20240101000001000000_a");
        assertThat(map(DialectId.SQLITE, "20240101000001000000", "20240101000003000000").ids()).containsExactly(
                "20240101000001000000_a", "20240101000002000000_pg", "20240101000003000000_c");
        assertThat(map(DialectId.POSTGRESQL, "20240101000001000000", "20240101000003000000").ids())
                .as("on postgresql popx runs it: without its row it is pending")
                .containsExactly("20240101000001000000_a", "20240101000003000000_c");
    }

    @Test
    void aRowTheChangelogLacksIsRefusedNamingIt() {
        assertThatThrownBy(() -> map(DialectId.MYSQL, "20240101000001000000", "20991231000000000000"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("popx's row in schema_migration (version = 20991231000000000000) names a"
                        + " migration that the changelog does not have");
    }
}
