package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.MigrationException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How golang-migrate's one row (current version, dirty) maps onto an imported changelog. */
class GolangMigrateAdoptionTest {

    private static final ImportManifest MANIFEST = new ImportManifest("golang-migrate", null, "schema_migrations",
            List.of(entry("1_a", "1"), entry("2_b", "2"), entry("10_c", "10"), entry("20240105120000_d", "20240105120000")));

    private static ImportManifest.Entry entry(String id, String version) {
        return new ImportManifest.Entry(id, null, version, id.substring(id.indexOf('_') + 1), id + ".up.sql", null,
                List.of());
    }

    private static HistoryAdoption.Adopted map(GolangMigrateAdoption.Row... rows) {
        return new GolangMigrateAdoption(MANIFEST).map(List.of(rows), "schema_migrations");
    }

    private static GolangMigrateAdoption.Row row(long version, boolean dirty) {
        return new GolangMigrateAdoption.Row(BigInteger.valueOf(version), dirty);
    }

    @Test
    void everyVersionUpToTheCurrentOneIsAppliedInNumericOrder() {
        assertThat(map(row(10, false)).ids()).containsExactly("1_a", "2_b", "10_c");
        assertThat(map(row(2, false)).ids()).containsExactly("1_a", "2_b");
        assertThat(map(row(20240105120000L, false)).ids()).hasSize(4);
        assertThat(map().ids()).as("an empty table: nothing applied").isEmpty();
        assertThat(map(row(-1, false)).ids()).isEmpty();
    }

    @Test
    void aDirtyVersionIsRefusedNamingTheVersionsToForce() {
        assertThatThrownBy(() -> map(row(10, true))).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("golang-migrate left version 10 dirty (schema_migrations row version = 10,"
                        + " dirty = true)")
                .hasMessageContaining("run 'migrate force 10' if the migration's changes are complete, or"
                        + " 'migrate force 2' if they are undone");
        assertThatThrownBy(() -> map(row(1, true))).hasMessageContaining("or 'migrate force -1' if they are undone");
    }

    @Test
    void aVersionTheChangelogLacksAndSeveralRowsAreRefused() {
        assertThatThrownBy(() -> map(row(3, false))).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("golang-migrate's row in schema_migrations says version 3 is applied, but the"
                        + " changelog has no migration of version 3");
        assertThatThrownBy(() -> map(row(1, false), row(2, false))).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("schema_migrations has 2 rows (versions [1, 2]), but golang-migrate keeps"
                        + " exactly one");
    }
}
