package io.graft.cli.command;

import io.graft.DatabaseUrl;
import io.graft.Graft;
import io.graft.MigrationInterruptedException;
import io.graft.RunResult;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.RunInterrupted;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.GraphFacts;
import io.graft.cli.render.Output;
import io.graft.cli.render.Renderer;
import io.graft.cli.settings.ConfigFile;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import io.graft.cli.signals.SignalGuard;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ParentCommand;

/** What every command shares: the global options and context of the command line, {@link CommandContext}. */
abstract class GraftCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    @Override
    public final Integer call() throws Exception {
        GlobalOptions.Format format = options().format();
        if (format == GlobalOptions.Format.sarif && !lintFormats() && !testFormats()) {
            throw new UsageException("--format sarif is for 'graft lint' and 'graft test' only; use text or json");
        }
        if (format == GlobalOptions.Format.github && !lintFormats()) {
            throw new UsageException("--format github is for 'graft lint' only; use text or json");
        }
        if (format == GlobalOptions.Format.junit && !testFormats()) {
            throw new UsageException("--format junit is for 'graft test' only; use text or json");
        }
        if (format == GlobalOptions.Format.sql && !sqlFormat()) {
            throw new UsageException("--format sql is for 'graft diff' only; use text or json");
        }
        return execute();
    }

    /** True for the commands that also print {@code --format sql}. */
    protected boolean sqlFormat() {
        return false;
    }

    /** True for the commands that also print {@code --format sarif} and {@code github}. */
    protected boolean lintFormats() {
        return false;
    }

    /** True for the commands that also print {@code --format junit} and {@code sarif}. */
    protected boolean testFormats() {
        return false;
    }

    /** Runs the command; errors are thrown and reported by {@code io.graft.cli.ErrorReporter}. */
    protected abstract int execute() throws Exception;

    protected Renderer renderer() {
        return context.renderer();
    }

    protected Output output() {
        return context.output();
    }

    protected Settings settings() {
        return context.settings();
    }

    protected GlobalOptions options() {
        return context.options();
    }

    protected Graft openGraft() {
        return context.openGraft();
    }

    /**
     * For the commands that only read the database: an SQLite file that does not exist was not
     * created (the engine does not connect); say so, and what creates it.
     */
    protected void noteIfNoDatabaseYet(Graft graft) {
        if (!graft.databaseExists()) {
            String file = DatabaseUrl.parse(settings().url()).sqliteFile().map(Object::toString).orElse(settings().url());
            output().notice("graft: no database yet: " + file + " does not exist, so nothing is applied (it was not "
                    + "created); 'graft up' creates it and applies the changelog");
        }
    }

    /**
     * Runs {@code up} or {@code down} with Ctrl-C and SIGTERM handled ({@link SignalGuard}) and
     * renders its result; returns the exit code (130 or 143 when a signal came, even if the run
     * had just finished). An interrupted run is thrown as {@link RunInterrupted} and reported with
     * the other errors.
     */
    protected int runStoppable(String operation, Function<Graft, RunResult> run) {
        try (SignalGuard guard = SignalGuard.install(output()::errorLine, stop -> renderer().error(stop, false));
                Graft graft = context.openGraft(guard.listener())) {
            guard.watch(graft);
            RunResult result;
            try {
                result = run.apply(graft);
            } catch (MigrationInterruptedException e) {
                SignalGuard.Received signal = guard.received();
                if (signal == null) {
                    throw e;
                }
                throw new RunInterrupted(e, signal.name(), signal.description(), signal.exitCode());
            }
            renderer().run(operation, result);
            return guard.received() == null ? ExitCodes.OK : guard.received().exitCode();
        }
    }

    /** Whether a URL was configured (on the command line or in graft.yaml), not the built-in default. */
    protected boolean urlConfigured(Settings s) {
        return options().url() != null || s.configFile() != null
                && ConfigFile.load(s.configFile(), s.configFile().getFileName().toString())
                        .whereIs(s.environment(), "url").isPresent();
    }

    protected static GraphFacts facts(Graft graft) {
        return new GraphFacts(graft.changelog(), graft.heads());
    }
}
