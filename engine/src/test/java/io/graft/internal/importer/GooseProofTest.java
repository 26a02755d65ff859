package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.AdoptResult;
import io.graft.Graft;
import io.graft.MigrationException;
import io.graft.RunResult;
import io.graft.changelog.DialectId;
import io.graft.testing.SchemaDump;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that switching from goose changes nothing. goose is a Go program that cannot be
 * installed here, so its apply loop is re-implemented by {@link GooseRunner} (file names and
 * numeric order, goose's parser of sections, StatementBegin blocks and {@code NO TRANSACTION},
 * {@code goose_db_version} and its rows, one transaction per file): the shop fixture of each
 * dialect ({@code import/goose/<dialect>/}: a PL/pgSQL function, an SQLite trigger and a MariaDB
 * trigger in StatementBegin blocks, a {@code NO TRANSACTION} index, sequential and timestamp
 * versions, lower-case annotations, downs) applied by it and the imported changelog applied by
 * Graft give the same schema ({@code pg_dump -s}, {@code sqlite3 .schema},
 * {@code mariadb-dump --no-data}, the history tables left out); two downs by both, then a down to
 * version 2 by both, leave the same schema; a fully migrated database is adopted with nothing
 * left to do; one migrated halfway is adopted and finished by {@code graft up}; a row the
 * changelog lacks stops the adoption.
 */
class GooseProofTest {

    @TempDir
    Path dir;

    private Path importShop(DialectId dialect) {
        Path changelog = dir.resolve("graft/changelog.yaml");
        GooseImportTest.importProject(GooseImportTest.shop(dialect), changelog, dialect, false);
        return changelog;
    }

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(10)).build();
    }

    private static GooseRunner goose(TestDatabase db) throws Exception {
        return new GooseRunner(db, GooseImportTest.shop(db.dialect()));
    }

    private static String schema(TestDatabase db) {
        return SchemaDump.of(db, GooseRunner.TABLE);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void gooseAndTheImportedChangelogBuildTheSameSchema(DialectId dialect) throws Exception {
        try (TestDatabase byTool = TestDatabase.create(dialect); TestDatabase byGraft = TestDatabase.create(dialect)) {
            goose(byTool).up();
            assertThat(GooseRunner.rows(byTool)).containsExactly("0 true", "1 true", "2 true", "3 true", "4 true",
                    "20240105120000 true", "20240106090000 true");
            Path changelog = importShop(dialect);
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.upgrade().steps()).extracting(s -> s.revisionId())
                        .containsExactlyElementsOf(GooseImportTest.IDS);
            }
            String expected = schema(byTool);
            assertThat(expected).contains("orders_total").contains("orders_customer").contains("customers_email")
                    .contains("customer_orders").contains("phone").doesNotContain(GooseRunner.TABLE);
            if (dialect == DialectId.POSTGRESQL) {
                assertThat(expected).contains("FUNCTION public.order_total()");
            }
            assertThat(schema(byGraft)).isEqualTo(expected);

            try (Graft graft = graft(changelog, byTool)) {
                AdoptResult adopted = graft.adopt("goose");
                assertThat(adopted.historyRows()).isEqualTo(7);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId())
                        .containsExactlyElementsOf(GooseImportTest.IDS);
                assertThat(graft.status().upToDate()).isTrue();
            }

            GooseRunner tool = goose(byTool);
            tool.down();
            tool.down();
            assertThat(GooseRunner.rows(byTool)).containsExactly("0 true", "1 true", "2 true", "3 true", "4 true");
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.downgrade("-2").steps()).hasSize(2);
            }
            assertThat(schema(byGraft)).doesNotContain("customer_orders").isEqualTo(schema(byTool));

            goose(byTool).downTo(2);
            try (Graft graft = graft(changelog, byGraft)) {
                assertThat(graft.downgrade("00002_create_orders").steps()).hasSize(2);
            }
            assertThat(schema(byGraft)).doesNotContain("orders_total").doesNotContain("phone")
                    .isEqualTo(schema(byTool));
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aDatabaseGooseMigratedHalfwayIsAdoptedAndFinishedByGraft(DialectId dialect) throws Exception {
        try (TestDatabase full = TestDatabase.create(dialect); TestDatabase half = TestDatabase.create(dialect)) {
            goose(full).up();
            goose(half).upTo(4);
            List<String> rows = GooseRunner.rows(half);
            assertThat(rows).containsExactly("0 true", "1 true", "2 true", "3 true", "4 true");
            Path changelog = importShop(dialect);
            try (Graft graft = graft(changelog, half)) {
                AdoptResult adopted = graft.adopt("goose");
                assertThat(adopted.historyRows()).isEqualTo(5);
                assertThat(adopted.run().steps()).extracting(s -> s.revisionId())
                        .containsExactlyElementsOf(GooseImportTest.IDS.subList(0, 4));
                assertThat(graft.adopt("goose").run().steps()).isEmpty();
                RunResult up = graft.upgrade();
                assertThat(up.steps()).extracting(s -> s.revisionId())
                        .containsExactlyElementsOf(GooseImportTest.IDS.subList(4, 6));
                assertThat(graft.status().upToDate()).isTrue();
            }
            assertThat(schema(half)).isEqualTo(schema(full));
            assertThat(GooseRunner.rows(half)).as("goose's table is left as it was").isEqualTo(rows);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DialectId.class, names = {"SQLITE", "POSTGRESQL"})
    void aRowTheChangelogLacksStopsTheAdoption(DialectId dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            goose(db).upTo(2);
            db.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (7, "
                    + (dialect == DialectId.POSTGRESQL ? "true" : "1") + ")");
            try (Graft graft = graft(importShop(dialect), db)) {
                assertThatThrownBy(() -> graft.adopt("goose")).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("goose's row in ")
                        .hasMessageContaining("version_id = 7, is_applied = true) names version 7, a migration that"
                                + " the changelog does not have");
            }
            assertThat(db.appliedIds()).isEmpty();
        }
    }

    @Test
    void theRunnerParsesAsGooseDoes() {
        GooseRunner.Parsed up = GooseRunner.parse("-- +goose NO TRANSACTION\n\n-- a comment\n-- +goose up\n"
                + "CREATE TABLE a (\n  x INT -- no end; here\n);\n-- +goose StatementBegin\nCREATE FUNCTION f() AS $$\n"
                + "BEGIN; END;\n$$;\n-- +goose StatementEnd\nSELECT ';'; -- done\n-- +goose Down\nDROP TABLE a;\n", true);
        assertThat(up.useTx()).isFalse();
        assertThat(up.statements()).containsExactly("CREATE TABLE a (\n  x INT -- no end; here\n);",
                "CREATE FUNCTION f() AS $$\nBEGIN; END;\n$$;", "SELECT ';'; -- done");
        assertThat(GooseRunner.parse("-- +goose Up\nSELECT 1;\n-- +goose DOWN\nSELECT 2;\nSELECT 3;\n", false)
                .statements()).containsExactly("SELECT 2;", "SELECT 3;");
        assertThatThrownBy(() -> GooseRunner.parse("-- +goose Up\nSELECT 1\n", true))
                .hasMessageContaining("unfinished SQL query");
        assertThatThrownBy(() -> GooseRunner.parse(" -- +goose Up\nSELECT 1;\n", true))
                .hasMessageContaining("leading whitespace");
    }
}
