package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft new}, {@code graft merge} and {@code graft graph} end to end, on SQLite. */
class AuthoringCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aBranchWorkflow() throws IOException {
        CliRun cli = new CliRun(dir);
        Files.writeString(dir.resolve("graft.yaml"), "new:\n  id_scheme: sequence\n");
        assertThat(cli.run("init").exitCode()).isZero();
        String template = Files.readString(dir.resolve("changelog.yaml"));

        CliRun.Result first = cli.run("new", "-m", "Create users");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).isEqualTo("created 0001_create_users (a root)\n  sql/0001_create_users.up.sql\n"
                + "  sql/0001_create_users.down.sql\n  appended to changelog.yaml\n");
        Files.writeString(dir.resolve("sql/0001_create_users.up.sql"), "CREATE TABLE users (id integer);\n");
        Files.writeString(dir.resolve("sql/0001_create_users.down.sql"), "DROP TABLE users;\n");

        assertThat(cli.run("new", "-m", "billing", "--label", "billing").exitCode()).isZero();
        assertThat(cli.run("new", "-m", "search", "--parent", "0001_create_users", "--label", "search",
                "--no-transaction").exitCode()).isZero();
        String afterThree = Files.readString(dir.resolve("changelog.yaml"));
        assertThat(afterThree).startsWith(template.substring(0, template.indexOf("revisions:")))
                .contains("# Each revision is an entry of the list below");

        CliRun.Result ambiguous = cli.run("new", "-m", "more");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("0002_billing, 0003_search").contains("graft merge");

        CliRun.Result lint = cli.run("lint");
        assertThat(lint.exitCode()).isEqualTo(ExitCodes.LINT);
        assertThat(lint.out()).contains("error [multiple-heads] 2 heads (0002_billing, 0003_search)");

        CliRun.Result merged = cli.run("--format", "json", "merge", "-m", "join");
        assertThat(merged.exitCode()).as(merged.all()).isZero();
        assertThat(merged.out()).contains("\"id\" : \"0004_join\"").contains("\"parents\" : [ \"0002_billing\", \"0003_search\" ]");
        assertThat(Files.readString(dir.resolve("sql/0004_join.up.sql"))).contains("Merges 0002_billing, 0003_search");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).startsWith(afterThree);

        CliRun.Result clean = cli.run("lint");
        assertThat(clean.out()).doesNotContain(": error ").contains("lint: 0 errors, 2 warnings");
        assertThat(clean.out()).contains("warning [empty-up]").doesNotContain("0004_join.up.sql");
        assertThat(clean.exitCode()).isZero();

        CliRun.Result graph = cli.run("graph");
        assertThat(graph.exitCode()).isZero();
        assertThat(graph.out()).startsWith("flowchart TD\n").contains("r3{{\"0004_join<br/>(head)\"}}")
                .contains("r1[\"0002_billing<br/>[billing]\"]").contains("r1 --> r3").contains("r2 --> r3")
                .doesNotContain("classDef");

        CliRun.Result dot = cli.run("graph", "--as", "dot");
        assertThat(dot.out()).startsWith("digraph graft {").contains("\"0001_create_users\" -> \"0002_billing\";");

        assertThat(cli.run("up", "0002_billing").exitCode()).isZero();
        CliRun.Result marked = cli.run("graph", "--db");
        assertThat(marked.out()).contains("class r0,r1 applied").contains("class r2,r3 pending");
        assertThat(cli.run("graph", "--as", "png").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
