package io.graft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.graft.changelog.Revision;
import io.graft.testing.ChangelogFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the facade's commands read: those that never run SQL do not open the SQL files. */
class GraftLoadTest {

    @TempDir
    Path dir;

    /**
     * Two revisions whose SQL files are gone, unreadable as SQL, or a folder: every check of the
     * files fails, none of the changelog's own.
     */
    private Path changelogWithBrokenFiles() throws IOException {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n", "labels: [core]")
                .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (id INTEGER);\n", "DROP TABLE b;\n")
                .save();
        Files.delete(dir.resolve("sql/0001_a.up.sql"));
        Files.write(dir.resolve("sql/0001_a.down.sql"), new byte[] {'S', (byte) 0xE9, '\n'});
        Files.delete(dir.resolve("sql/0002_b.up.sql"));
        Files.createDirectory(dir.resolve("sql/0002_b.up.sql"));
        return changelog;
    }

    private Graft graft(Path changelog) {
        return Graft.builder().changelog(changelog).url("jdbc:sqlite:" + dir.resolve("never-opened.db")).build();
    }

    @Test
    void headsBranchesShowHistoryAndGraphReadNoSqlFile() throws IOException {
        try (Graft graft = graft(changelogWithBrokenFiles())) {
            assertThat(graft.heads()).extracting(Revision::id).containsExactly("0002_b");
            assertThat(graft.branches()).hasSize(1);
            assertThat(graft.show("core").id()).isEqualTo("0001_a");
            assertThat(graft.history(null)).extracting(Revision::id).containsExactly("0002_b", "0001_a");
            assertThat(graft.graph(GraphFormat.MERMAID, false)).contains("0001_a").contains("0002_b");
            assertThat(graft.changelog().revisions()).hasSize(2);
        }
        assertThat(dir.resolve("never-opened.db")).doesNotExist();
    }

    @Test
    void theAppliedStateReadsTheDatabaseButNoSqlFile() throws IOException {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n", "labels: [core]")
                .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (id INTEGER);\n", "DROP TABLE b;\n")
                .save();
        try (Graft graft = graft(changelog)) {
            graft.upgrade("0001_a");
        }
        Files.writeString(dir.resolve("sql/0001_a.up.sql"), "CREATE TABLE changed (id INTEGER);\n");
        Files.delete(dir.resolve("sql/0002_b.up.sql"));
        try (Graft graft = graft(changelog)) {
            Status state = graft.applied();
            assertThat(state.current()).containsExactly("0001_a");
            assertThat(state.completed()).extracting(AppliedRevision::id).containsExactly("0001_a");
            assertThat(state.pending()).extracting(Revision::id).containsExactly("0002_b");
            assertThat(state.heads()).extracting(Revision::id).containsExactly("0002_b");
            assertThat(state.drift()).isEmpty();
            assertThat(problems(graft::status)).singleElement().asString().contains("0002_b.up.sql");
        }
    }

    @Test
    void validateStillChecksEveryFileAfterHeadsAndSaysWhatAFreshValidateSays() throws IOException {
        Path changelog = changelogWithBrokenFiles();
        List<String> fresh;
        try (Graft graft = graft(changelog)) {
            fresh = problems(graft::validate);
        }
        assertThat(fresh).hasSize(3);
        assertThat(fresh.get(0)).contains("up file 'sql/0001_a.up.sql' of revision '0001_a' does not exist");
        try (Graft graft = graft(changelog)) {
            graft.heads();
            assertThat(problems(graft::validate)).isEqualTo(fresh);
            assertThat(problems(graft::status)).isEqualTo(fresh);
        }
    }

    @Test
    void aBrokenChangelogIsRefusedByHeadsToo() throws IOException {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of("missing_parent"), "SELECT 1;\n", null)
                .save();
        Files.writeString(changelog, Files.readString(changelog, StandardCharsets.UTF_8)
                .replace("up: sql/0001_a.up.sql", "up: /abs/0001_a.up.sql"), StandardCharsets.UTF_8);
        try (Graft graft = graft(changelog)) {
            List<String> problems = problems(graft::heads);
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0)).contains("parent 'missing_parent'");
            assertThat(problems.get(1)).contains("is an absolute path");
        }
    }

    private static List<String> problems(Runnable command) {
        Throwable thrown = catchThrowable(command::run);
        assertThat(thrown).isInstanceOf(ChangelogException.class);
        return ((ChangelogException) thrown).problems().stream().map(Problem::render).toList();
    }
}
