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
 * The proof that switching from popx (Ory) changes nothing. popx is a Go library that cannot be
 * installed here, so its apply loop is re-implemented by {@link PopxRunner} (file parsing, the
 * per-dialect choice of files, {@code .autocommit}, empty files, the {@code schema_migration}
 * table and its rows): the shop fixture (a file for all dialects, files per dialect, a
 * CockroachDB file, an {@code .autocommit} {@code CREATE INDEX CONCURRENTLY} on PostgreSQL, a
 * migration for PostgreSQL only, empty files) applied by it and the imported changelog applied
 * by Graft give the same schema ({@code pg_dump -s}, {@code sqlite3 .schema},
 * {@code mariadb-dump --no-data}, the history tables left out); a fully migrated database is
 * adopted with nothing left to do; one migrated halfway is adopted and finished by
 * {@code graft up}; a down by both leaves the same schema; a row the changelog lacks stops the
 * adoption.
 */
class PopxProofTest {

    private static final List<String> ALL = List.of("20240101000001000000_customers", "20240101000002000000_orders",
            "20240101000003000000_orders_index", "20240101000004000000_order_notes",
            "20240101000005000000_customer_totals", "20240101000006000000_seed", "20240101000007000000_noop");

    @TempDir
    Path dir;

    private Path importShop() {
        Path changelog = dir.resolve("graft/changelog.yaml");
        Graft.importChangelog(new ImportRequest("popx", PopxImportTest.SHOP, changelog, null, false, false));
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    private static PopxRunner popx(TestDatabase db) throws Exception {
        return new PopxRunner(db, PopxImportTest.SHOP);
    }

    private static String schema(TestDatabase db) {
        return SchemaDump.of(db, PopxRunner.TABLE);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void popxAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) throws Exception {
        try (TestDatabase byTool = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            popx(byTool).up(0);
            assertThat(PopxRunner.rows(byTool)).hasSize(dialect == DialectId.POSTGRESQL ? 7 : 6);
            Path changelog = importShop();
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.upgrade().steps()).hasSize(7);
            }
            String expected = schema(byTool);
            assertThat(expected).contains("orders_customer_idx").contains("customers_email_idx").contains("notes")
                    .doesNotContain("schema_migration");
            if (dialect == DialectId.POSTGRESQL) {
                assertThat(expected).contains("customer_totals");
            }
            assertThat(schema(byGraft)).isEqualTo(expected);

            try (Graft graft = graft(changelog, byTool)) {
                AdoptResult adopted = graft.adopt("popx");
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId()).containsExactlyElementsOf(ALL);
                assertThat(graft.status().upToDate()).isTrue();
            }

            // popx counts steps among the files of this dialect: 5 has none on SQLite and MariaDB
            popx(byTool).down(dialect == DialectId.POSTGRESQL ? 4 : 3);
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.downgrade("20240101000003000000_orders_index").steps()).hasSize(4);
            }
            assertThat(schema(byGraft)).doesNotContain("customer_totals").isEqualTo(schema(byTool));
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabasePopxMigratedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) throws Exception {
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            popx(full).up(0);
            popx(half).up(4);
            List<String> rows = PopxRunner.rows(half);
            assertThat(rows).hasSize(4);
            Path changelog = importShop();
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("popx");
                assertThat(adopted.historyRows()).isEqualTo(4);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId())
                        .containsExactlyElementsOf(ALL.subList(0, 4));
                assertThat(graft.adopt("popx").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId()).containsExactlyElementsOf(ALL.subList(4, 7));
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(schema(half)).isEqualTo(schema(full));
            assertThat(PopxRunner.rows(half)).as("popx's table is left as it was").isEqualTo(rows);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL"})
    void aRowTheChangelogLacksStopsTheAdoption(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            popx(db).up(2);
            db.execute("INSERT INTO schema_migration (version) VALUES ('20230101000000000000')");
            try (Graft graft = graft(importShop(), db)) {
                assertThatThrownBy(() -> graft.adopt("popx")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("popx's row in ")
                        .hasMessageContaining("(version = 20230101000000000000) names a migration that the changelog"
                                + " does not have");
            }
            assertThat(db.appliedIds()).isEmpty();
        }
    }
}
