package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft import sqitch} and {@code graft adopt --from sqitch} as exact command lines, their
 * messages and exit codes. The registry here ({@code sqitch.db} beside {@code graft.db}) is written
 * by the test, with the rows Sqitch writes; the engine's SqitchProofTest runs the real Sqitch.
 */
class SqitchImportAdoptCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path project;

    @BeforeEach
    void sqitchProject() throws IOException {
        cli = new CliRun(dir);
        project = dir.resolve("legacy");
        for (String d : new String[] {"deploy", "revert", "verify"}) {
            Files.createDirectories(project.resolve(d));
        }
        Files.writeString(project.resolve("sqitch.conf"), "[core]\n\tengine = sqlite\n");
        Files.writeString(project.resolve("sqitch.plan"), """
                %syntax-version=1.0.0
                %project=legacy

                users 2026-01-01T00:00:00Z Ann <ann@example.com> # Users.
                @v1 2026-01-01T00:00:01Z Ann <ann@example.com>
                posts [users] 2026-01-02T00:00:00Z Ann <ann@example.com> # Posts.
                """);
        Files.writeString(project.resolve("deploy/users.sql"),
                "BEGIN;\nCREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\nCOMMIT;\n");
        Files.writeString(project.resolve("revert/users.sql"), "BEGIN;\nDROP TABLE users;\nCOMMIT;\n");
        Files.writeString(project.resolve("verify/users.sql"), "SELECT id, name FROM users WHERE 0;\n");
        Files.writeString(project.resolve("deploy/posts.sql"),
                "BEGIN;\nCREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER REFERENCES users (id));\nCOMMIT;\n");
        Files.writeString(project.resolve("revert/posts.sql"), "BEGIN;\nDROP TABLE posts;\nCOMMIT;\n");
    }

    @Test
    void importWritesTheChangelogAndValidates() throws IOException {
        CliRun.Result r = cli.run("import", "sqitch", "legacy", "--out", "db/changelog.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote db/changelog.yaml: 2 revisions, 5 SQL file(s) copied;"
                + " graft-import-sqitch.json maps them to the old tool's history.");
        assertThat(r.err()).contains("note: ").contains("legacy/verify/users.sql: verify script of users kept beside"
                + " the revision's SQL (verify/users.sql)");
        assertThat(Files.readString(dir.resolve("db/changelog.yaml"))).contains("dialects: [sqlite]")
                .contains("labels: [v1]");
        CliRun.Result json = cli.run("--format", "json", "import", "sqitch", "legacy", "--out", "json/changelog.yaml");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("import", json.out());
        CliRun.Result heads = cli.run("-c", "db/changelog.yaml", "heads");
        assertThat(heads.exitCode()).isZero();
        assertThat(heads.out()).startsWith("posts");
        assertThat(cli.run("-c", "db/changelog.yaml", "validate").exitCode()).isZero();
    }

    @Test
    void importRefusesWhatItCannotCarryOverWithExitTwo() throws IOException {
        Files.writeString(project.resolve("sqitch.plan"), Files.readString(project.resolve("sqitch.plan"))
                + "tags [!posts] 2026-01-03T00:00:00Z Ann <ann@example.com>\n");
        Files.writeString(project.resolve("deploy/tags.sql"), "CREATE TABLE tags (id INTEGER);\n.read more.sql\n");
        CliRun.Result r = cli.run("import", "sqitch", "legacy");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("legacy/sqitch.plan:7: change 'tags' conflicts with 'posts'")
                .contains("hint: remove '!posts' from the plan line, or pass --skip-unsupported")
                .contains("legacy/deploy/tags.sql:2: sqlite3 dot-command .read runs in the sqlite3 shell only");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();

        CliRun.Result skipped = cli.run("import", "sqitch", "legacy", "--skip-unsupported");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("note: ").contains("conflicts with 'posts'");
    }

    @Test
    void adoptRecordsWhatSqitchDeployedAndUpDoesTheRest() throws Exception {
        assertThat(cli.run("import", "sqitch", "legacy").exitCode()).isZero();
        registry(false);

        CliRun.Result adopt = cli.run("adopt", "--from", "sqitch");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("Read 1 row(s) of sqitch's history; recorded 1 revision");
        assertThat(adopt.out()).contains("current: users");
        CliRun.Result json = cli.run("--format", "json", "adopt", "--from", "sqitch");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("adopt", json.out());

        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("1 revision applied");
        JsonNode status = new ObjectMapper().readTree(cli.run("--format", "json", "status").out());
        assertThat(status.get("up_to_date").asBoolean()).isTrue();
    }

    @Test
    void adoptRefusesAnEditedDeployScriptWithExitOne() throws Exception {
        assertThat(cli.run("import", "sqitch", "legacy").exitCode()).isZero();
        registry(true);
        CliRun.Result r = cli.run("adopt", "--from", "sqitch");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("Sqitch's registry row for change 'users' (change_id ")
                .contains("has script_hash 0000000000000000000000000000000000000000, but deploy/users.sql had SHA-1 ")
                .contains("the deploy script was edited after Sqitch deployed it");
    }

    /** Sqitch's {@code changes} table in {@code sqitch.db} beside {@code graft.db}, with the row of {@code users}. */
    private void registry(boolean edited) throws IOException, SQLException {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("graft-import-sqitch.json").toFile());
        JsonNode users = manifest.get("revisions").get(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sqitch.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE changes (change_id TEXT PRIMARY KEY, script_hash TEXT, change TEXT NOT NULL,"
                    + " project TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', committed_at DATETIME NOT NULL,"
                    + " committer_name TEXT NOT NULL, committer_email TEXT NOT NULL, planned_at DATETIME NOT NULL,"
                    + " planner_name TEXT NOT NULL, planner_email TEXT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO changes VALUES (?, ?, 'users', 'legacy', 'Users.',"
                    + " '2026-02-01 10:00:00', 'Ann', 'ann@example.com', '2026-01-01 00:00:00', 'Ann', 'ann@example.com')")) {
                ps.setString(1, users.get("extra").get("change_id").asText());
                ps.setString(2, edited ? "0000000000000000000000000000000000000000" : users.get("checksum").asText());
                ps.executeUpdate();
            }
        }
    }
}
