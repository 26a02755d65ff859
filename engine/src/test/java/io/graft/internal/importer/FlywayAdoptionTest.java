package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.MigrationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How Flyway's history rows map onto an imported changelog, row kinds Flyway writes rarely included. */
class FlywayAdoptionTest {

    private static final ImportManifest MANIFEST = new ImportManifest("flyway", null, "flyway_schema_history", List.of(
            new ImportManifest.Entry("B1.9__baseline", "SQL_BASELINE", "1.9", "baseline", "B1_9__baseline.sql", "10",
                    List.of("1", "1.1", "1.9")),
            new ImportManifest.Entry("V1.10__notes", "SQL", "1.10", "notes", "V1_10__notes.sql", "20", List.of()),
            new ImportManifest.Entry("V2__index", "SQL", "2", "index", "V2__index.sql", "30", List.of()),
            new ImportManifest.Entry("R__views", "SQL", null, "views", "R__views.sql", "40", List.of())));

    private static FlywayAdoption.Row row(int rank, String version, String description, String type, Integer checksum) {
        return new FlywayAdoption.Row(rank, version, description, type, "script" + rank, checksum, true);
    }

    private static HistoryAdoption.Adopted map(FlywayAdoption.Row... rows) {
        return new FlywayAdoption(MANIFEST).map(List.of(rows));
    }

    @Test
    void versionsBelowTheBaselineMapToIt() {
        HistoryAdoption.Adopted r = map(row(1, "1", "a", "SQL", 1), row(2, "1.1", "b", "SQL", 2),
                row(3, "1.9", "c", "SQL", 3), row(4, "1.10", "notes", "SQL", 20), row(5, null, "views", "SQL", 40));
        assertThat(r.ids()).containsExactly("B1.9__baseline", "V1.10__notes", "R__views");
        assertThat(r.pending()).isEmpty();
        assertThat(map(row(1, "1.9", "baseline", "SQL_BASELINE", 10)).ids()).containsExactly("B1.9__baseline");
    }

    @Test
    void undoneAndDeletedVersionsAreNotApplied() {
        HistoryAdoption.Adopted r = map(row(1, "1.9", "baseline", "SQL_BASELINE", 10), row(2, "1.10", "notes", "SQL", 20),
                row(3, "2", "index", "SQL", 30), row(4, "2", "index", "UNDO_SQL", 31), row(5, null, "views", "SQL", 39));
        assertThat(r.ids()).containsExactly("B1.9__baseline", "V1.10__notes");
        assertThat(r.pending()).containsExactly("R__views");
        assertThat(map(row(1, "1.9", "baseline", "SQL_BASELINE", 10), row(2, "1.10", "notes", "SQL", 20),
                row(3, "1.10", "notes", "DELETE", 20)).ids()).containsExactly("B1.9__baseline");
    }

    @Test
    void aFlywayBaselineRowCountsTheVersionsUpToItAsApplied() {
        HistoryAdoption.Adopted r = map(row(1, "1.10", "<< Flyway Baseline >>", "BASELINE", null), row(2, "2", "index",
                "SQL", 30));
        assertThat(r.ids()).containsExactly("V1.10__notes", "V2__index");
    }

    @Test
    void aPartlyAppliedBaselineAndAnUnknownVersionAreRefused() {
        assertThatThrownBy(() -> map(row(1, "1", "a", "SQL", 1)))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Flyway applied only part of what baseline B1_9__baseline.sql stands for"
                        + " (versions [1.1, 1.9] are not applied)");
        assertThatThrownBy(() -> map(row(1, "1.9", "baseline", "SQL_BASELINE", 10), row(2, "7", "x", "JDBC", null)))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Flyway's history row installed_rank 2 (version 7, 'x', script2) names a"
                        + " migration that the changelog does not have");
        assertThatThrownBy(() -> map(row(1, null, "gone", "SQL", 5)))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Flyway's history row installed_rank 1 (repeatable, 'gone', script1) names");
    }
}
