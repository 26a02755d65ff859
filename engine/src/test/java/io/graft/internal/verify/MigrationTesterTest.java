package io.graft.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.DatabaseUrlException;
import io.graft.Graft;
import io.graft.MigrationTestFailure;
import io.graft.MigrationTestFailure.Kind;
import io.graft.MigrationTestReport;
import io.graft.MigrationTestRequest;
import io.graft.RevisionTestResult;
import io.graft.RevisionTestResult.Outcome;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code graft test} through the facade on each real database: a correct changelog reports
 * nothing; each kind of broken down, a failing test file, an up that fails and a pair of branches
 * that do not commute are reported with the revision and the file to fix.
 */
class MigrationTesterTest {

    private static final Path SAMPLES = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples");

    @TempDir
    Path dir;

    private static MigrationTestReport test(Path changelog, DialectId dialect) {
        return test(changelog, dialect, null);
    }

    private static MigrationTestReport test(Path changelog, DialectId dialect, String from) {
        return Graft.test(new MigrationTestRequest(changelog, TestDatabase.serverUrl(dialect), from, dialect));
    }

    private static Map<String, Outcome> outcomes(MigrationTestReport report) {
        return report.revisions().stream().collect(Collectors.toMap(RevisionTestResult::revisionId,
                RevisionTestResult::outcome));
    }

