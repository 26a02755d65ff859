package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.render.JsonOutputSchemaTest;
import io.graft.testing.ChangelogFixture;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft drift} as a user runs it: no drift exits 0, a table added by hand exits 3, text and JSON. */
class DriftCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTableAddedByHandIsDrift() throws Exception {
        ChangelogFixture.in(dir)
                .revision("0001_users", List.of(), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n", "DROP TABLE users;\n")
                .save();
        CliRun cli = new CliRun(dir);
        assertThat(cli.run("--url", "jdbc:sqlite:app.db", "up").exitCode()).isZero();
        CliRun.Result clean = cli.run("--url", "jdbc:sqlite:app.db", "drift");
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.out()).contains("drift: none");

        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db")); var s = c.createStatement()) {
            s.execute("CREATE TABLE by_hand (id INTEGER)");
        }
        CliRun.Result text = cli.run("--url", "jdbc:sqlite:app.db", "drift");
        assertThat(text.exitCode()).as("%s", text).isEqualTo(ExitCodes.LINT);
        assertThat(text.out()).contains("table by_hand: in the database, not in the changelog (added by hand)");

        CliRun.Result json = cli.run("--format", "json", "--url", "jdbc:sqlite:app.db", "drift");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.LINT);
        JsonOutputSchemaTest.assertValid("drift", json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.at("/differences/0/way").asText()).isEqualTo("added");
        assertThat(doc.at("/differences/0/object").asText()).isEqualTo("table by_hand");
    }
}
