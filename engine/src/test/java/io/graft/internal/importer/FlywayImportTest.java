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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft import flyway} without a database: names, order, placeholders, undo, repeatables, refusals. */
class FlywayImportTest {

    static final Path SHOP = Path.of("src/test/resources/import/flyway/shop");

    @TempDir
    Path dir;

    static ImportResult importShop(Path from, Path out) {
        return Graft.importChangelog(new ImportRequest("flyway", from, out, null, false, false));
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(FlywayVersion.parse("1.10")).isGreaterThan(FlywayVersion.parse("1.9"));
        assertThat(FlywayVersion.parse("1_10")).isEqualTo(FlywayVersion.parse("1.10"));
        assertThat(FlywayVersion.parse("1.0").sameAs(FlywayVersion.parse("1"))).isTrue();
        assertThat(FlywayVersion.parse("2")).isGreaterThan(FlywayVersion.parse("1.999"));
        assertThat(FlywayVersion.parse("20260101120000")).isGreaterThan(FlywayVersion.parse("3"));
        assertThat(FlywayVersion.parse("1_1").text()).isEqualTo("1.1");
    }

    @Test
    void checksumsIgnoreLineEndingsAndABom() {
        int lf = FlywayChecksum.of("CREATE TABLE a (id INT);\nSELECT 1;\n");
        assertThat(FlywayChecksum.of("CREATE TABLE a (id INT);\r\nSELECT 1;\r\n")).isEqualTo(lf);
        assertThat(FlywayChecksum.of("\uFEFFCREATE TABLE a (id INT);\nSELECT 1;")).isEqualTo(lf);
        assertThat(FlywayChecksum.of("CREATE TABLE a (id INT);\nSELECT 2;\n")).isNotEqualTo(lf);
    }

    @Test
    void theShopProjectBecomesALineOfRevisionsAndARepeatableOne() throws IOException {
        ImportResult result = importShop(SHOP, dir.resolve("changelog.yaml"));
        assertThat(result.revisions()).isEqualTo(7);
        assertThat(result.repeatable()).isEqualTo(1);
        assertThat(result.copied()).isEqualTo(8);
        assertThat(result.notes()).isEmpty();

        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(dir.resolve("changelog.yaml")).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions).extracting(Revision::id).containsExactly("V1__create_customers", "V1.1__create_orders",
                "V1.9__audit", "V1.10__order_notes", "V2__index_orders", "V3__seed", "R__customer_orders_view");
        assertThat(revisions).extracting(r -> r.parents().isEmpty() ? "-" : r.parents().get(0)).containsExactly("-",
                "V1__create_customers", "V1.1__create_orders", "V1.9__audit", "V1.10__order_notes", "V2__index_orders",
                "-");
        Revision notes = revisions.get(3);
        assertThat(notes.description()).isEqualTo("order notes");
        assertThat(notes.down().common()).isEqualTo("sql/U1_10__order_notes.sql");
        assertThat(revisions.get(4).transactional()).isFalse();
        assertThat(revisions.get(6).repeatable()).isTrue();
        assertThat(revisions.stream().filter(r -> r.down() != null)).hasSize(1);

