package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.AdoptResult;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.MigrationException;
import io.graft.RunResult;
import io.graft.changelog.DialectId;
import io.graft.testing.SchemaDump;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that switching from dbmate changes nothing, with the real dbmate binary (the npm
 * package {@code dbmate}, see {@link DbmateCli}): the shop fixture (five migrations, one with
 * {@code transaction:false}, each with a down section) applied by {@code dbmate migrate} and the
 * imported changelog applied by Graft give the same schema; a database that dbmate migrated and
 * then rolled back by two migrations ({@code dbmate rollback}, running their down sections) is
 * adopted and finished by {@code graft up} into that same schema; a version the changelog lacks
 * stops the adoption.
 */
class DbmateProofTest {

    private static final Path MIGRATIONS = DbmateImportTest.SHOP.resolve("db/migrations");

    @TempDir
    Path dir;

    private Path importProject() {
        Path changelog = dir.resolve("graft/changelog.yaml");
        Graft.importChangelog(new ImportRequest("dbmate", DbmateImportTest.SHOP, changelog, null, false, false));
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void dbmateAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) {
        DbmateCli dbmate = DbmateCli.require();
        try (TestDatabase byDbmate = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            assertThat(dbmate.run(byDbmate, MIGRATIONS, "migrate")).contains("Applied: 20240105090000_seed.sql");
            try (Graft graft = graft(importProject(), byGraft)) {
                assertThat(graft.upgrade().steps()).hasSize(5);
            }
            String expected = SchemaDump.of(byDbmate, "schema_migrations");
            assertThat(expected).contains("customer_orders").contains("audit_log_happened").contains("orders_customer")
                    .doesNotContain("schema_migrations");
            assertThat(SchemaDump.of(byGraft, "schema_migrations")).isEqualTo(expected);
            assertThat(rows(byGraft, "SELECT name FROM customers ORDER BY id").toString())
                    .isEqualTo(rows(byDbmate, "SELECT name FROM customers ORDER BY id").toString())
                    .contains("Grace; Hopper");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabaseDbmateMigratedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) {
        DbmateCli dbmate = DbmateCli.require();
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            dbmate.run(full, MIGRATIONS, "migrate");
            dbmate.run(half, MIGRATIONS, "migrate");
            assertThat(dbmate.run(half, MIGRATIONS, "rollback")).contains("Rolled back: 20240105090000_seed.sql");
            assertThat(dbmate.run(half, MIGRATIONS, "rollback")).contains("Rolled back: 20240104090000_order_notes.sql");
            List<Object> dbmateRows = rows(half, "SELECT version FROM schema_migrations ORDER BY version");
            assertThat(dbmateRows).hasSize(3);
            Path changelog = importProject();
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("dbmate");
                assertThat(adopted.historyRows()).isEqualTo(3);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId()).containsExactly(
                        "20240101090000_create_customers", "20240102090000_create_orders", "20240103090000_audit_log");
                assertThat(graft.adopt("dbmate").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId())
                        .containsExactly("20240104090000_order_notes", "20240105090000_seed");
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(SchemaDump.of(half, "schema_migrations")).isEqualTo(SchemaDump.of(full, "schema_migrations"));
            assertThat(rows(half, "SELECT version FROM schema_migrations ORDER BY version"))
                    .as("dbmate's table is left as it was").isEqualTo(dbmateRows);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL"})
    void aVersionTheChangelogLacksStopsTheAdoption(DialectId dialect) {
        DbmateCli dbmate = DbmateCli.require();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            dbmate.run(db, MIGRATIONS, "migrate");
            db.execute("INSERT INTO schema_migrations (version) VALUES ('20990101000000')");
            try (Graft graft = graft(importProject(), db)) {
                assertThatThrownBy(() -> graft.adopt("dbmate")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("dbmate's history row version 20990101000000 in schema_migrations"
                                + " names a migration that the changelog does not have");
            }
            assertThat(db.appliedIds()).isEmpty();
        }
    }

    static List<Object> rows(TestDatabase db, String sql) {
        List<Object> out = new java.util.ArrayList<>();
        db.query(sql).forEach(row -> out.add(new java.util.ArrayList<>(row.values()).toString()));
        return out;
    }
}
