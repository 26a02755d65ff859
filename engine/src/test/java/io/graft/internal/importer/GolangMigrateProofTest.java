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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that switching from golang-migrate changes nothing. golang-migrate is a Go program
 * that cannot be installed here, so its apply loop is re-implemented by {@link GolangMigrateRunner}
 * (file parsing, order, the version table, the dirty flag, each driver's way of running a file):
 * the shop fixture (versions 1, 2, 10 without a down file, two timestamp versions; downs) applied
 * by it and the imported changelog applied by Graft give the same schema
 * ({@code pg_dump -s}, {@code sqlite3 .schema}, {@code mariadb-dump --no-data}, the version table
 * left out); a database golang-migrate migrated halfway is adopted and finished by
 * {@code graft up}; a down by both leaves the same schema; a dirty row, a version the changelog
 * lacks and dbmate's table of the same name stop the adoption, naming what they found.
 */
class GolangMigrateProofTest {

    @TempDir
    Path dir;

    private Path importShop() {
        Path changelog = dir.resolve("graft/changelog.yaml");
        Graft.importChangelog(new ImportRequest("golang-migrate", GolangMigrateImportTest.SHOP, changelog, null, false,
                false));
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    private static GolangMigrateRunner migrate(TestDatabase db) throws Exception {
        return new GolangMigrateRunner(db, GolangMigrateImportTest.SHOP);
    }

    private static String schema(TestDatabase db) {
        return SchemaDump.of(db, GolangMigrateRunner.TABLE);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void golangMigrateAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) throws Exception {
        try (TestDatabase byTool = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            migrate(byTool).up(-1);
            assertThat(GolangMigrateRunner.row(byTool)).contains("20240106090000");
            Path changelog = importShop();
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.upgrade().steps()).hasSize(5);
            }
            String expected = schema(byTool);
            assertThat(expected).contains("orders_customer").contains("customers_email").contains("notes")
                    .doesNotContain("schema_migrations");
            assertThat(schema(byGraft)).isEqualTo(expected);

            migrate(byTool).down(2);
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.downgrade("-2").steps()).hasSize(2);
            }
            assertThat(schema(byGraft)).doesNotContain("notes").isEqualTo(schema(byTool));
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabaseGolangMigrateMigratedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) throws Exception {
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            migrate(full).up(-1);
            migrate(half).up(3);
            String row = GolangMigrateRunner.row(half);
            assertThat(row).contains("10");
            Path changelog = importShop();
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("golang-migrate");
                assertThat(adopted.historyRows()).isEqualTo(1);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId())
                        .containsExactly("1_create_customers", "2_create_orders", "10_index_orders");
                assertThat(graft.adopt("golang-migrate").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId())
                        .containsExactly("20240105120000_order_notes", "20240106090000_seed");
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(schema(half)).isEqualTo(schema(full));
            assertThat(GolangMigrateRunner.row(half)).as("golang-migrate's table is left as it was").isEqualTo(row);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL"})
    void aDirtyRowOrAnUnknownVersionStopsTheAdoption(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            migrate(db).up(2);
            String yes = dialect == DialectId.POSTGRESQL ? "true" : "1";
            db.execute("UPDATE schema_migrations SET dirty = " + yes);
            try (Graft graft = graft(importShop(), db)) {
                assertThatThrownBy(() -> graft.adopt("golang-migrate")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("golang-migrate left version 2 dirty")
                        .hasMessageContaining("'migrate force 2' if the migration's changes are complete, or"
                                + " 'migrate force 1' if they are undone");
                db.execute("UPDATE schema_migrations SET dirty = " + (dialect == DialectId.POSTGRESQL ? "false" : "0")
                        + ", version = 7");
                assertThatThrownBy(() -> graft.adopt("golang-migrate")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("golang-migrate's row in ")
                        .hasMessageContaining("says version 7 is applied, but the changelog has no migration of"
                                + " version 7");
            }
            assertThat(db.appliedIds()).isEmpty();
        }
    }

    @Test
    void dbmatesTableOfTheSameNameIsRecognisedAndRefused() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE)) {
            db.execute("CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY)");
            db.execute("INSERT INTO schema_migrations (version) VALUES ('20240101000000')");
            try (Graft graft = graft(importShop(), db)) {
                assertThatThrownBy(() -> graft.adopt("golang-migrate")).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("has the columns [version], but golang-migrate's schema_migrations has"
                                + " exactly (version, dirty)")
                        .hasMessageContaining("It looks like dbmate's (or Rails') schema_migrations");
            }
        }
    }
}
