package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repeatable: true} as the command line shows it: up, status, check, show, --sql, validate. */
class RepeatableCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void project() throws IOException {
        cli = new CliRun(dir);
        write("changelog.yaml", """
                changelog: 1
                revisions:
                  - id: 0001_items
                    parents: []
                    up: sql/0001_items.up.sql
                    down: sql/0001_items.down.sql
                  - id: views
                    parents: [0001_items]
                    description: Item views
                    repeatable: true
                    up: sql/views.sql
                """);
        write("sql/0001_items.up.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n");
        write("sql/0001_items.down.sql", "DROP TABLE items;\n");
        write("sql/views.sql", "DROP VIEW IF EXISTS names;\nCREATE VIEW names AS SELECT name FROM items;\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aChangedRepeatableIsPendingNotDrift() throws IOException {
        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("current: 0001_items");

        write("sql/views.sql", "DROP VIEW IF EXISTS names;\nCREATE VIEW names AS SELECT id, name FROM items;\n");
        CliRun.Result status = cli.run("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("Heads:\\s+0001_items\\n").contains("  views (repeatable, changed)  Item views")
                .contains("Run 'graft up' to apply 1 revision.");
        CliRun.Result check = cli.run("check");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("OK: changelog and database agree").contains("pending (views)");
        JsonNode json = new ObjectMapper().readTree(cli.run("--format", "json", "status").out());
        assertThat(json.get("pending").get(0).get("repeatable").asBoolean()).isTrue();
        assertThat(json.get("pending").get(0).get("changed").asBoolean()).isTrue();
        assertThat(cli.run("up", "--sql").out()).contains("-- repeatable: applied before, its file changed; its row is replaced")
                .contains("DELETE FROM \"graft_revisions\" WHERE id = 'views'");

        CliRun.Result again = cli.run("up");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("1 revision applied");
        assertThat(cli.run("status").out()).contains("Up to date.");
        assertThat(cli.run("show", "views").out()).contains("Repeatable: yes (applied again, after the others, whenever its up file changes)");
    }

    @Test
    void nothingMayFollowARepeatable() throws IOException {
        write("changelog.yaml", Files.readString(dir.resolve("changelog.yaml")) + """
                  - id: 0002_after
                    parents: [views]
                    up: sql/0001_items.up.sql
                """);
        CliRun.Result r = cli.run("validate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("changelog.yaml:13:15: revision '0002_after' names repeatable revision 'views'"
                + " a parent, but a repeatable revision is re-applied after the others whenever it changes, so nothing"
                + " can follow it");
    }
}
