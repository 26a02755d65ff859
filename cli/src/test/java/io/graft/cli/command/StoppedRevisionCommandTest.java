package io.graft.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.changelog.DialectId;
import io.graft.cli.CliRun;
import io.graft.cli.error.ExitCodes;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A revision outside a transaction that stops part way, as a user meets it on the command line
 * (the database in {@code GRAFT_URL}, the changelog in the working directory): a failure before
 * anything took effect leaves nothing to repair; {@code status} and {@code current} show a
 * running revision on its own line, never as applied; {@code graft up --resume ID} finishes it.
 */
class StoppedRevisionCommandTest {

    private static final String B_UP = """
            CREATE TABLE b1 (id INTEGER);
            INSERT INTO missing (id) VALUES (1);
            CREATE TABLE b2 (id INTEGER);
            """;

    @TempDir
    Path dir;

    private CliRun cli(TestDatabase db) {
        CliRun cli = new CliRun(dir).env("GRAFT_URL", db.url());
        if (db.user() != null) {
            cli.env("GRAFT_USER", db.user());
        }
        if (db.password() != null && !db.password().isEmpty()) {
            cli.env("GRAFT_PASSWORD", db.password());
        }
        return cli;
    }

    /** On MySQL/MariaDB a revision with DDL runs statement by statement anyway; elsewhere it says so. */
    private void changelog(DialectId dialect, String bUp) {
        String[] stepwise = dialect == DialectId.MYSQL ? new String[0] : new String[] {"transaction: false"};
        ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"), bUp, "DROP TABLE b2;\nDROP TABLE b1;\n", stepwise)
                .save();
    }