    private static List<String> lines(MigrationTestReport report) {
        return report.failures().stream().map(f -> f.kind().key() + " " + f.render()).toList();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aCorrectChangelogReportsNothing(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(40));\n"
                        + "CREATE INDEX users_name ON users (name);\n", "DROP TABLE users;\n",
                        "test: sql/0001_users.test.sql")
                .write("sql/0001_users.test.sql", "SELECT count(*) FROM users;\nSELECT id, name FROM users WHERE 1 = 0;\n")
                .revision("0002_seed", List.of("0001_users"), "INSERT INTO users (id, name) VALUES (1, 'root');\n",
                        "-- the rows go with the table\n")
                .revision("0003_orders", List.of("0002_seed"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE orders;\n", "labels: [billing]")
                .revision("0003_tags", List.of("0002_seed"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE tags;\n", "labels: [tags]")
                .revision("0004_tag_names", List.of("0003_tags"), "ALTER TABLE tags ADD COLUMN name VARCHAR(20);\n",
                        "ALTER TABLE tags DROP COLUMN name;\n")
                .revision("0005_merge", List.of("0003_orders", "0004_tag_names"), "", "")
                .revision("0006_archive", List.of("0005_merge"), "CREATE TABLE archive (id INTEGER);\n", null)
                .save();

        MigrationTestReport report = test(changelog, dialect);

        assertThat(lines(report)).isEmpty();
        assertThat(report.failed()).isFalse();
        assertThat(outcomes(report)).containsOnlyKeys("0001_users", "0002_seed", "0003_orders", "0003_tags",
                "0004_tag_names", "0005_merge", "0006_archive").allSatisfy((id, o) -> assertThat(o).isEqualTo(Outcome.PASSED));
        assertThat(report.revisions().get(0).checks()).containsExactly("up", "test", "down", "up again");
        RevisionTestResult merge = report.revisions().stream().filter(r -> r.revisionId().equals("0005_merge"))
                .findFirst().orElseThrow();
        assertThat(merge.checks()).contains("branch orders");
        RevisionTestResult irreversible = report.revisions().get(report.revisions().size() - 1);
        assertThat(irreversible.checks()).containsExactly("up");
        assertThat(irreversible.note()).contains("irreversible");
        assertThat(report.notes()).hasSize(dialect == DialectId.MYSQL ? 1 : 0);
        if (dialect == DialectId.MYSQL) {
            assertThat(report.notes().get(0)).contains("cannot be rolled back inside a transaction");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void brokenDownsOfEachKindAreReportedWithTheRevisionAndItsDownFile(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n")
                // down leaves a table behind, so up cannot run again
                .revision("0002_leaves", List.of("0001_users"), "CREATE TABLE t_foo (id INTEGER);\n"
                        + "CREATE TABLE t_bar (id INTEGER);\n", "DROP TABLE t_bar;\n")
                // down drops too much: a table that existed before
                .revision("0003_too_much", List.of("0002_leaves"), "CREATE TABLE orders (id INTEGER);\n",
                        "DROP TABLE orders;\nDROP TABLE users;\n")
                // down is only comments
                .revision("0004_comments", List.of("0003_too_much"), "CREATE TABLE audit (id INTEGER);\n",
                        "-- Down migrations are not available\n")
                // down leaves a column: the schema after down differs, and up fails again
                .revision("0005_column", List.of("0004_comments"), "ALTER TABLE audit ADD COLUMN note VARCHAR(20);\n",
                        "SELECT 1;\n")
                // a correct revision after the broken ones is still proven
                .revision("0006_fine", List.of("0005_column"), "CREATE TABLE fine (id INTEGER);\n", "DROP TABLE fine;\n")
                .save();

        MigrationTestReport report = test(changelog, dialect);

        assertThat(report.failed()).isTrue();
        assertThat(outcomes(report)).containsEntry("0001_users", Outcome.PASSED).containsEntry("0002_leaves", Outcome.FAILED)
                .containsEntry("0003_too_much", Outcome.FAILED).containsEntry("0004_comments", Outcome.FAILED)
                .containsEntry("0005_column", Outcome.FAILED).containsEntry("0006_fine", Outcome.PASSED);
        String sql = dir.resolve("sql") + java.io.File.separator;
        assertThat(lines(report)).contains(
                "down-mismatch " + sql + "0002_leaves.down.sql:1:1: down of '0002_leaves' leaves table t_foo",
                "down-mismatch " + sql + "0003_too_much.down.sql:1:1: down of '0003_too_much' drops table users,"
                        + " which existed before its up",
                "down-mismatch " + sql + "0005_column.down.sql:1:1: down of '0005_column' leaves column audit.note");
        MigrationTestFailure again = only(report, "0002_leaves", Kind.UP_AGAIN_FAILED);
        assertThat(again.where().file()).isEqualTo(sql + "0002_leaves.up.sql");
        assertThat(again.message()).contains("fails when run again after its down", "t_foo");
        MigrationTestFailure nothing = only(report, "0004_comments", Kind.DOWN_DOES_NOTHING);
        assertThat(nothing.render()).isEqualTo(sql + "0004_comments.down.sql:1:1: revision '0004_comments' is declared"
                + " reversible but its down does nothing, while its up changes table audit");
        assertThat(only(report, "0005_column", Kind.UP_AGAIN_FAILED).message()).contains("note");
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void branchesThatDoNotCommuteAreReportedAtTheirMergeWithWhatTheyBothTouch(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_root", List.of(), "CREATE TABLE root (id INTEGER);\n", "DROP TABLE root;\n")
                .revision("0002_alice", List.of("0001_root"), "CREATE TABLE IF NOT EXISTS shared (id INTEGER);\n",
                        "DROP TABLE IF EXISTS shared;\n")
                .revision("0002_bob", List.of("0001_root"),
                        "CREATE TABLE IF NOT EXISTS shared (id INTEGER, name VARCHAR(20));\n",
                        "DROP TABLE IF EXISTS shared;\n")
                .revision("0003_merge", List.of("0002_alice", "0002_bob"), "", "")
                .save();

        MigrationTestReport report = test(changelog, dialect);

        MigrationTestFailure f = only(report, "0003_merge", Kind.BRANCHES_DO_NOT_COMMUTE);
        assertThat(f.where().file()).endsWith("changelog.yaml");
        assertThat(f.where().line()).isEqualTo(15);
        assertThat(f.message()).contains("'0002_alice' and '0002_bob' both touch shared",
                "applied as 0002_alice, 0002_bob and as 0002_bob, 0002_alice", "column shared.name");
        assertThat(f.objects()).contains("column shared.name");
        assertThat(outcomes(report)).containsEntry("0003_merge", Outcome.FAILED).containsEntry("0002_alice", Outcome.PASSED);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aTestFileThatFailsIsReportedAtItsStatement(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE users;\n", "test: sql/0001_users.test.sql")
                .write("sql/0001_users.test.sql", "SELECT count(*) FROM users;\n\nSELECT email FROM users;\n")
                .save();

        MigrationTestReport report = test(changelog, dialect);

        MigrationTestFailure f = only(report, "0001_users", Kind.TEST_FAILED);
        assertThat(f.where().file()).endsWith("0001_users.test.sql");
        assertThat(f.where().line()).isEqualTo(3);
        assertThat(f.message()).startsWith("test of '0001_users' fails after its up: ").containsIgnoringCase("email");
        assertThat(report.revisions().get(0).checks()).containsExactly("up", "test", "down", "up again");
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void anUpThatFailsSkipsWhatNeedsItAndTheRestIsStillTested(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_root", List.of(), "CREATE TABLE root (id INTEGER);\n", "DROP TABLE root;\n")
                .revision("0002_broken", List.of("0001_root"), "CREATE TABLE ok (id INTEGER);\nINSERT INTO nope VALUES (1);\n",
                        "DROP TABLE ok;\n")
                .revision("0003_after", List.of("0002_broken"), "CREATE TABLE after_it (id INTEGER);\n",
                        "DROP TABLE after_it;\n")
                .revision("0002_side", List.of("0001_root"), "CREATE TABLE side (id INTEGER);\n", "DROP TABLE side;\n")
                .save();

        MigrationTestReport report = test(changelog, dialect);

        MigrationTestFailure f = only(report, "0002_broken", Kind.UP_FAILED);
        assertThat(f.where().file()).endsWith("0002_broken.up.sql");
        assertThat(f.where().line()).isEqualTo(2);
        assertThat(f.message()).startsWith("up of '0002_broken' fails: statement 2 of 2: INSERT INTO nope");
        assertThat(outcomes(report)).containsEntry("0003_after", Outcome.SKIPPED).containsEntry("0002_side", Outcome.PASSED);
        assertThat(report.revisions().stream().filter(r -> r.revisionId().equals("0003_after")).findFirst()
                .orElseThrow().note()).contains("'0002_broken'");
        assertThat(report.failures()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void fromTestsTheRevisionAndItsDescendantsOnly(DialectId dialect) {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_old", List.of(), "CREATE TABLE old (id INTEGER);\n", "SELECT 1;\n")
                .revision("0002_new", List.of("0001_old"), "CREATE TABLE new_one (id INTEGER);\n", "DROP TABLE new_one;\n")
                .save();

        MigrationTestReport report = test(changelog, dialect, "0002_new");

        assertThat(report.failures()).isEmpty();
        assertThat(outcomes(report)).containsEntry("0001_old", Outcome.SKIPPED).containsEntry("0002_new", Outcome.PASSED);
        assertThat(test(changelog, dialect).failures()).extracting(MigrationTestFailure::kind)
                .containsExactly(Kind.DOWN_MISMATCH, Kind.UP_AGAIN_FAILED);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void theSamplesReportNothing(DialectId dialect) {
        for (String sample : List.of("blog", "branches", "dialects")) {
            Path changelog = SAMPLES.resolve(sample).resolve("changelog.yaml");
            assertThat(changelog).exists();
            java.util.Set<DialectId> declared;
            try (Graft graft = Graft.builder().changelog(changelog).build()) {
                declared = graft.changelog().dialects();
            }
            if (!declared.isEmpty() && !declared.contains(dialect)) {
                continue;
            }
            MigrationTestReport report = test(changelog, dialect);
            assertThat(lines(report)).as(sample).isEmpty();
            assertThat(report.count(Outcome.PASSED)).as(sample).isEqualTo(report.revisions().size());
        }
    }

    @Test
    void aServerChangelogWithoutADevUrlIsBadUsage() {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n").save();
        assertThatThrownBy(() -> Graft.test(new MigrationTestRequest(changelog, null, null, DialectId.POSTGRESQL)))
                .isInstanceOf(DatabaseUrlException.class).hasMessageContaining("--dev-url");
    }

    private static MigrationTestFailure only(MigrationTestReport report, String revision, Kind kind) {
        List<MigrationTestFailure> found = report.failures().stream()
                .filter(f -> f.revisionId().equals(revision) && f.kind() == kind).toList();
        assertThat(found).as("%s %s in\n%s", kind, revision, String.join("\n", lines(report))).hasSize(1);
        return found.get(0);
    }
}
