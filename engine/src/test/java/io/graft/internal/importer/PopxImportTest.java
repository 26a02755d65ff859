package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft import popx} without a database: names, dialect files, autocommit, empty files, refusals. */
class PopxImportTest {

    static final Path SHOP = Path.of("src/test/resources/import/popx/shop/migrations");

    @TempDir
    Path dir;

    static ImportResult importShop(Path from, Path out) {
        return Graft.importChangelog(new ImportRequest("popx", from, out, null, false, false));
    }

    @Test
    void namesAreParsedAsPopxParsesThem() {
        PopxLayout.Script s = PopxLayout.parse(Path.of("20190611004000_create_providers.pg.autocommit.down.sql"));
        assertThat(s.version()).isEqualTo("20190611004000");
        assertThat(s.name()).isEqualTo("create_providers");
        assertThat(s.dbType()).isEqualTo("postgres");
        assertThat(s.autocommit()).isTrue();
        assertThat(s.up()).isFalse();
        PopxLayout.Script flagOnly = PopxLayout.parse(Path.of("20190611004000_create_providers.autocommit.up.sql"));
        assertThat(flagOnly.dbType()).isEqualTo("all");
        assertThat(flagOnly.autocommit()).isTrue();
        assertThat(PopxLayout.parse(Path.of("1_x.sqlite.up.sql")).dbType()).isEqualTo("sqlite3");
        assertThat(PopxLayout.parse(Path.of("1_x.crdb.up.sql")).dbType()).isEqualTo("cockroach");
        assertThat(PopxLayout.parse(Path.of("1_x.mssql.up.sql")).version()).as("a dialect pop does not know").isNull();
        assertThat(PopxLayout.parse(Path.of("1_x.y.z.up.sql"))).isNull();
        assertThat(PopxLayout.parse(Path.of("1_testdata.sql"))).isNull();
    }