    private static CliRun.Result expect(int exitCode, CliRun cli, String commandLine) {
        CliRun.Result r = cli.line(commandLine);
        assertThat(r.exitCode()).as("%s\nstdout:\n%s\nstderr:\n%s", commandLine, r.out(), r.err()).isEqualTo(exitCode);
        return r;
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aFailureBeforeAnyStatementTookEffectLeavesNothingToRepair(DialectId dialect) throws Exception {
        changelog(dialect, "CREATE TABLE a (id INTEGER);\n");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            CliRun cli = cli(db);
            CliRun.Result up = expect(ExitCodes.FAILED, cli, "graft up");
            assertThat(up.out()).contains("applied 0001_a");
            assertThat(up.err()).contains("0002_b.up.sql:1:1: revision '0002_b' failed at statement 1 of 1")
                    .contains("hint: no statement of revision '0002_b' took effect, so nothing was recorded as applied"
                            + " or running; fix the cause and run 'graft up' again")
                    .doesNotContain("graft repair");

            CliRun.Result status = expect(ExitCodes.OK, cli, "graft status");
            assertThat(status.out()).contains("Applied:     1 revision\n").doesNotContain("Running:")
                    .contains("Pending:     1 revision\n  0002_b\n").doesNotContain("Problems:");

            Files.writeString(dir.resolve("sql/0002_b.up.sql"), "CREATE TABLE b1 (id INTEGER);\n");
            assertThat(expect(ExitCodes.OK, cli, "graft up").out()).contains("applied 0002_b");
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRunningRevisionIsShownOnItsOwnLineAndResumed(DialectId dialect) throws Exception {
        changelog(dialect, B_UP);
        try (TestDatabase db = TestDatabase.create(dialect)) {
            CliRun cli = cli(db);
            CliRun.Result up = expect(ExitCodes.FAILED, cli, "graft up");
            assertThat(up.err()).contains("0002_b.up.sql:2:")
                    .contains("fix the cause, then run 'graft up --resume 0002_b' to continue from statement 2");

            CliRun.Result status = expect(ExitCodes.OK, cli, "graft status");
            assertThat(status.out()).contains("Current:     0001_a\n")
                    .contains("Applied:     1 revision\n")
                    .containsPattern("Running:     0002_b  1 of 3 statement\\(s\\) completed; stopped at \\S*"
                            + "0002_b\\.up\\.sql:2:1: ")
                    .contains("  0002_b  (running, see above)\n")
                    .contains("hint: fix the cause and run 'graft up --resume 0002_b' to continue from statement 2");
            assertThat(expect(ExitCodes.OK, cli, "graft info").out()).isEqualTo(status.out());

            CliRun.Result current = expect(ExitCodes.OK, cli, "graft current");
            assertThat(current.out()).startsWith("0001_a\n")
                    .contains("0002_b (running, not applied: 1 of 3 statement(s) completed; stopped at ");

            ObjectMapper json = new ObjectMapper();
            JsonNode doc = json.readTree(expect(ExitCodes.OK, cli, "graft --format json status").out());
            assertThat(doc.get("applied")).hasSize(1);
            assertThat(doc.get("applied").get(0).get("id").asText()).isEqualTo("0001_a");
            assertThat(doc.get("running")).hasSize(1);
            JsonNode running = doc.get("running").get(0);
            assertThat(running.get("id").asText()).isEqualTo("0002_b");
            assertThat(running.get("state").asText()).isEqualTo("running");
            assertThat(running.get("direction").asText()).isEqualTo("up");
            assertThat(running.get("statements_done").asInt()).isEqualTo(1);
            assertThat(running.get("statements_total").asInt()).isEqualTo(3);
            assertThat(running.get("failed_statement").asText()).contains("0002_b.up.sql:2:1: ");
            JsonNode currentDoc = json.readTree(expect(ExitCodes.OK, cli, "graft current --format json").out());
            assertThat(currentDoc.get("current").get(0).get("id").asText()).isEqualTo("0001_a");
            assertThat(currentDoc.get("running").get(0).get("id").asText()).isEqualTo("0002_b");

            // Still blocked, until resumed.
            assertThat(expect(ExitCodes.FAILED, cli, "graft up").err())
                    .contains("revision '0002_b' was left running: 1 of 3 statement(s) completed");
            assertThat(expect(ExitCodes.USAGE, cli, "graft up head --resume 0002_b").err())
                    .contains("--resume ID continues that one revision: it takes no TARGET, --sql or --from");

            db.execute("CREATE TABLE missing (id INTEGER)");
            // Named as any target that names one revision: here an id prefix.
            CliRun.Result resume = expect(ExitCodes.OK, cli, "graft up --resume 0002");
            assertThat(resume.out()).contains("applied 0002_b")
                    .contains("1 revision resumed and applied in ").contains("current: 0002_b");
            assertThat(db.userTables()).containsExactlyInAnyOrder("a", "b1", "b2", "missing");

            CliRun.Result after = expect(ExitCodes.OK, cli, "graft status");
            assertThat(after.out()).contains("Applied:     2 revisions\n").doesNotContain("Running:")
                    .contains("Up to date.");
            assertThat(expect(ExitCodes.FAILED, cli, "graft up --resume 0002_b").err())
                    .contains("graft: error: revision '0002_b' is applied, not running: there is nothing to resume");
            assertThat(expect(ExitCodes.OK, cli, "graft migrate").out()).contains("Nothing to do");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void resumeTakesTheFixedFailedStatementAndRefusesEarlierChanges(DialectId dialect) throws Exception {
        changelog(dialect, B_UP);
        try (TestDatabase db = TestDatabase.create(dialect)) {
            CliRun cli = cli(db);
            expect(ExitCodes.FAILED, cli, "graft up");
            Path file = dir.resolve("sql/0002_b.up.sql");

            Files.writeString(file, "-- a new first line\n" + B_UP.replace("missing", "b1"));
            assertThat(expect(ExitCodes.FAILED, cli, "graft up --resume 0002_b").err())
                    .contains("revision '0002_b' changed since it was left running")
                    .contains("statement 2 starts at ")
                    .contains("hint: edit only the failed statement and those after it");

            Files.writeString(file, B_UP.replace("missing", "b1"));
            expect(ExitCodes.OK, cli, "graft up --resume 0002_b");
            assertThat(db.query("SELECT id FROM b1")).hasSize(1);
            assertThat(expect(ExitCodes.OK, cli, "graft check").out()).contains("OK: changelog and database agree");
        }
    }
}
