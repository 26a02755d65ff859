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
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft import goose} without a database: names, numeric order, sections, blocks, refusals. */
class GooseImportTest {

    static final Path FIXTURES = Path.of("src/test/resources/import/goose");

    static final List<String> IDS = List.of("00001_create_customers", "00002_create_orders", "00003_order_total",
            "4_customer_phone", "20240105120000_orders_index", "20240106090000_seed");

    @TempDir
    Path dir;

    /** The shop project written for {@code dialect}'s database. */
    static Path shop(DialectId dialect) {
        return FIXTURES.resolve(dialect.key());
    }

    static ImportResult importProject(Path from, Path out, DialectId dialect, boolean skipUnsupported) {
        return Graft.importChangelog(new ImportRequest("goose", from, out, dialect, false, skipUnsupported));
    }

    @Test
    void theShopBecomesALineOfRevisionsInNumericVersionOrder() throws IOException {
        ImportResult result = importProject(shop(DialectId.POSTGRESQL), dir.resolve("changelog.yaml"), null, false);
        assertThat(result.revisions()).isEqualTo(6);
        assertThat(result.copied()).isEqualTo(12);
        assertThat(result.notes()).isEmpty();
        Changelog changelog;
        try (Graft graft = Graft.builder().changelog(dir.resolve("changelog.yaml")).build()) {
            changelog = graft.validate();
        }
        List<Revision> revisions = changelog.revisions();
        assertThat(revisions).extracting(Revision::id).containsExactlyElementsOf(IDS);
        assertThat(revisions).extracting(r -> r.parents().isEmpty() ? "-" : r.parents().get(0))
                .containsExactly("-", IDS.get(0), IDS.get(1), IDS.get(2), IDS.get(3), IDS.get(4));
        assertThat(revisions).extracting(Revision::transactional).containsExactly(true, true, true, true, false, true);
        assertThat(revisions.get(3).description()).isEqualTo("customer phone");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("  - id: \"00001_create_customers\"\n");

        String up = Files.readString(dir.resolve("sql/00003_order_total.up.sql"));
        assertThat(up).startsWith("-- The total of an order, kept by a trigger.\n-- +goose Up\n-- +goose StatementBegin\n")
                .contains("EXECUTE FUNCTION order_total();\n").doesNotContain("+goose Down").doesNotContain("DROP");
        List<SqlStatement> statements = SqlSplitter.split(up, "up.sql",
                Dialects.of(DialectId.POSTGRESQL).splitOptions());
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).sql()).startsWith("CREATE FUNCTION order_total()").endsWith("$$ LANGUAGE plpgsql");
        assertThat(statements.get(0).span().line()).as("lines as in the goose file").isEqualTo(4);
        assertThat(Files.readString(dir.resolve("sql/00003_order_total.down.sql"))).isEqualTo("-- +goose Down\n"
                + "DROP TRIGGER orders_total ON orders;\n-- +goose StatementBegin\nDROP FUNCTION order_total();\n"
                + "-- +goose StatementEnd\n");

        ImportManifest manifest = ImportManifest.read(dir.resolve("changelog.yaml"), "goose");
        assertThat(manifest.table()).isEqualTo("goose_db_version");
        assertThat(manifest.schema()).isNull();
        assertThat(manifest.revisions()).extracting(ImportManifest.Entry::version)
                .containsExactly("1", "2", "3", "4", "20240105120000", "20240106090000");
        assertThat(manifest.revisions().get(1).script()).isEqualTo("00002_create_orders.sql");
        assertThat(manifest.revisions()).allMatch(e -> e.checksum() == null);
    }

    @Test
    void onMysqlAStatementBeginBlockIsWrappedInDelimiterAndStaysOneStatement() throws IOException {
        ImportResult result = importProject(shop(DialectId.MYSQL), dir.resolve("changelog.yaml"), DialectId.MYSQL,
                false);
        assertThat(result.notes()).isEmpty();
        String up = Files.readString(dir.resolve("sql/00003_order_total.up.sql"));
        assertThat(up).contains("DELIMITER //\nCREATE TRIGGER orders_total").endsWith("END;\n//\nDELIMITER ;\n\n");
        List<SqlStatement> statements = SqlSplitter.split(up, "up.sql", Dialects.of(DialectId.MYSQL).splitOptions());
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).sql()).startsWith("CREATE TRIGGER orders_total").contains("END IF;")
                .contains("SET NEW.total = NEW.quantity * NEW.price;");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("dialects: [mysql]");
    }

    @Test
    void aBlockTheDialectsSplitterReadsAsSeveralStatementsIsNoted() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("1_seed.sql"), "-- +goose Up\n-- +goose StatementBegin\n"
                + "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\n-- +goose StatementEnd\n");
        ImportResult result = importProject(folder, dir.resolve("out/changelog.yaml"), DialectId.SQLITE, false);
        assertThat(result.notes()).extracting(Problem::render).containsExactly(folder + "/1_seed.sql:2:1: this"
                + " StatementBegin block holds 2 statements: goose sends the block as one statement; Graft runs its 2"
                + " statements one by one, in the revision's transaction unless it has 'transaction: false'");
        assertThat(Files.readString(dir.resolve("out/sql/1_seed.down.sql"))).as("no Down section: an empty down,"
                + " as goose's down runs nothing for it").isEmpty();
    }

    @Test
    void annotationsMatchInAnyCaseAsGooseMatchesThem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("1_totals.sql"), "-- +goose no transaction\n-- +goose up\n"
                + "-- +goose statementbegin\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 1;\nEND;\n"
                + "-- +goose STATEMENTEND\n-- +goose Down\nDROP TRIGGER t;\n");
        ImportResult result = importProject(folder, dir.resolve("out/changelog.yaml"), DialectId.MYSQL, false);
        assertThat(result.revisions()).isEqualTo(1);
        String up = Files.readString(dir.resolve("out/sql/1_totals.up.sql"));
        assertThat(up).contains("DELIMITER //\nCREATE TRIGGER t").endsWith("END;\n//\nDELIMITER ;\n");
        assertThat(Files.readString(dir.resolve("out/sql/1_totals.down.sql"))).isEqualTo("-- +goose Down\n"
                + "DROP TRIGGER t;\n");
        try (Graft graft = Graft.builder().changelog(dir.resolve("out/changelog.yaml")).build()) {
            assertThat(graft.validate().revisions().get(0).transactional()).isFalse();
        }
    }

    @Test
    void whatGooseRefusesIsAProblemAtItsLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("1_no_up.sql"), "-- just a comment\nCREATE TABLE a (id INT);\n");
        Files.writeString(folder.resolve("2_empty.sql"), "-- nothing\n");
        Files.writeString(folder.resolve("3_unknown.sql"), "-- +goose Up\n-- +goose up-and-away\nSELECT 1;\n");
        Files.writeString(folder.resolve("4_semicolon.sql"), "-- +goose Up\nCREATE TABLE a (\n  id INT\n)\n"
                + "-- +goose Down\nDROP TABLE a;\n");
        Files.writeString(folder.resolve("5_block.sql"), "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n");
        Files.writeString(folder.resolve("6_down_first.sql"), "-- +goose Down\nSELECT 1;\n-- +goose Up\nSELECT 2;\n");
        Files.writeString(folder.resolve("7_a.sql"), "-- +goose Up\nSELECT 1;\n");
        Files.writeString(folder.resolve("0007_b.sql"), "-- +goose Up\nSELECT 1;\n");
        Files.writeString(folder.resolve("notes.sql"), "-- +goose Up\nSELECT 1;\n");
        Files.writeString(folder.resolve("8_end.sql"), "-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n");
        Files.writeString(folder.resolve("9_indented.sql"), "  -- +goose Up\nSELECT 1;\n");
        String at = folder + "/";
        assertThatThrownBy(() -> importProject(folder, dir.resolve("out/changelog.yaml"), null, false))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactly(
                                at + "7_a.sql: version 7 appears twice: 7_a.sql and 0007_b.sql; goose refuses this too"
                                        + " (duplicate migration version)\n  hint: give one of them another version",
                                at + "notes.sql: goose cannot read a version from notes.sql and refuses the folder (the"
                                        + " name must be <version>_<name>.sql, the version a number above 0)\n"
                                        + "  hint: rename it (00001_notes.sql), or move it out of the folder",
                                at + "1_no_up.sql:2:1: a statement before '-- +goose Up': goose refuses the file\n"
                                        + "  hint: put '-- +goose Up' above the migration's statements",
                                at + "2_empty.sql:1:1: no '-- +goose Up' line: goose refuses the file\n"
                                        + "  hint: put '-- +goose Up' above the migration's statements",
                                at + "3_unknown.sql:2:1: unknown goose annotation 'up-and-away': goose refuses the"
                                        + " file\n  hint: goose knows -- +goose Up, Down, StatementBegin, StatementEnd,"
                                        + " NO TRANSACTION, ENVSUB ON, ENVSUB OFF (in upper or lower case)",
                                at + "4_semicolon.sql:2:1: the statement starting here does not end with ';' at the end"
                                        + " of a line, and goose refuses the file (unfinished SQL query: missing"
                                        + " semicolon?)\n  hint: end it with ';', or put it between"
                                        + " '-- +goose StatementBegin' and '-- +goose StatementEnd'",
                                at + "5_block.sql:2:1: '-- +goose StatementBegin' without its '-- +goose StatementEnd':"
                                        + " goose refuses the file\n  hint: end the block with"
                                        + " '-- +goose StatementEnd'",
                                at + "6_down_first.sql:1:1: '-- +goose Down' before '-- +goose Up': goose refuses the"
                                        + " file\n  hint: put one '-- +goose Up' section first, then one"
                                        + " '-- +goose Down' section",
                                at + "8_end.sql:3:1: '-- +goose StatementEnd' without a '-- +goose StatementBegin'"
                                        + " before it: goose refuses the file\n  hint: add '-- +goose StatementBegin'"
                                        + " above the statement, or remove this line",
                                at + "9_indented.sql:1:1: the annotation has blanks before '--', and goose refuses it\n"
                                        + "  hint: start the line with '--'"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void goMigrationsAndEnvsubAreUnsupportedAndSkippableAsNotes() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(folder.resolve("00001_users.sql"), "-- +goose Up\nCREATE TABLE users (id INT);\n"
                + "-- +goose Down\nDROP TABLE users;\n");
        Files.writeString(folder.resolve("00002_backfill.go"), "package migrations\n");
        Files.writeString(folder.resolve("main.go"), "package main\n");
        Files.writeString(folder.resolve("00001_users_test.go"), "package migrations\n");
        Files.writeString(folder.resolve("00003_grant.sql"), "-- +goose Up\n-- +goose ENVSUB ON\n"
                + "GRANT SELECT ON users TO ${APP_ROLE};\n-- +goose ENVSUB OFF\n");
        String at = folder + "/";
        List<String> expected = List.of(
                at + "00002_backfill.go: 00002_backfill.go is a Go migration: goose runs it from a binary built with"
                        + " it, and Graft runs SQL files only\n  hint: rewrite it as 00002_backfill.sql with"
                        + " '-- +goose Up' and '-- +goose Down' sections holding the SQL it runs (an empty Up section"
                        + " if it was a one-off that is applied everywhere already), then import again",
                at + "00003_grant.sql:2:1: '-- +goose ENVSUB ON': goose replaces ${VARIABLES} from its environment in"
                        + " the lines after it, and Graft substitutes nothing\n  hint: write the values into the SQL"
                        + " (one project per environment if they differ) and remove the annotation; with"
                        + " --skip-unsupported the lines are copied as they are");
        assertThatThrownBy(() -> importProject(folder, dir.resolve("out/changelog.yaml"), null, false))
                .isInstanceOfSatisfying(ChangelogException.class, e -> assertThat(e.problems())
                        .extracting(Problem::render).containsExactlyElementsOf(expected));

        ImportResult skipped = importProject(folder, dir.resolve("out/changelog.yaml"), null, true);
        assertThat(skipped.notes()).extracting(Problem::render).containsExactlyElementsOf(expected);
        assertThat(skipped.revisions()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("out/sql/00003_grant.up.sql"))).contains("TO ${APP_ROLE};");
        assertThat(ImportManifest.read(dir.resolve("out/changelog.yaml"), "goose").revisions())
                .extracting(ImportManifest.Entry::id).containsExactly("00001_users", "00003_grant");
    }

    @Test
    void semicolonsEndStatementsAsGooseEndsThem() {
        assertThat(GooseParser.endsWithSemicolon("SELECT 1;")).isTrue();
        assertThat(GooseParser.endsWithSemicolon("SELECT 1; -- done")).isTrue();
        assertThat(GooseParser.endsWithSemicolon("SELECT 1;-- done")).isFalse();
        assertThat(GooseParser.endsWithSemicolon("SELECT ';' AS x")).isFalse();
        assertThat(GooseParser.endsWithSemicolon("  ;  ")).isTrue();
        assertThat(GooseParser.endsWithSemicolon("")).isFalse();
    }
}
