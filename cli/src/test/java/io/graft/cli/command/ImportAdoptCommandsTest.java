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
 * {@code graft import flyway} and {@code graft adopt --from flyway} (and {@code stamp --from}) as
 * exact command lines, their messages and exit codes. The Flyway history here is written by the
 * test, row by row as Flyway writes it; the engine's FlywayProofTest runs the real Flyway.
 */
class ImportAdoptCommandsTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path project;

    @BeforeEach
    void flywayProject() throws IOException {
        cli = new CliRun(dir);
        project = dir.resolve("legacy");
        Files.createDirectories(project.resolve("sql"));
        Files.writeString(project.resolve("flyway.conf"), "flyway.locations=filesystem:sql\nflyway.placeholders.who=app\n");
        Files.writeString(project.resolve("sql/V1__users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        Files.writeString(project.resolve("sql/V1_1__posts.sql"),
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, author TEXT DEFAULT '${who}');\n");
        Files.writeString(project.resolve("sql/V2__tags.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        Files.writeString(project.resolve("sql/U2__tags.sql"), "DROP TABLE tags;\n");
        Files.writeString(project.resolve("sql/R__names.sql"),
                "DROP VIEW IF EXISTS names;\nCREATE VIEW names AS SELECT name FROM users;\n");
    }

    @Test
    void importWritesTheChangelogAndValidates() {
        CliRun.Result r = cli.run("import", "flyway", "legacy", "--out", "db/changelog.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote db/changelog.yaml: 4 revisions (1 repeatable), 5 SQL file(s) copied;"
                + " graft-import-flyway.json maps them to the old tool's history.");
        CliRun.Result json = cli.run("--format", "json", "import", "flyway", "legacy", "--out", "json/changelog.yaml");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("import", json.out());
        CliRun.Result heads = cli.run("-c", "db/changelog.yaml", "heads");
        assertThat(heads.exitCode()).isZero();
        assertThat(heads.out()).startsWith("V2__tags");
        assertThat(cli.run("-c", "db/changelog.yaml", "validate").exitCode()).isZero();
    }

    @Test
    void importRefusesWhatItCannotCarryOverWithExitTwo() throws IOException {
        Files.writeString(project.resolve("sql/V3__grant.sql"), "SELECT 1;\nGRANT SELECT ON users TO ${reader};\n");
        CliRun.Result r = cli.run("import", "flyway", "legacy");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("legacy/sql/V3__grant.sql:2:26: placeholder ${reader} has no value in ")
                .contains("hint: define flyway.placeholders.reader there");
        assertThat(dir.resolve("changelog.yaml")).doesNotExist();

        CliRun.Result skipped = cli.run("import", "flyway", "legacy", "--skip-unsupported");
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.err()).contains("note: ").contains("placeholder ${reader} has no value");
        assertThat(dir.resolve("changelog.yaml")).exists();

        CliRun.Result tool = cli.run("import", "notatool", "legacy", "--out", "other.yaml");
        assertThat(tool.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tool.err()).contains("cannot import from 'notatool'").contains("known layouts: flyway");
        assertThat(cli.run("import", "flyway", "legacy", "--dialect", "oracle", "--out", "o.yaml").err())
                .contains("unknown --dialect 'oracle'");
    }

    @Test
    void adoptRecordsWhatFlywayAppliedAndUpDoesTheRest() throws Exception {
        assertThat(cli.run("import", "flyway", "legacy").exitCode()).isZero();
        flywayHistory(true);

        CliRun.Result adopt = cli.run("adopt", "--from", "flyway");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("Read 3 row(s) of flyway's history; recorded 3 revisions as applied, running"
                + " no SQL; current: V1.1__posts.").contains("flyway's own table is left as it was.");
        CliRun.Result again = cli.run("stamp", "--from", "flyway");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("recorded 0 revisions as applied");
        CliRun.Result json = cli.run("--format", "json", "adopt", "--from", "flyway");
        assertThat(json.exitCode()).as(json.err()).isZero();
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("adopt", json.out());
        io.graft.cli.render.JsonOutputSchemaTest.assertValid("stamp",
                cli.run("--format", "json", "stamp", "--from", "flyway").out());

        CliRun.Result up = cli.run("up");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("1 revision applied");
        JsonNode status = new ObjectMapper().readTree(cli.run("--format", "json", "status").out());
        assertThat(status.get("up_to_date").asBoolean()).isTrue();
    }

    @Test
    void jsonOutputForScripts() throws Exception {
        CliRun.Result imported = cli.run("--format", "json", "import", "flyway", "legacy");
        assertThat(imported.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(imported.out());
        assertThat(doc.get("revisions").asInt()).isEqualTo(4);
        assertThat(doc.get("repeatable").asInt()).isEqualTo(1);
        assertThat(doc.get("notes")).isEmpty();
        flywayHistory(true);
        JsonNode adopted = new ObjectMapper().readTree(cli.run("--format", "json", "adopt", "--from", "flyway").out());
        assertThat(adopted.get("tool").asText()).isEqualTo("flyway");
        assertThat(adopted.get("history_rows").asInt()).isEqualTo(3);
        assertThat(adopted.get("recorded")).extracting(JsonNode::asText)
                .containsExactly("V1__users", "V1.1__posts", "R__names");
        assertThat(adopted.get("current")).extracting(JsonNode::asText).containsExactly("V1.1__posts");
    }

    @Test
    void adoptRefusesAFailedRowWithExitOne() throws Exception {
        assertThat(cli.run("import", "flyway", "legacy").exitCode()).isZero();
        flywayHistory(false);
        CliRun.Result r = cli.run("adopt", "--from", "flyway");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("Flyway's history row installed_rank 2 (version 1.1, 'posts', V1_1__posts.sql)"
                + " failed (success = false)").contains("'flyway repair'");
        assertThat(cli.run("adopt", "--from", "sqitch").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("adopt").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** The rows Flyway writes for V1, V1.1 and R__names (the second one failed when {@code ok} is false). */
    private void flywayHistory(boolean ok) throws IOException, SQLException {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("graft-import-flyway.json").toFile());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, author TEXT DEFAULT 'app')");
            s.execute("CREATE VIEW names AS SELECT name FROM users");
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
                    + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                    + " checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%d %H:%M:%f','now')), execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flyway_schema_history (installed_rank, version,"
                    + " description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (?, ?, ?, 'SQL', ?, ?, 'app', 1, ?)")) {
                int rank = 1;
                for (JsonNode entry : manifest.get("revisions")) {
                    if (entry.get("id").asText().equals("V2__tags")) {
                        continue;
                    }
                    ps.setInt(1, rank);
                    ps.setString(2, entry.get("version").isNull() ? null : entry.get("version").asText());
                    ps.setString(3, entry.get("description").asText());
                    ps.setString(4, entry.get("script").asText());
                    ps.setInt(5, entry.get("checksum").asInt());
                    ps.setBoolean(6, ok || rank != 2);
                    ps.executeUpdate();
                    rank++;
                }
            }
        }
    }
}
