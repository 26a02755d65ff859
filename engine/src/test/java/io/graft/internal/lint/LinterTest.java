package io.graft.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Finding;
import io.graft.LintOptions;
import io.graft.LintReport;
import io.graft.Severity;
import io.graft.changelog.DialectId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"blog", "branches", "dialects"})
    void theSamplesLintWithoutErrorsOrWarnings(String sample) {
        for (DialectId d : DialectId.values()) {
            LintReport report = Linter.lint(Path.of("../samples", sample, "changelog.yaml"),
                    LintOptions.builder().dialect(d).build());
            assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.NOTE).isEmpty();
            assertThat(report.failed(true)).isFalse();
        }
    }

    @Test
    void graftYamlCanTurnARuleOffOrRegradeIt() {
        Path changelog = LintFixturesTest.ROOT.resolve("destructive-statement/changelog.yaml");
        LintReport asError = Linter.lint(changelog, LintOptions.builder().dialect(DialectId.POSTGRESQL)
                .severity("destructive-statement", Severity.ERROR).build());
        assertThat(asError.findings()).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(asError.failed(false)).isTrue();

        LintReport off = Linter.lint(changelog, LintOptions.builder().dialect(DialectId.POSTGRESQL)
                .off("destructive-statement").build());
        assertThat(off.findings()).isEmpty();
    }

    @Test
    void warningsFailOnlyWhenStrict() {
        LintReport report = Linter.lint(LintFixturesTest.ROOT.resolve("missing-down/changelog.yaml"),
                LintOptions.defaults());
        assertThat(report.count(Severity.WARNING)).isEqualTo(1);
        assertThat(report.failed(false)).isFalse();
        assertThat(report.failed(true)).isTrue();
    }

    @Test
    void aChangelogThatIsNotYamlIsOneFinding() throws IOException {
        Path changelog = dir.resolve("changelog.yaml");
        Files.writeString(changelog, "changelog: [1\n");
        LintReport report = Linter.lint(changelog, LintOptions.defaults());
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("invalid-changelog");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    // ---- --base: a git history in a temporary repository -----------------------------------------

    @Test
    void anEditedRemovedOrRewiredReleasedRevisionIsAnError() throws Exception {
        Path db = dir.resolve("db");
        write(db.resolve("changelog.yaml"), changelog(List.of(
                entry("0001_a", "[]", "true"), entry("0002_b", "[0001_a]", "true"), entry("0003_c", "[0002_b]", "true"))));
        for (String id : List.of("0001_a", "0002_b", "0003_c")) {
            write(db.resolve("sql/" + id + ".up.sql"), "CREATE TABLE t" + id + " (id integer);\n");
            write(db.resolve("sql/" + id + ".down.sql"), "DROP TABLE t" + id + ";\n");
        }
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "release");

        // on a branch: 0001's SQL edited (CRLF alone would not count), 0002 made non-transactional,
        // 0003 removed, and 0004 added with 0001 as parent
        write(db.resolve("sql/0001_a.up.sql"), "CREATE TABLE t0001_a (id integer, extra text);\n");
        write(db.resolve("sql/0002_b.up.sql"), "CREATE TABLE t0002_b (id integer);\r\n");
        write(db.resolve("changelog.yaml"), changelog(List.of(
                entry("0001_a", "[]", "true"), entry("0002_b", "[0001_a]", "false"), entry("0004_d", "[0002_b]", "true"))));
        write(db.resolve("sql/0004_d.up.sql"), "CREATE TABLE t0004_d (id integer);\n");
        write(db.resolve("sql/0004_d.down.sql"), "DROP TABLE t0004_d;\n");
        Files.delete(db.resolve("sql/0003_c.up.sql"));
        Files.delete(db.resolve("sql/0003_c.down.sql"));

        LintReport report = Linter.lint(db.resolve("changelog.yaml"), LintOptions.builder().baseRef("main").build());
        String prefix = db + "/";
        assertThat(report.findings()).extracting(f -> f.render().replace(prefix, "")).containsExactly(
                "changelog.yaml:1:1: error [released-revision-removed] revision '0003_c' exists at main but was removed",
                "changelog.yaml:6:9: error [released-revision-changed] the up SQL of released revision '0001_a' changed "
                        + "since main (databases that applied it will fail the checksum check)",
                "changelog.yaml:13:18: error [released-revision-changed] the transaction mode of released revision "
                        + "'0002_b' changed since main: true -> false");
        assertThat(report.failed(false)).isTrue();

        LintReport same = Linter.lint(db.resolve("changelog.yaml"), LintOptions.builder().baseRef("HEAD").build());
        assertThat(same.findings()).filteredOn(f -> f.rule().startsWith("released-")).hasSize(3);
    }

    @Test
    void changedParentsAreAnErrorAndANewChangelogIsNot() throws Exception {
        Path db = dir.resolve("db");
        write(db.resolve("changelog.yaml"), changelog(List.of(entry("0001_a", "[]", "true"),
                entry("0002_b", "[]", "true"))));
        for (String id : List.of("0001_a", "0002_b")) {
            write(db.resolve("sql/" + id + ".up.sql"), "CREATE TABLE t" + id + " (id integer);\n");
            write(db.resolve("sql/" + id + ".down.sql"), "DROP TABLE t" + id + ";\n");
        }
        git("init", "-q", "-b", "main");
        write(dir.resolve("README"), "x\n");
        git("add", "README");
        git("commit", "-q", "-m", "before the changelog");
        assertThat(Linter.lint(db.resolve("changelog.yaml"), LintOptions.builder().baseRef("main").build())
                .findings()).filteredOn(f -> f.rule().startsWith("released-")).isEmpty();

        git("add", ".");
        git("commit", "-q", "-m", "release");
        write(db.resolve("changelog.yaml"), changelog(List.of(entry("0001_a", "[]", "true"),
                entry("0002_b", "[0001_a]", "true"))));
        LintReport report = Linter.lint(db.resolve("changelog.yaml"), LintOptions.builder().baseRef("main").build());
        assertThat(report.findings()).extracting(Finding::rule, f -> f.where().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("released-revision-changed", 9));
    }

    @Test
    void splittingAReleasedFileIntoIdenticalPerDialectFilesIsNoChange() throws Exception {
        Path db = dir.resolve("db");
        write(db.resolve("changelog.yaml"), changelog(List.of(entry("0001_a", "[]", "true"))));
        write(db.resolve("sql/0001_a.up.sql"), "CREATE TABLE a (id integer);\n");
        write(db.resolve("sql/0001_a.down.sql"), "DROP TABLE a;\n");
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "release");
        write(db.resolve("sql/0001_a.pg.up.sql"), "CREATE TABLE a (id integer);\n");
        write(db.resolve("sql/0001_a.sqlite.up.sql"), "CREATE TABLE a (id integer);\r\n");
        String split = changelog(List.of(entry("0001_a", "[]", "true"))).replace("    up: sql/0001_a.up.sql\n",
                "    up:\n      postgresql: sql/0001_a.pg.up.sql\n      sqlite: sql/0001_a.sqlite.up.sql\n");
        write(db.resolve("changelog.yaml"), split);
        Files.delete(db.resolve("sql/0001_a.up.sql"));
        assertThat(Linter.lint(db.resolve("changelog.yaml"), LintOptions.builder().baseRef("main").build())
                .findings()).isEmpty();

        write(db.resolve("sql/0001_a.sqlite.up.sql"), "CREATE TABLE a (id integer, b text);\n");
        assertThat(Linter.lint(db.resolve("changelog.yaml"), LintOptions.builder().baseRef("main").build())
                .findings()).extracting(Finding::rule).containsExactly("released-revision-changed");
    }

    @Test
    void anUnknownRefIsAnErrorNotAFinding() throws Exception {
        write(dir.resolve("changelog.yaml"), changelog(List.of(entry("0001_a", "[]", "true"))));
        write(dir.resolve("sql/0001_a.up.sql"), "SELECT 1;\n");
        write(dir.resolve("sql/0001_a.down.sql"), "SELECT 1;\n");
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("commit", "-q", "-m", "one");
        assertThatThrownBy(() -> Linter.lint(dir.resolve("changelog.yaml"),
                LintOptions.builder().baseRef("origin/nope").build()))
                .isInstanceOf(ChangelogException.class)
                .hasMessageContaining("unknown git ref 'origin/nope'");
    }

    private static String changelog(List<String> entries) {
        return "# released revisions must not change\nchangelog: 1\nrevisions:\n" + String.join("", entries);
    }

    private static String entry(String id, String parents, String transaction) {
        return "  - id: " + id + "\n    parents: " + parents + "\n    up: sql/" + id + ".up.sql\n    down: sql/" + id
                + ".down.sql\n    transaction: " + transaction + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
