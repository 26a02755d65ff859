package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How dbmate's {@code schema_migrations} maps onto an imported changelog, and what is refused. */
class DbmateAdoptionTest {

    private static final ImportManifest MANIFEST = new ImportManifest("dbmate", null, "schema_migrations", List.of(
            entry("001_a", "001"), entry("002_b", "002"), entry("20240101000000_c", "20240101000000")));

    private static ImportManifest.Entry entry(String id, String version) {
        return new ImportManifest.Entry(id, "migration", version, null, id + ".sql", null, List.of());
    }

    @Test
    void eachRowIsAnAppliedVersionInChangelogOrderWhateverTheRowOrder() {
        HistoryAdoption.Adopted r = new DbmateAdoption(MANIFEST).map(List.of("20240101000000", "001"));
        assertThat(r.ids()).containsExactly("001_a", "20240101000000_c");
        assertThat(r.rows()).isEqualTo(2);
        assertThat(new DbmateAdoption(MANIFEST).map(List.of()).ids()).isEmpty();
    }

    @Test
    void versionsAreMatchedAsTextAsDbmateMatchesThem() {
        assertThatThrownBy(() -> new DbmateAdoption(MANIFEST).map(List.of("1")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("dbmate's history row version 1 in schema_migrations names a migration that"
                        + " the changelog does not have")
                .hasMessageContaining("with the file 1_*.sql in it");
    }

    @Test
    void golangMigratesTableOfTheSameNameIsRefusedAsThatToolsTable() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            db.execute("CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT NULL)");
            db.execute("INSERT INTO schema_migrations VALUES (3, 0)");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new DbmateAdoption(MANIFEST).adopt(c, Dialects.of(DialectId.SQLITE)))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("\"schema_migrations\" has the columns [dirty, version]: it looks like"
                                + " golang-migrate's history table");
            }
        }
    }
}
