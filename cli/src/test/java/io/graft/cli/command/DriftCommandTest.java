package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.JsonOutputSchemaTest;
import io.graft.testing.ChangelogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft drift} and the schema line of {@code graft status} as a user runs them: no drift
 * exits 0, a table added by hand exits 3; against the schema {@code up} recorded (the default) or
 * the changelog; graft.yaml's {@code drift:} section; text and JSON.
 */
class DriftCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void migrated() {
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n")
                .save();
        cli = new CliRun(dir);
        assertThat(cli.run("--url", "jdbc:sqlite:app.db", "up").exitCode()).isZero();
    }

    private void byHand(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db")); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aTableAddedByHandIsDrift() throws Exception {
        CliRun.Result clean = cli.run("--url", "jdbc:sqlite:app.db", "drift");
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.out()).contains("drift: none: the schema is the schema recorded");
        assertThat(cli.run("--url", "jdbc:sqlite:app.db", "status").out()).contains("as recorded");

        byHand("CREATE TABLE by_hand (id INTEGER)");
        CliRun.Result text = cli.run("--url", "jdbc:sqlite:app.db", "drift");
        assertThat(text.exitCode()).as("%s", text).isEqualTo(ExitCodes.LINT);
        assertThat(text.out()).contains(
                "table by_hand: in the database, not in the schema recorded by graft up (added by hand)");

        CliRun.Result status = cli.run("--url", "jdbc:sqlite:app.db", "status");
        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.out()).contains("schema drifted: 1 object differs");

        CliRun.Result json = cli.run("--format", "json", "--url", "jdbc:sqlite:app.db", "drift");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.LINT);
        JsonOutputSchemaTest.assertValid("drift", json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.at("/against").asText()).isEqualTo("recorded");
        assertThat(doc.at("/differences/0/way").asText()).isEqualTo("added");
        assertThat(doc.at("/differences/0/object").asText()).isEqualTo("table by_hand");

        CliRun.Result statusJson = cli.run("--format", "json", "--url", "jdbc:sqlite:app.db", "status");
        JsonOutputSchemaTest.assertValid("status", statusJson.out());
        assertThat(new ObjectMapper().readTree(statusJson.out()).at("/schema/state").asText()).isEqualTo("drifted");
    }

    @Test
    void againstTheChangelog() throws Exception {
        byHand("CREATE TABLE by_hand (id INTEGER)");
        CliRun.Result text = cli.run("--url", "jdbc:sqlite:app.db", "drift", "--against", "changelog");
        assertThat(text.exitCode()).as("%s", text).isEqualTo(ExitCodes.LINT);
        assertThat(text.out()).contains("table by_hand: in the database, not in the changelog (added by hand)")
                .contains("difference(s) from the changelog at 1 applied revision(s)");

        CliRun.Result bad = cli.run("--url", "jdbc:sqlite:app.db", "drift", "--against", "yesterday");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--against takes recorded or changelog, not 'yesterday'");
    }

    @Test
    void graftYamlIgnoresObjects() throws Exception {
        Files.writeString(dir.resolve("graft.yaml"), """
                url: jdbc:sqlite:app.db
                drift:
                  ignore:
                    - "table tmp_*"
                """);
        byHand("CREATE TABLE tmp_import (id INTEGER)");
        CliRun.Result clean = cli.run("drift");
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.out()).contains("(1 ignored by drift.ignore)");
        assertThat(cli.run("status").out()).contains("as recorded");
    }

    @Test
    void aBadDriftSectionIsAnErrorAtItsPlace() throws Exception {
        Files.writeString(dir.resolve("graft.yaml"), """
                url: jdbc:sqlite:app.db
                drift:
                  record: sometimes
                  ignored: [x]
                """);
        CliRun.Result bad = cli.run("status");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("graft.yaml:3:11").contains("drift.record must be true or false")
                .contains("graft.yaml:4:3");
    }
}
