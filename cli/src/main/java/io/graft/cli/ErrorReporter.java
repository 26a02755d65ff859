package io.graft.cli;

import io.graft.cli.error.ExitCodes;
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
        main.renderer().error(error, main.options().verbose());
        return ExitCodes.of(error);
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        main.renderer().error(error, false);
        if (!main.options().json()) {
            CommandLine cmd = error.getCommandLine();
            if (error instanceof UnmatchedArgumentException unmatched) {
                UnmatchedArgumentException.printSuggestions(unmatched, cmd.getErr());
            }
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
        }
        return ExitCodes.of(error);
    }
}
