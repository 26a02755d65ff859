package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.cli.command.Commands;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.settings.CliEnvironment;
import io.graft.cli.settings.GlobalOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A run that names its command registers only that one with picocli (start-up); everything it
 * prints and its exit code are exactly those of a run with every command registered.
 */
class CommandRegistrationTest {

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        CliRun.Result init = new CliRun(dir).run("init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Files.writeString(dir.resolve("changelog.yaml"), """
                changelog: 1
                revisions:
                  - id: 0001_users
                    parents: []
                    description: Create users
                    up: sql/0001_users.up.sql
                    down: sql/0001_users.down.sql
                """);
        Files.writeString(dir.resolve("sql/0001_users.up.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("sql/0001_users.down.sql"), "DROP TABLE users;\n");
    }

    @Test
    void theInvokedCommandIsToldFromTheArguments() {
        assertThat(Main.invokedCommand(args("up"))).isEqualTo("up");
        assertThat(Main.invokedCommand(args("upgrade", "--sql"))).isEqualTo("upgrade");
        assertThat(Main.invokedCommand(args("--url", "jdbc:sqlite:x.db", "-c", "db/changelog.yaml", "up", "head")))
                .isEqualTo("up");
        assertThat(Main.invokedCommand(args("--url=jdbc:sqlite:x.db", "--format=json", "-q", "-v", "--no-color",
                "status", "--lock-timeout", "5s"))).isEqualTo("status");
        assertThat(Main.invokedCommand(args("--env", "prod", "--config", "graft.yaml", "history", "-v")))
                .isEqualTo("history");
        assertThat(Main.invokedCommand(args("heads", "--help"))).isEqualTo("heads");
        assertThat(Main.invokedCommand(args("--version"))).isEqualTo(Main.NO_COMMAND);
        assertThat(Main.invokedCommand(args("-q", "-V"))).isEqualTo(Main.NO_COMMAND);
    }

    @Test
    void onlyCommandsThatMayConnectWarmUpWhatAConnectionNeeds() {
        for (String offline : List.of("init", "heads", "branches", "validate", "lint", "new", "revision", "merge",
                "graph")) {
            assertThat(Commands.mayConnect(offline)).as(offline).isFalse();
        }
        for (String connects : List.of("up", "migrate", "down", "status", "info", "current", "history", "show",
                "stamp", "check", "repair", "diff", "test", "drift", "squash", "adopt", "import", "unknown")) {
            assertThat(Commands.mayConnect(connects)).as(connects).isTrue();
        }
    }

    @Test
    void whenTheCommandCannotBeToldForSureEveryCommandIsRegistered() {
        List<String[]> unsure = List.of(
                args(),                                  // usage
                args("--help"), args("-h", "up"),        // the list of commands
                args("help", "up"), args("stauts"),      // unknown command: did-you-mean
                args("-q"),                              // options only: usage
                args("--env", "up", "heads"),            // picocli refuses a command's name as a value
                args("--env=up", "heads"), args("--env", "help", "heads"), args("--url", "migrate", "heads"),
                args("-c", "heads"),
                args("--url"),                           // value missing
                args("--password", "-x", "up"),          // a value that looks like an option
                args("--url=--quiet", "heads"),
                args("-qv", "heads"),                    // clustered short options
                args("-cchangelog.yaml", "heads"),       // attached short value
                args("--quiet=true", "heads"),
                args("--bogus", "up"),                   // unknown option
                args("--", "heads"),
                args("@args.txt"), args("heads", "@more.txt"), // argument files
                args("", "heads"), args("-", "heads"), args("HEADS"));
        for (String[] a : unsure) {
            assertThat(Main.invokedCommand(a)).as(String.join(" ", a)).isNull();
        }
    }

    @Test
    void everyCommandOfTheTableIsRegisteredByItsNameAndAliasesInOrder() {
        List<String> names = names();
        Set<String> words = new LinkedHashSet<>();
        for (Commands.Entry command : Commands.all()) {
            assertThat(words.add(command.name())).as("%s named twice", command.name()).isTrue();
            assertThat(Main.invokedCommand(args(command.name()))).isEqualTo(command.name());
            assertThat(Commands.find(command.name())).contains(command);
            for (String alias : command.aliases()) {
                assertThat(words.add(alias)).as("%s named twice", alias).isTrue();
                assertThat(Main.invokedCommand(args(alias))).isEqualTo(alias);
                assertThat(Commands.find(alias)).contains(command);
            }
        }
        assertThat(names).hasSize(23);
        assertThat(Commands.find("help")).isEmpty();

        CommandLine all = new Main(new CliEnvironment(Map.of(), dir, false))
                .commandLine(new StringWriter(), new StringWriter());
        List<String> withHelp = new ArrayList<>(names);
        withHelp.add(Commands.HELP);
        assertThat(all.getCommandSpec().subcommands().values().stream().map(CommandLine::getCommandName).distinct())
                .containsExactlyElementsOf(withHelp);
        for (Commands.Entry command : Commands.all()) {
            // The table is the only place a command is named.
            Command annotation = command.type().getAnnotation(Command.class);
            assertThat(annotation.name()).as(command.name()).isEqualTo(CommandSpec.DEFAULT_COMMAND_NAME);
            assertThat(annotation.aliases()).as(command.name()).isEmpty();
            CommandLine registered = all.getSubcommands().get(command.name());
            assertThat((Object) registered.getCommand()).isInstanceOf(command.type());
            assertThat(registered.getCommandSpec().name()).isEqualTo(command.name());
            assertThat(registered.getCommandSpec().aliases()).containsExactlyElementsOf(command.aliases());
        }
        for (String word : words) {
            CommandLine alone = new Main(new CliEnvironment(Map.of(), dir, false))
                    .commandLine(new StringWriter(), new StringWriter(), args(word));
            Commands.Entry command = Commands.find(word).orElseThrow();
            assertThat(alone.getSubcommands().keySet()).as(word)
                    .containsExactlyInAnyOrderElementsOf(all.getSubcommands().get(command.name()).getCommandSpec().names());
        }
    }

    @Test
    void theScanKnowsEveryGlobalOptionAndWhetherItTakesAValue() {
        Set<String> values = new LinkedHashSet<>();
        Set<String> flags = new LinkedHashSet<>();
        CommandLine root = new Main(new CliEnvironment(Map.of(), dir, false))
                .commandLine(new StringWriter(), new StringWriter(), args("--version"));
        for (OptionSpec option : root.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            (option.arity().max() > 0 ? values : flags).addAll(List.of(option.names()));
        }
        assertThat(GlobalOptions.withValue()).containsExactlyInAnyOrderElementsOf(values);
        assertThat(GlobalOptions.flags()).containsExactlyInAnyOrderElementsOf(flags);
    }

    @Test
    void aCommandRegisteredAloneStillGetsItsOwnAndTheGlobalOptions() {
        CliRun.Result up = new CliRun(dir).run("--url", "jdbc:sqlite:" + dir.resolve("a.db"), "up", "--sql");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("CREATE TABLE users");

        CliRun.Result status = new CliRun(dir).run("status", "--url", "jdbc:sqlite:" + dir.resolve("b.db"),
                "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("{");
    }

    @Test
    void outputAndExitCodesAreThoseOfARunWithEveryCommand() {
        List<String[]> runs = new ArrayList<>(List.of(
                args(), args("--help"), args("--version"), args("-V", "-q"), args("help"), args("help", "up"),
                args("stauts"), args("upp"), args("--bogus"), args("--bogus", "up"),
                args("up", "--bogus"), args("up", "--urll", "x"), args("heads", "extra"),
                args("--env", "up", "heads"), args("--env=up", "heads"), args("heads", "--env", "up"),
                args("--url", "x", "--env", "merge", "graph"), args("--changelog=up", "heads"),
                args("--format", "xml", "heads"), args("--format", "json", "bogus"),
                args("--format", "json", "up", "--bogus"), args("--lock-timeout", "abc", "heads"),
                args("--password", "s3cret", "bogus"), args("--password=s3cret", "heads"),
                args("--version", "up", "--bogus"), args("-V", "--help"), args("heads", "-V"),
                args("-q", "heads", "-v"), args("heads"), args("-v", "heads"), args("validate"),
                args("show"), args("show", "0001_users"), args("up", "--from", "base"),
                args("graph", "--format", "github"), args("HEADS"), args("-", "heads"), args("", "heads"),
                args("--", "heads"), args("@missing-file", "heads"),
                args("help", "migrate"), args("help", "bogus"), args("help", "help"), args("migrat"),
                args("--env", "help", "heads"), args("info", "--help"), args("rollback"),
                args("--url", "jdbc:sqlite:" + dir.resolve("c.db"), "up", "--sql", "--from", "base"),
                args("--url", "jdbc:sqlite:" + dir.resolve("c.db"), "--format", "json", "status")));
        for (String name : names()) {
            runs.add(args(name, "--help"));
        }
        runs.add(args("upgrade", "--help"));
        runs.add(args("downgrade", "-h"));
        for (Commands.Entry command : Commands.all()) {
            for (String alias : command.aliases()) {
                runs.add(args(alias, "--help"));
            }
        }
        for (String[] a : runs) {
            CliRun.Result alone = run(false, a);
            CliRun.Result all = run(true, a);
            String what = "graft " + String.join(" ", a);
            assertThat(alone.exitCode()).as(what).isEqualTo(all.exitCode());
            assertThat(alone.out()).as(what).isEqualTo(all.out());
            assertThat(alone.err()).as(what).isEqualTo(all.err());
        }
    }

    @Test
    void usageAndSuggestionsStillListEveryCommand() {
        CliRun.Result help = run(false, "--help");
        assertThat(help.exitCode()).isZero();
        int previous = -1;
        for (String name : names()) {
            assertThat(help.out()).containsPattern("(?m)^  " + name + "[ ,]");
            Matcher listed = Pattern.compile("(?m)^  " + name + "[ ,]").matcher(help.out());
            assertThat(listed.find() && listed.start() > previous).as("%s listed in the order of the table", name)
                    .isTrue();
            previous = listed.start();
        }
        assertThat(help.out()).contains("  up, upgrade, migrate ").contains("  down, downgrade, rollback ");

        CliRun.Result typo = run(false, "stauts");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'stauts'")
                .contains("Did you mean: graft stamp or graft status or graft test?")
                .contains("Try 'graft --help' for more information.");

        CliRun.Result none = run(false);
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Commands:").contains("  graph ");
    }

    private CliRun.Result run(boolean allCommands, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new CliEnvironment(Map.of(), dir, false), out, err, allCommands, args);
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    private static List<String> names() {
        return Commands.all().stream().map(Commands.Entry::name).toList();
    }

    private static String[] args(String... args) {
        return args;
    }
}
