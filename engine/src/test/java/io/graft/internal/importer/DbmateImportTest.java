package io.graft.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft import dbmate} without a database: names, order, sections, options, refusals. */
class DbmateImportTest {

    static final Path SHOP = Path.of("src/test/resources/import/dbmate/shop");

    @TempDir
    Path dir;

    static ImportResult importProject(Path from, Path out) {
        return Graft.importChangelog(new ImportRequest("dbmate", from, out, null, false, false));
    }

    @Test
    void theShopProjectBecomesALineOfRevisionsWithUpAndDownFiles() throws IOException {
        ImportResult result = importProject(SHOP, dir.resolve("changelog.yaml"));
        assertThat(result.revisions()).isEqualTo(5);
        assertThat(result.notes()).isEmpty();
        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(dir.resolve("changelog.yaml")).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions).extracting(Revision::id).containsExactly("20240101090000_create_customers",
                "20240102090000_create_orders", "20240103090000_audit_log", "20240104090000_order_notes",
                "20240105090000_seed");
        assertThat(revisions.get(1).parents()).containsExactly("20240101090000_create_customers");
        assertThat(revisions.get(0).parents()).isEmpty();
        assertThat(revisions.get(3).description()).isEqualTo("order notes");
        assertThat(revisions).extracting(Revision::transactional).containsExactly(true, true, false, true, true);
        assertThat(revisions.get(2).up().common()).isEqualTo("sql/20240103090000_audit_log.up.sql");
        assertThat(revisions.get(2).down().common()).isEqualTo("sql/20240103090000_audit_log.down.sql");
        assertThat(Files.readString(dir.resolve("sql/20240103090000_audit_log.up.sql")))
                .startsWith("CREATE TABLE audit_log (").doesNotContain("migrate:").doesNotContain("DROP TABLE");
        assertThat(Files.readString(dir.resolve("sql/20240104090000_order_notes.down.sql")))
                .isEqualTo("DROP VIEW customer_orders;\nALTER TABLE orders DROP COLUMN note;\n");

        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "dbmate");
        assertThat(manifest.table()).isEqualTo("schema_migrations");
        assertThat(manifest.schema()).isNull();
        ImportManifest.Entry orders = manifest.revisions().get(1);
        assertThat(orders.version()).isEqualTo("20240102090000");
        assertThat(orders.script()).isEqualTo("20240102090000_create_orders.sql");
        assertThat(orders.checksum()).isNull();
    }

    @Test
    void theMigrationsFolderItselfMayBeNamedAndSeveralPairsOfOneModeAreJoined() throws IOException {
        Path folder = dir.resolve("migrations");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("001_a.sql"), "-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\n"
                + "DROP TABLE a;\n-- migrate:up\nCREATE TABLE b (id INT);\n-- migrate:down\nDROP TABLE b;\n");
        Files.writeString(folder.resolve("002.sql"), "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        Files.writeString(folder.resolve("notes.sql"), "-- not a migration\n");
        Files.writeString(folder.resolve("README.md"), "docs\n");
        ImportResult result = importProject(folder, dir.resolve("out/changelog.yaml"));
        assertThat(result.revisions()).isEqualTo(2);
        assertThat(result.notes()).extracting(Problem::message).containsExactly(
                "not a dbmate migration name (<version>_<name>.sql, the version in digits), skipped: dbmate skips it too");
        assertThat(Files.readString(dir.resolve("out/sql/001_a.up.sql")))
                .isEqualTo("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
        assertThat(Files.readString(dir.resolve("out/sql/001_a.down.sql"))).isEqualTo("DROP TABLE a;\nDROP TABLE b;\n");
        assertThat(Files.readString(dir.resolve("out/sql/002.down.sql"))).isEmpty();
        assertThat(ImportManifest.read(dir.resolve("out/changelog.yaml"), "dbmate").revisions())
                .extracting(ImportManifest.Entry::id, ImportManifest.Entry::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("001_a", "001"),
                        org.assertj.core.groups.Tuple.tuple("002", "002"));
    }

    @Test
    void whatDbmateRefusesOrAGraftRevisionCannotSayIsAProblemAtItsLine() throws IOException {
        Path folder = dir.resolve("db/migrations");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("1_no_down.sql"), "-- migrate:up\nCREATE TABLE a (id INT);\n");
        Files.writeString(folder.resolve("2_before.sql"), "-- fine\nCREATE TABLE x (id INT);\n-- migrate:up\n"
                + "SELECT 1;\n-- migrate:down\n");
        Files.writeString(folder.resolve("3_modes.sql"), "-- migrate:up transaction:false\nCREATE INDEX i ON a (id);\n"
                + "-- migrate:down\nDROP INDEX i;\n");
        Files.writeString(folder.resolve("5_a.sql"), "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        Files.writeString(folder.resolve("5_b.sql"), "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        Files.writeString(folder.resolve("4_twice.sql"), "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n"
                + "-- migrate:down\nSELECT 3;\n");
        String at = folder.toString() + "/";
        assertThatThrownBy(() -> importProject(dir, dir.resolve("out/changelog.yaml")))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactly(
                                at + "1_no_down.sql:1:1: no '-- migrate:down' for this '-- migrate:up': dbmate refuses"
                                        + " this file too\n  hint: add a '-- migrate:down' section (it may be empty)",
                                at + "2_before.sql:2:1: a statement before '-- migrate:up': dbmate refuses this file"
                                        + " too\n  hint: move it below the '-- migrate:up' line",
                                at + "3_modes.sql:3:1: the down section runs in a transaction and the up section"
                                        + " outside a transaction (transaction:false), and a Graft revision has one"
                                        + " transaction mode for both\n  hint: add transaction:false to this line, or"
                                        + " remove it from the up line",
                                at + "4_twice.sql:5:1: a second '-- migrate:down' for the '-- migrate:up' at line 1:"
                                        + " dbmate refuses this file too\n  hint: start a new pair with '-- migrate:up',"
                                        + " or join the two down sections",
                                at + "5_b.sql: version 5 appears twice: 5_b.sql and 5_a.sql; dbmate's"
                                        + " history records the version only, so it cannot tell them apart\n"
                                        + "  hint: give one of them another version"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
