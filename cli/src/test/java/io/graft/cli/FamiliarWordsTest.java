package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.cli.error.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user coming from Alembic, Flyway or Liquibase types: their command names, {@code graft help CMD},
 * a near miss, a configuration file given as the changelog, {@code validate} with a URL, a
 * changelog that is not there, and the examples at the end of the busiest commands' help. Each
 * is the command line as typed, with its message and exit code.
 */
class FamiliarWordsTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void project() throws IOException {
        cli = new CliRun(dir);
        assertThat(cli.line("graft init").exitCode()).isZero();
        Files.writeString(dir.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: 0001_users
                    parents: []
                    up: sql/0001_users.up.sql
                    down: sql/0001_users.down.sql
                  - id: 0002_orders
                    parents: [0001_users]
                    up: sql/0002_orders.up.sql
                    down: sql/0002_orders.down.sql
                  - id: 0003_tags
                    parents: [0002_orders]
                    up: sql/0003_tags.up.sql
                    down: sql/0003_tags.down.sql
                """);
        for (String table : List.of("users", "orders", "tags")) {
            String id = switch (table) {
                case "users" -> "0001_users";
                case "orders" -> "0002_orders";
                default -> "0003_tags";
            };
            Files.writeString(dir.resolve("sql/" + id + ".up.sql"), "CREATE TABLE " + table + " (id INTEGER);\n");
            Files.writeString(dir.resolve("sql/" + id + ".down.sql"), "DROP TABLE " + table + ";\n");
        }
    }

    private CliRun.Result ok(String commandLine) {
        CliRun.Result r = cli.line(commandLine);
        assertThat(r.exitCode()).as("%s\nstdout:\n%s\nstderr:\n%s", commandLine, r.out(), r.err()).isZero();
        return r;
    }

    private CliRun.Result fails(int exitCode, String commandLine) {
        CliRun.Result r = cli.line(commandLine);
        assertThat(r.exitCode()).as("%s\nstdout:\n%s\nstderr:\n%s", commandLine, r.out(), r.err()).isEqualTo(exitCode);
        return r;
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("graft.db"));
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("graft_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    @Test
    void alembicFlywayAndLiquibaseWordsRunTheirGraftCommands() throws Exception {
        ok("graft migrate 0002_orders");
        assertThat(tables()).containsExactlyInAnyOrder("users", "orders");

        CliRun.Result info = ok("graft info");
        assertThat(info.out()).isEqualTo(ok("graft status").out()).contains("0002_orders");

        ok("graft rollback -1");
        assertThat(tables()).containsExactly("users");

        ok("graft baseline head");
        assertThat(tables()).containsExactly("users");
        assertThat(ok("graft current").out()).contains("0003_tags");

        CliRun.Result revision = ok("graft revision -m \"add comments\"");
        assertThat(revision.out()).contains("created ").contains("on 0003_tags");
        assertThat(Files.readString(dir.resolve("changelog.yaml"))).contains("add_comments");
    }

    @Test
    void theAliasesAreListedInTheHelp() {
        CliRun.Result help = ok("graft --help");
        assertThat(help.out())
                .containsPattern("(?m)^  up, upgrade, migrate +Apply")
                .containsPattern("(?m)^  down, downgrade, rollback +Revert")
                .containsPattern("(?m)^  status, info +Show")
                .containsPattern("(?m)^  stamp, baseline +Record")
                .containsPattern("(?m)^  new, revision +Create")
                .containsPattern("(?m)^  help +Display help");
    }

    @Test
    void helpCmdPrintsWhatCmdHelpPrints() {
        for (String command : List.of("up", "migrate", "down", "rollback", "info", "baseline", "revision", "check")) {
            CliRun.Result help = ok("graft help " + command);
            CliRun.Result own = ok("graft " + command + " --help");
            assertThat(help.out()).as(command).isEqualTo(own.out()).startsWith("Usage: graft ");
            assertThat(help.err()).isEmpty();
        }
        assertThat(ok("graft help").out()).isEqualTo(ok("graft --help").out());

        CliRun.Result unknown = fails(ExitCodes.USAGE, "graft help bogus");
        assertThat(unknown.err()).contains("Unknown subcommand 'bogus'").contains("Try 'graft --help'");
    }

    @Test
    void aNearMissProposesTheFamiliarWordAndTheCommandItStandsFor() {
        CliRun.Result migrat = fails(ExitCodes.USAGE, "graft migrat");
        assertThat(migrat.err())
                .contains("graft: error: Unmatched argument at index 0: 'migrat'")
                .contains("Did you mean: graft migrate (alias of up)")
                .contains("Try 'graft --help' for more information.");
        assertThat(fails(ExitCodes.USAGE, "graft rolback -1").err())
                .contains("Did you mean: graft rollback (alias of down)");
        assertThat(fails(ExitCodes.USAGE, "graft baselin head").err())
                .contains("Did you mean: graft baseline (alias of stamp)");
        assertThat(fails(ExitCodes.USAGE, "graft revison -m x").err())
                .contains("Did you mean: graft revision (alias of new)");
        assertThat(fails(ExitCodes.USAGE, "graft inf").err())
                .contains("Did you mean: graft info (alias of status)");
        // A command is proposed once, by the word closest to what was typed.
        assertThat(migrat.err()).doesNotContain("graft upgrade");
    }

    @Test
    void aConfigurationFileGivenAsTheChangelogSaysToUseConfig() throws IOException {
        Files.writeString(dir.resolve("graft.dev.yaml"), """
                default_env: dev
                environments:
                  dev:
                    url: jdbc:sqlite:dev.db
                """);
        CliRun.Result status = fails(ExitCodes.USAGE, "graft -c graft.dev.yaml status");
        assertThat(status.err()).isEqualTo("graft: error: graft.dev.yaml is a configuration file (it has "
                + "'environments' or 'default_env'), not a changelog; use --config graft.dev.yaml "
                + "(-c/--changelog names the changelog.yaml)\n");
        assertThat(status.out()).isEmpty();

        Files.writeString(dir.resolve("prod.yaml"), "environments:\n  prod: {url: 'jdbc:sqlite:prod.db'}\n");
        assertThat(fails(ExitCodes.USAGE, "graft --changelog prod.yaml up").err())
                .contains("prod.yaml is a configuration file").contains("use --config prod.yaml");
        assertThat(fails(ExitCodes.USAGE, "graft validate -c prod.yaml").err()).contains("use --config prod.yaml");
        assertThat(dir.resolve("prod.db")).doesNotExist();

        // The advice works.
        ok("graft --config graft.dev.yaml up");
        assertThat(dir.resolve("dev.db")).exists();
    }

    @Test
    void anInvalidChangelogThatIsNoConfigurationFileKeepsItsProblems() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "changelog: 1\nrevisions: []\nenvironment: x\n");
        CliRun.Result r = fails(ExitCodes.USAGE, "graft -c bad.yaml status");
        assertThat(r.err()).contains("invalid changelog").contains("unknown key 'environment'")
                .doesNotContain("configuration file");
    }

    @Test
    void validateWithADatabaseUrlPointsToCheck() {
        CliRun.Result withUrl = ok("graft --url jdbc:sqlite:app.db validate");
        assertThat(withUrl.out()).startsWith("Valid: ").contains("changelog.yaml (3 revisions");
        assertThat(withUrl.err()).isEqualTo("graft: note: validate reads the changelog and its files only and "
                + "does not connect; 'graft check' compares them with the database\n");
        assertThat(dir.resolve("app.db")).doesNotExist();

        assertThat(ok("graft validate --url jdbc:sqlite:app.db").err()).contains("'graft check' compares");
        assertThat(ok("graft validate").err()).isEmpty();
        assertThat(ok("graft -q --url jdbc:sqlite:app.db validate").err()).isEmpty();
    }

    @Test
    void aMissingChangelogIsNamedByItsAbsolutePathWithTheWaysToNameAnother() {
        String hint = "  hint: name the right file with -c FILE or GRAFT_CHANGELOG (or 'changelog:' in graft.yaml), "
                + "or create it with 'graft init'\n";
        CliRun.Result r = fails(ExitCodes.USAGE, "graft -c db/changelog.yml status");
        assertThat(r.err()).isEqualTo("graft: error: invalid changelog: 1 problem\n"
                + dir.resolve("db/changelog.yml") + ": changelog file not found\n" + hint);

        CliRun.Result fromEnv = new CliRun(dir.resolve("sql")).env("GRAFT_CHANGELOG", "../nothere.yaml").line("graft up");
        assertThat(fromEnv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromEnv.err()).contains(dir.resolve("nothere.yaml") + ": changelog file not found\n" + hint);

        CliRun.Result json = fails(ExitCodes.USAGE, "graft -c nothere.yaml --format json up");
        assertThat(json.out()).contains("changelog file not found").contains(dir.resolve("nothere.yaml").toString());
        assertThat(dir.resolve("graft.db")).doesNotExist();
    }

    private static final Pattern EXAMPLE = Pattern.compile("(?m)^  (graft .+?)  +\\S.*$");

    /** The examples at the end of a command's help, each as typed. */
    private List<String> examples(String command) {
        String help = ok("graft " + command + " --help").out();
        int at = help.lastIndexOf("\nExamples:\n");
        assertThat(at).as(command + " --help ends with examples").isPositive();
        List<String> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(help.substring(at));
        while (m.find()) {
            examples.add(m.group(1).trim());
        }
        assertThat(help.substring(at).strip().lines().count()).isEqualTo(examples.size() + 1);
        return examples;
    }

    @Test
    void theHelpOfTheBusiestCommandsEndsWithExamplesThatWork() throws IOException {
        Files.writeString(dir.resolve("graft.yaml"), "environments:\n  prod: {url: 'jdbc:sqlite:prod.db'}\n");
        for (String command : List.of("up", "down", "new", "stamp", "status")) {
            List<String> examples = examples(command);
            assertThat(examples).as(command).hasSizeBetween(2, 4);
            for (String example : examples) {
                Files.deleteIfExists(dir.resolve("graft.db"));
                if (command.equals("down")) {
                    ok("graft up");
                }
                String typed = example.replaceAll(" > \\S+$", "");
                assertThat(typed).as(example).contains(" " + command);
                ok(typed);
            }
        }
    }
}
