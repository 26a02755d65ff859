package io.graft.cli;

import io.graft.ChangelogException;
import io.graft.cli.command.Commands;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.settings.ChangelogFile;
import io.graft.cli.settings.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every error of a run, in text or JSON, and returns its exit code from
 * {@link ExitCodes}. Installed for both parse errors and errors thrown by a command.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final Main main;

    ErrorReporter(Main main) {
        this.main = main;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        Exception shown = explained(error);
        main.renderer().error(shown, main.options().verbose());
        return ExitCodes.of(shown);
    }

    /** A changelog error whose cause is a known mistake, reported as that mistake; else the error itself. */
    private Exception explained(Exception error) {
        Settings settings = main.resolvedSettings();
        if (error instanceof ChangelogException && settings != null) {
            return ChangelogFile.configurationGivenAsChangelog(main.options(), settings, main.environment())
                    .<Exception>map(usage -> usage).orElse(error);
        }
        return error;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        main.renderer().error(error, false);
        if (!main.options().json()) {
            CommandLine cmd = error.getCommandLine();
            if (error instanceof UnmatchedArgumentException unmatched) {
                printSuggestions(unmatched, cmd);
            }
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
        }
        return ExitCodes.of(error);
    }

    /**
     * picocli's did-you-mean, with the command an alias stands for ({@code graft migrat} proposes
     * {@code graft migrate (alias of up)}), and each command once.
     */
    private static void printSuggestions(UnmatchedArgumentException unmatched, CommandLine cmd) {
        List<String> suggestions = unmatched.getSuggestions();
        if (unmatched.isUnknownOption() || suggestions.isEmpty() || cmd.getCommandSpec().subcommands().isEmpty()) {
            UnmatchedArgumentException.printSuggestions(unmatched, cmd.getErr());
            return;
        }
        String prefix = cmd.getCommandSpec().qualifiedName() + " ";
        List<String> shown = new ArrayList<>();
        Set<String> commands = new HashSet<>();
        for (String word : suggestions) {
            String name = Commands.find(word).map(Commands.Entry::name).orElse(word);
            if (commands.add(name)) {
                shown.add(prefix + word + (name.equals(word) ? "" : " (alias of " + name + ")"));
            }
        }
        cmd.getErr().println("Did you mean: " + String.join(" or ", shown) + "?");
    }
}
