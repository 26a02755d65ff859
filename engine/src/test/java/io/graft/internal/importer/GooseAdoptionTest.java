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

/** How goose's {@code goose_db_version} maps onto an imported changelog, and what is refused. */
class GooseAdoptionTest {

    private static final ImportManifest MANIFEST = new ImportManifest("goose", null, "goose_db_version", List.of(
            entry("00001_a", "1"), entry("00002_b", "2"), entry("20240101000000_c", "20240101000000")));

    private static ImportManifest.Entry entry(String id, String version) {
        return new ImportManifest.Entry(id, null, version, null, id + ".sql", null, List.of());
    }

    private static GooseAdoption.Row row(long id, long version, boolean applied) {
        return new GooseAdoption.Row(id, version, applied);
    }

    @Test
    void theRowsAreReplayedInIdOrderAndTheTablesFirstRowIsNoMigration() {
        HistoryAdoption.Adopted r = new GooseAdoption(MANIFEST).map(List.of(row(1, 0, true), row(2, 1, true),
                row(3, 2, true), row(4, 20240101000000L, true)), "goose_db_version");
        assertThat(r.ids()).containsExactly("00001_a", "00002_b", "20240101000000_c");
        assertThat(r.rows()).isEqualTo(4);
    }

    @Test
    void anOlderGoosesDownRowTakesTheVersionBackAndALaterUpAppliesItAgain() {
        HistoryAdoption.Adopted r = new GooseAdoption(MANIFEST).map(List.of(row(5, 2, false), row(1, 0, true),
                row(2, 1, true), row(3, 2, true), row(4, 20240101000000L, true), row(6, 20240101000000L, false)),
                "goose_db_version");
        assertThat(r.ids()).containsExactly("00001_a");
        assertThat(new GooseAdoption(MANIFEST).map(List.of(row(1, 1, true), row(2, 1, false), row(3, 1, true)),
                "t").ids()).containsExactly("00001_a");
        assertThat(new GooseAdoption(MANIFEST).map(List.of(row(1, 0, true)), "t").ids()).isEmpty();
    }

    @Test
    void aVersionTheChangelogLacksIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> new GooseAdoption(MANIFEST).map(List.of(row(1, 0, true), row(2, 1, true),
                row(3, 7, true)), "\"goose_db_version\""))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("goose's row in \"goose_db_version\" (id = 3, version_id = 7, is_applied = true)"
                        + " names version 7, a migration that the changelog does not have")
                .hasMessageContaining("a Go migration has to be written as an SQL file first");
    }

    @Test
    void aTableOfAnotherShapeIsRefusedAndTheManifestNamesAnotherTable() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            db.execute("CREATE TABLE goose_db_version (version BIGINT)");
            db.execute("CREATE TABLE my_versions (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL,"
                    + " is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))");
            db.execute("INSERT INTO my_versions (version_id, is_applied) VALUES (0, 1), (1, 1)");
            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new GooseAdoption(MANIFEST).adopt(c, Dialects.of(DialectId.SQLITE)))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("\"goose_db_version\" has the columns [version], but goose's table has"
                                + " (id, version_id, is_applied, tstamp)")
                        .hasMessageContaining("if goose ran with -table NAME, put that NAME as \"table\"");
                ImportManifest renamed = new ImportManifest("goose", null, "my_versions", MANIFEST.revisions());
                assertThat(new GooseAdoption(renamed).adopt(c, Dialects.of(DialectId.SQLITE)).ids())
                        .containsExactly("00001_a");
            }
        }
    }
}
