package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graft.ChangelogException;
import io.graft.GraftException;
import io.graft.LockTimeoutException;
import io.graft.MigrationException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.TargetException;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.settings.CliEnvironment;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Each error family gets its exit code and is printed the same way, in text and JSON. */
class ErrorReportingTest {

    @TempDir
    Path dir;

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Exception error;

        Boom(Exception error) {
            this.error = error;
        }

        @Override
        public Integer call() throws Exception {
            throw error;
        }
    }

    private CliRun.Result fail(Exception error, String... args) {
        Main main = new Main(new CliEnvironment(Map.of(), dir, false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = main.commandLine(out, err);
        cl.addSubcommand("boom", new Boom(error));
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "boom";
        int code = cl.execute(all);
        cl.getOut().flush();
        cl.getErr().flush();
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    private static final ChangelogException CHANGELOG = new ChangelogException(List.of(
            Problem.at(new SourceSpan("changelog.yaml", 3, 5), "unknown key 'parnets'", "did you mean 'parents'?"),
            Problem.at(new SourceSpan("changelog.yaml", 9, 9), "id 'add-users' uses '-'", "use 'add_users'")));

    @Test
    void exitCodePerFamily() {
        assertThat(ExitCodes.of(CHANGELOG)).isEqualTo(2);
        assertThat(ExitCodes.of(new TargetException("x", "no revision x"))).isEqualTo(2);
        assertThat(ExitCodes.of(new UsageException("bad"))).isEqualTo(2);
        assertThat(ExitCodes.of(new MigrationException("refused"))).isEqualTo(1);
        assertThat(ExitCodes.of(new LockTimeoutException("held"))).isEqualTo(4);
        assertThat(ExitCodes.of(new GraftException("other"))).isEqualTo(1);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(1);
        assertThat(ExitCodes.Family.LINT_ERRORS.exitCode()).isEqualTo(3);

        assertThat(fail(CHANGELOG).exitCode()).isEqualTo(2);
        assertThat(fail(new TargetException("x", "no revision x")).exitCode()).isEqualTo(2);
        assertThat(fail(new MigrationException("refused")).exitCode()).isEqualTo(1);
        assertThat(fail(new LockTimeoutException("held")).exitCode()).isEqualTo(4);
        assertThat(fail(new NullPointerException("oops")).exitCode()).isEqualTo(1);
    }

    @Test
    void changelogErrorListsEveryProblemOnStderr() {
        CliRun.Result r = fail(CHANGELOG);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("""
                graft: error: invalid changelog: 2 problems
                changelog.yaml:3:5: unknown key 'parnets'
                  hint: did you mean 'parents'?
                changelog.yaml:9:9: id 'add-users' uses '-'
                  hint: use 'add_users'
                """);
    }

    @Test
    void changelogErrorAsJson() throws Exception {
        CliRun.Result r = fail(CHANGELOG, "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode error = new ObjectMapper().readTree(r.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("changelog");
        assertThat(error.get("exit_code").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).isEqualTo("invalid changelog: 2 problems");
        JsonNode first = error.get("problems").get(0);
        assertThat(first.get("file").asText()).isEqualTo("changelog.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("column").asInt()).isEqualTo(5);
        assertThat(first.get("message").asText()).isEqualTo("unknown key 'parnets'");
        assertThat(first.get("hint").asText()).isEqualTo("did you mean 'parents'?");
    }

    @Test
    void targetAndMigrationErrorsCarryTheirData() throws Exception {
        JsonNode target = new ObjectMapper().readTree(fail(new TargetException("head",
                "'head' is ambiguous: 2 heads", List.of("0003_a", "0003_b")), "--format", "json").out()).get("error");
        assertThat(target.get("type").asText()).isEqualTo("target");
        assertThat(target.get("candidates").toString()).isEqualTo("[\"0003_a\",\"0003_b\"]");

        JsonNode migration = new ObjectMapper().readTree(fail(new MigrationException(
                "sql/0002.up.sql:4:1: relation \"users\" does not exist", "0002_orders", "42P01", null),
                "--format", "json").out()).get("error");
        assertThat(migration.get("type").asText()).isEqualTo("migration");
        assertThat(migration.get("revision").asText()).isEqualTo("0002_orders");
        assertThat(migration.get("sql_state").asText()).isEqualTo("42P01");

        CliRun.Result text = fail(new TargetException("head", "'head' is ambiguous", List.of("0003_a", "0003_b")));
        assertThat(text.err()).contains("graft: error: 'head' is ambiguous\n  candidates: 0003_a, 0003_b");
    }

    @Test
    void unexpectedErrorsAreOneLineUnlessVerbose() {
        CliRun.Result quiet = fail(new IllegalStateException("broken\nsecond line"));
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.err()).isEqualTo("graft: error: unexpected IllegalStateException: broken\n"
                + "  (run with -v for the stack trace)\n");

        CliRun.Result verbose = fail(new IllegalStateException("broken"), "-v");
        assertThat(verbose.err()).contains("java.lang.IllegalStateException: broken").contains("\tat ");
    }

    @Test
    void lockTimeoutIsExitFour() {
        CliRun.Result r = fail(new LockTimeoutException("lock held by pid 42 on db for 60 s"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("graft: error: lock held by pid 42 on db for 60 s\n");
    }

    @Test
    void usageErrorsAreExitTwo() {
        CliRun run = new CliRun(dir);
        assertThat(run.run().exitCode()).isEqualTo(2);
        assertThat(run.run("nosuch").exitCode()).isEqualTo(2);
        assertThat(run.run("up", "--bogus").err()).contains("Unknown option: '--bogus'")
                .contains("Try 'graft up --help'");

        CliRun.Result down = run.run("down");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).startsWith("graft: error: down needs a TARGET");

        assertThat(run.run("stamp").exitCode()).isEqualTo(2);
        assertThat(run.run("stamp", "head", "--purge").exitCode()).isEqualTo(2);
        assertThat(run.run("show").exitCode()).isEqualTo(2);
        assertThat(run.run("repair", "0001_x").err()).contains("needs --applied or --rolled-back");
        assertThat(run.run("repair", "--applied").exitCode()).isEqualTo(2);
        assertThat(run.run("repair", "0001_x", "--applied", "--rolled-back").exitCode()).isEqualTo(2);
        assertThat(run.run("--lock-timeout", "soon", "up").exitCode()).isEqualTo(2);
        assertThat(run.run("--format", "xml", "status").exitCode()).isEqualTo(2);
    }

    @Test
    void parseErrorInJsonMode() throws Exception {
        CliRun.Result r = new CliRun(dir).run("--format", "json", "up", "--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(r.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("usage");
        assertThat(error.get("message").asText()).contains("--bogus");
    }

    @Test
    void quietStillPrintsErrors() {
        CliRun.Result r = new CliRun(dir).run("-q", "down");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("graft: error: down needs a TARGET");
    }
}
