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

/** {@code graft import golang-migrate} without a database: names, numeric order, downs, refusals, BEGIN/COMMIT. */
class GolangMigrateImportTest {

    static final Path SHOP = Path.of("src/test/resources/import/golang-migrate/shop");

    @TempDir
    Path dir;

    static ImportResult importShop(Path from, Path out, DialectId dialect) {
        return Graft.importChangelog(new ImportRequest("golang-migrate", from, out, dialect, false, false));
    }

    @Test
    void theShopBecomesALineOfRevisionsInNumericVersionOrder() throws IOException {
        ImportResult result = importShop(SHOP, dir.resolve("changelog.yaml"), null);
        assertThat(result.revisions()).isEqualTo(5);
        assertThat(result.copied()).isEqualTo(9);
        assertThat(result.notes()).isEmpty();

        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(dir.resolve("changelog.yaml")).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions).extracting(Revision::id).containsExactly("1_create_customers", "2_create_orders",
                "10_index_orders", "20240105120000_order_notes", "20240106090000_seed");
        assertThat(revisions).extracting(r -> r.parents().isEmpty() ? "-" : r.parents().get(0)).containsExactly("-",
                "1_create_customers", "2_create_orders", "10_index_orders", "20240105120000_order_notes");
        assertThat(revisions.get(0).down().common()).isEqualTo("sql/1_create_customers.down.sql");
        assertThat(revisions.get(2).down()).as("10 has no down file: irreversible").isNull();
        assertThat(revisions).allMatch(Revision::transactional);
        assertThat(revisions.get(3).description()).isEqualTo("order_notes");
        assertThat(Files.readString(dir.resolve("sql/2_create_orders.up.sql")))
                .isEqualTo(Files.readString(SHOP.resolve("2_create_orders.up.sql")));

        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "golang-migrate");
        assertThat(manifest.table()).isEqualTo("schema_migrations");
        assertThat(manifest.schema()).isNull();
        assertThat(manifest.revisions()).extracting(ImportManifest.Entry::version)
                .containsExactly("1", "2", "10", "20240105120000", "20240106090000");
        assertThat(manifest.revisions().get(2).script()).isEqualTo("10_index_orders.up.sql");
        assertThat(manifest.revisions()).allMatch(e -> e.checksum() == null);
    }

    @Test
    void namesAreParsedAsGolangMigrateParsesThem() {
        GolangMigrateLayout.Script s = GolangMigrateLayout.parse(Path.of("0042_add.users.table.up.sql"));
        assertThat(s.version()).hasToString("42");
        assertThat(s.versionText()).isEqualTo("0042");
        assertThat(s.title()).isEqualTo("add.users.table");
        assertThat(s.up()).isTrue();
        assertThat(s.extension()).isEqualTo("sql");
        assertThat(GolangMigrateLayout.parse(Path.of("1_x.down.sql")).up()).isFalse();
        assertThat(GolangMigrateLayout.parse(Path.of("v1_x.up.sql"))).isNull();
        assertThat(GolangMigrateLayout.parse(Path.of("1-x.up.sql"))).isNull();
        assertThat(GolangMigrateLayout.parse(Path.of("1_x.sql"))).isNull();
        assertThat(GolangMigrateLayout.parse(Path.of("18446744073709551616_x.up.sql")).version()).isNull();
    }

    @Test
    void duplicatesDownsWithoutUpsAndOtherExtensionsAreRefusedEachAtItsFile() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("2_orders_again.up.sql"), "SELECT 1;\n");
        Files.writeString(project.resolve("30_gone.down.sql"), "DROP TABLE gone;\n");
        Files.writeString(project.resolve("40_data.up.json"), "{}\n");
        Files.writeString(project.resolve("notes.txt"), "not a migration\n");
        assertThatThrownBy(() -> importShop(project, dir.resolve("changelog.yaml"), null))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly(
                                "version 2 has two up files: 2_orders_again.up.sql and 2_create_orders.up.sql",
                                "down file 30_gone.down.sql has no up file: golang-migrate records version 30 as"
                                        + " applied running nothing going up, which is most likely a misnamed file",
                                "golang-migrate runs 40_data.up.json as it is, but Graft imports SQL files only"
                                        + " (ending in .up.sql)"));
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();

        Files.delete(project.resolve("2_orders_again.up.sql"));
        Files.delete(project.resolve("40_data.up.json"));
        ImportResult skipped = Graft.importChangelog(new ImportRequest("golang-migrate", project,
                dir.resolve("changelog.yaml"), null, false, true));
        assertThat(skipped.revisions()).isEqualTo(6);
        assertThat(Files.readString(dir.resolve("sql/30_gone.up.sql"))).as("an empty up, as golang-migrate runs it")
                .isEmpty();
    }

    @Test
    void aBeginCommitAroundTheFileIsLeftOutAndOneInsideIsRefused() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("30_wrapped.up.sql"), "-- wrapped\nBEGIN;\nCREATE TABLE t (id INT);\n"
                + "CREATE TABLE u (id INT);\nCOMMIT;\n");
        ImportResult result = importShop(project, dir.resolve("changelog.yaml"), DialectId.POSTGRESQL);
        assertThat(Files.readString(dir.resolve("sql/30_wrapped.up.sql")))
                .isEqualTo("-- wrapped\nCREATE TABLE t (id INT);\nCREATE TABLE u (id INT);\n");
        assertThat(result.notes()).extracting(Problem::render).containsExactly(project.resolve("30_wrapped.up.sql")
                + ":2:1: the BEGIN/COMMIT around 30_wrapped.up.sql is left out of the imported copy: the revision runs"
                + " in a transaction of its own");

        Files.writeString(project.resolve("40_half.up.sql"), "CREATE TABLE v (id INT);\nCOMMIT;\nCREATE TABLE w (id INT);\n");
        assertThatThrownBy(() -> importShop(project, dir.resolve("again/changelog.yaml"), DialectId.POSTGRESQL))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactly(project.resolve("40_half.up.sql")
                                + ":2:1: 'COMMIT' controls the transaction inside the file, and a Graft revision"
                                + " runs in one transaction (or, with 'transaction: false', statement by statement)\n"
                                + "  hint: split the file into migrations at this line, or remove the statement"));
    }

    @Test
    void withPostgresqlAConcurrentIndexRunsOutsideATransaction() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("30_concurrent.up.sql"),
                "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n");
        ImportResult result = importShop(project, dir.resolve("changelog.yaml"), DialectId.POSTGRESQL);
        assertThat(result.notes()).extracting(Problem::message).containsExactly("runs outside a transaction"
                + " ('transaction: false'): a statement in it cannot run inside one on postgresql, and golang-migrate"
                + " runs such a script without one too");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("""
                  - id: "30_concurrent"
                    parents: ["10_index_orders"]
                    description: "concurrent"
                    up: "sql/30_concurrent.up.sql"
                    transaction: false
                """);
    }

    @Test
    void anEmptyFolderSaysWhatToName() {
        assertThatThrownBy(() -> importShop(dir, dir.resolve("out/changelog.yaml"), null))
                .isInstanceOf(ChangelogException.class)
                .hasMessageContaining("no golang-migrate migrations found")
                .hasMessageContaining("<version>_<title>.up.sql");
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