        assertThat(Files.readString(dir.resolve("sql/V1_1__create_orders.sql"))).contains("DEFAULT 'new' NOT NULL");
        assertThat(Files.readString(dir.resolve("sql/V1_9__audit.sql"))).startsWith("CREATE TABLE audit_log (");
        assertThat(Files.readString(dir.resolve("sql/V1__create_customers.sql")))
                .isEqualTo(Files.readString(SHOP.resolve("sql/V1__create_customers.sql")));

        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "flyway");
        assertThat(manifest.table()).isEqualTo("flyway_schema_history");
        ImportManifest.Entry orders = manifest.revisions().get(1);
        assertThat(orders.version()).isEqualTo("1.1");
        assertThat(orders.description()).isEqualTo("create orders");
        assertThat(orders.script()).isEqualTo("V1_1__create_orders.sql");
        assertThat(orders.checksum()).isEqualTo(String.valueOf(FlywayChecksum.of(Files.readString(SHOP.resolve(
                "sql/V1_1__create_orders.sql")))));
        assertThat(manifest.revisions().get(6).version()).isNull();
    }

    @Test
    void anUnknownPlaceholderIsRefusedAtItsPlaceAndNothingIsWritten() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("sql/V4__grants.sql"), "-- grants\nGRANT SELECT ON orders TO ${reader};\n");
        assertThatThrownBy(() -> importShop(project, dir.resolve("out/changelog.yaml")))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactly(project.resolve("sql/V4__grants.sql")
                                + ":2:27: placeholder ${reader} has no value in " + project.resolve("flyway.conf") + "\n"
                                + "  hint: define flyway.placeholders.reader there (Flyway would refuse this too),"
                                + " or pass the value by hand into the file"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void whatGraftCannotDoIsReportedEachAtItsFileUnlessSkipped() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("sql/afterMigrate.sql"), "UPDATE customers SET email = NULL WHERE 1 = 0;\n");
        Files.writeString(project.resolve("sql/V5__Backfill.java"), "class V5__Backfill {}\n");
        Files.writeString(project.resolve("sql/U9__nothing.sql"), "SELECT 1;\n");
        Files.writeString(project.resolve("sql/V6__time.sql"), "SELECT '${flyway:timestamp}';\n");
        Files.writeString(project.resolve("sql/notes.txt"), "not a migration\n");
        Files.writeString(project.resolve("sql/readme.sql"), "-- not a migration either\n");
        assertThatThrownBy(() -> importShop(project, dir.resolve("changelog.yaml")))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly(
                                "Java migration V5__Backfill.java cannot be imported: Graft runs SQL files only",
                                "Flyway callback afterMigrate.sql cannot be imported: Graft has no callbacks",
                                "placeholder ${flyway:timestamp} is filled in by Flyway when it runs, so the import"
                                        + " cannot know its value",
                                "undo migration U9__nothing.sql has no versioned migration V9__*.sql to undo"));

        ImportResult skipped = Graft.importChangelog(new ImportRequest("flyway", project, dir.resolve("changelog.yaml"),
                DialectId.POSTGRESQL, false, true));
        assertThat(skipped.notes()).extracting(Problem::message).contains(
                "Java migration V5__Backfill.java cannot be imported: Graft runs SQL files only",
                "not a Flyway migration name (V<version>__<description>.sql), skipped: Flyway ignores it too");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).startsWith("# Imported from flyway project")
                .contains("dialects: [postgresql]").contains("  - id: V6__time\n");
    }

    @Test
    void inPlaceNamesTheOriginalFilesAndCopiesOnlyWhatPlaceholdersChanged() throws IOException {
        Path project = copyOfShop();
        ImportResult result = Graft.importChangelog(new ImportRequest("flyway", project,
                project.resolve("changelog.yaml"), null, true, false));
        assertThat(result.copied()).isEqualTo(2);
        String yaml = Files.readString(project.resolve("changelog.yaml"));
        assertThat(yaml).contains("up: \"sql/V1__create_customers.sql\"").contains("up: \"graft-sql/V1_1__create_orders.sql\"")
                .contains("down: \"sql/U1_10__order_notes.sql\"");
        assertThatThrownBy(() -> Graft.importChangelog(new ImportRequest("flyway", project,
                dir.resolve("elsewhere/changelog.yaml"), null, true, false)))
                .isInstanceOf(ChangelogException.class).hasMessageContaining("--in-place needs the changelog in");
    }

    @Test
    void theNewestBaselineStandsForTheVersionsUpToIt() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("sql/B1_9__baseline.sql"), Files.readString(project.resolve(
                "sql/V1__create_customers.sql")) + "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER"
                + " NOT NULL, status VARCHAR(20) DEFAULT 'new' NOT NULL);\nCREATE TABLE audit_log (id INTEGER"
                + " PRIMARY KEY, what VARCHAR(200));\n");
        ImportResult result = importShop(project, dir.resolve("changelog.yaml"));
        assertThat(result.revisions()).isEqualTo(5);
        assertThat(result.notes()).extracting(Problem::message).containsExactly(
                "V1__create_customers.sql is not imported: baseline B1_9__baseline.sql stands for it (adopt maps its"
                        + " history row to the baseline)",
                "V1_1__create_orders.sql is not imported: baseline B1_9__baseline.sql stands for it (adopt maps its"
                        + " history row to the baseline)",
                "V1_9__audit.sql is not imported: baseline B1_9__baseline.sql stands for it (adopt maps its"
                        + " history row to the baseline)");
        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "flyway");
        assertThat(manifest.revisions().get(0).id()).isEqualTo("B1.9__baseline");
        assertThat(manifest.revisions().get(0).covers()).containsExactly("1", "1.1", "1.9");
        assertThat(manifest.revisions().get(1).id()).isEqualTo("V1.10__order_notes");
    }

    @Test
    void flywayTomlIsReadToo() throws IOException {
        Path project = copyOfShop();
        Files.delete(project.resolve("flyway.conf"));
        Files.writeString(project.resolve("flyway.toml"), """
                [environments.default]
                url = "jdbc:postgresql://localhost/shop"

                [flyway]
                locations = ["filesystem:sql"]
                table = "schema_history"

                [flyway.placeholders]
                status_default = "open"
                audit_table = "audit_trail"
                """);
        importShop(project, dir.resolve("changelog.yaml"));
        assertThat(Files.readString(dir.resolve("sql/V1_1__create_orders.sql"))).contains("DEFAULT 'open' NOT NULL");
        assertThat(Files.readString(dir.resolve("sql/V1_9__audit.sql"))).startsWith("CREATE TABLE audit_trail (");
        assertThat(ImportManifest.read(dir.resolve("changelog.yaml"), "flyway").table()).isEqualTo("schema_history");
    }

    @Test
    void withADialectAScriptThatCannotRunInATransactionRunsOutsideOne() throws IOException {
        Path project = copyOfShop();
        Files.writeString(project.resolve("sql/V4__concurrent.sql"),
                "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n");
        ImportResult result = Graft.importChangelog(new ImportRequest("flyway", project, dir.resolve("changelog.yaml"),
                DialectId.POSTGRESQL, false, false));
        assertThat(result.notes()).extracting(Problem::message).containsExactly("runs outside a transaction"
                + " ('transaction: false'): a statement in it cannot run inside one on postgresql, and Flyway runs such"
                + " a script without one too");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("""
                  - id: V4__concurrent
                    parents: [V3__seed]
                    description: "concurrent"
                    up: "sql/V4__concurrent.sql"
                    transaction: false
                """);
    }

    @Test
    void anExistingChangelogIsNotOverwritten() throws IOException {
        Files.writeString(dir.resolve("changelog.yaml"), "changelog: 1\nrevisions: []\n");
        assertThatThrownBy(() -> importShop(SHOP, dir.resolve("changelog.yaml")))
                .isInstanceOf(ChangelogException.class).hasMessageContaining("the changelog exists already");
    }

    private Path copyOfShop() throws IOException {
        Path target = dir.resolve("shop");
        try (Stream<Path> files = Files.walk(SHOP)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(SHOP.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.writeString(to, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return target;
    }
}