    @Test
    void theShopBecomesALineWithPerDialectFilesAndNoOpsWherePopxRunsNothing() throws IOException {
        ImportResult result = importShop(SHOP, dir.resolve("changelog.yaml"));
        assertThat(result.revisions()).isEqualTo(7);
        assertThat(result.notes()).extracting(Problem::message).containsExactly(
                "not imported: 20240101000002000000_orders.cockroach.up.sql is for CockroachDB, where Graft does not run",
                "migration 20240101000005000000 has files for postgres only: popx runs nothing for it on other"
                        + " dialects, and the revision gets an empty file (a no-op) for them");

        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(dir.resolve("changelog.yaml")).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions).extracting(Revision::id).containsExactly("20240101000001000000_customers",
                "20240101000002000000_orders", "20240101000003000000_orders_index", "20240101000004000000_order_notes",
                "20240101000005000000_customer_totals", "20240101000006000000_seed", "20240101000007000000_noop");
        assertThat(revisions.get(0).up().common()).isEqualTo("sql/20240101000001000000_customers.up.sql");
        assertThat(revisions.get(1).up().perDialect()).containsEntry(DialectId.POSTGRESQL,
                "sql/20240101000002000000_orders.postgres.up.sql").containsEntry(DialectId.SQLITE,
                "sql/20240101000002000000_orders.sqlite3.up.sql").containsEntry(DialectId.MYSQL,
                "sql/20240101000002000000_orders.mysql.up.sql");
        assertThat(revisions.get(1).down().common()).isEqualTo("sql/20240101000002000000_orders.down.sql");
        Revision index = revisions.get(2);
        assertThat(index.transactional()).as(".autocommit").isFalse();
        assertThat(index.up().perDialect()).containsEntry(DialectId.POSTGRESQL,
                "sql/20240101000003000000_orders_index.postgres.autocommit.up.sql").containsEntry(DialectId.SQLITE,
                "sql/20240101000003000000_orders_index.up.sql").containsEntry(DialectId.MYSQL,
                "sql/20240101000003000000_orders_index.up.sql");
        assertThat(revisions).filteredOn(Revision::transactional).hasSize(6);
        Revision totals = revisions.get(4);
        assertThat(totals.up().perDialect().get(DialectId.SQLITE))
                .isEqualTo("sql/20240101000005000000_customer_totals.sqlite3.up.sql");
        assertThat(Files.readString(dir.resolve("sql/20240101000005000000_customer_totals.sqlite3.up.sql")))
                .startsWith("-- popx runs nothing for migration 20240101000005000000 on sqlite3");
        assertThat(revisions.get(6).down().common()).isEqualTo("sql/20240101000007000000_noop.down.sql");
        assertThat(dir.resolve("sql/2")).as("a file for several dialects is written once").doesNotExist();

        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "popx");
        assertThat(manifest.table()).isEqualTo("schema_migration");
        assertThat(manifest.revisions().get(4).extra()).containsEntry("dialects", "postgresql");
        assertThat(manifest.revisions().get(0).extra()).isEmpty();
        assertThat(manifest.revisions()).extracting(ImportManifest.Entry::version).startsWith("20240101000001000000");
    }

    @Test
    void templatesFizzMissingDownsAndDuplicatesAreRefusedEachAtItsFile() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("20240102000001000000_tpl.up.sql"),
                "-- per dialect\n{{ if .IsSQLite }}SELECT 1;{{ end }}\n");
        Files.writeString(project.resolve("20240102000001000000_tpl.down.sql"), "");
        Files.writeString(project.resolve("20240102000002000000_fizz.up.fizz"), "create_table(\"x\") {}\n");
        Files.writeString(project.resolve("20240102000003000000_nodown.up.sql"), "SELECT 1;\n");
        Files.writeString(project.resolve("20240102000004000000_a.up.sql"), "SELECT 1;\n");
        Files.writeString(project.resolve("20240102000004000000_b.up.sql"), "SELECT 2;\n");
        Files.writeString(project.resolve("20240102000004000000_a.down.sql"), "");
        assertThatThrownBy(() -> importShop(project, dir.resolve("changelog.yaml")))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactly(
                                project.resolve("20240102000002000000_fizz.up.fizz") + ": fizz migration"
                                        + " 20240102000002000000_fizz.up.fizz cannot be imported: Graft runs SQL files"
                                        + " only\n  hint: translate it to SQL (one 20240102000002000000_fizz.<dialect>"
                                        + ".up.sql per dialect: 'soda' prints the SQL fizz generates), then import again",
                                project.resolve("20240102000001000000_tpl.up.sql") + ":2:1: popx runs"
                                        + " 20240102000001000000_tpl.up.sql through Go's text/template, and Graft"
                                        + " cannot evaluate the template\n  hint: write the SQL out per dialect"
                                        + " (20240102000001000000_tpl.postgres.up.sql, ....sqlite3.up.sql, ...) without"
                                        + " {{ }}, then import again",
                                project.resolve("20240102000003000000_nodown.up.sql") + ": migration"
                                        + " 20240102000003000000 has no corresponding down migration: popx refuses the"
                                        + " whole folder then\n  hint: add 20240102000003000000_nodown.down.sql (empty,"
                                        + " if nothing is to be undone)",
                                project.resolve("20240102000004000000_b.up.sql") + ": version 20240102000004000000"
                                        + " has two up files for all dialects: 20240102000004000000_b.up.sql and"
                                        + " 20240102000004000000_a.up.sql; popx runs one of them, and which one is not"
                                        + " defined\n  hint: give one of them another version"));
    }

    @Test
    void anAutocommitFileBesideATransactionalOneOfSeveralStatementsIsRefused() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("20240102000001000000_idx.postgres.autocommit.up.sql"),
                "CREATE INDEX CONCURRENTLY a ON orders (total);\n");
        Files.writeString(project.resolve("20240102000001000000_idx.up.sql"),
                "CREATE INDEX a ON orders (total);\nCREATE INDEX b ON orders (notes);\n");
        Files.writeString(project.resolve("20240102000001000000_idx.down.sql"), "");
        assertThatThrownBy(() -> importShop(project, dir.resolve("changelog.yaml")))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly("20240102000001000000_idx.up.sql runs in a"
                                + " transaction under popx, but 20240102000001000000_idx.postgres.autocommit.up.sql of"
                                + " the same migration 20240102000001000000 runs without one, and a Graft revision has"
                                + " one transaction mode: its 2 statements would run one by one"));
    }

    private Path copyOfShop() throws IOException {
        Path target = dir.resolve("shop");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(SHOP)) {
            for (Path p : files.toList()) {
                Files.copy(p, target.resolve(p.getFileName().toString()));
            }
        }
        return target;
    }
}
