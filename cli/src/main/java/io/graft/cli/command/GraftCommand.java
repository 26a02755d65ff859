package io.graft.cli.command;

import io.graft.DatabaseUrl;
import io.graft.Graft;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.GraphFacts;
import io.graft.cli.render.Output;
import io.graft.cli.render.Renderer;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every command shares: the global options and context of the command line, {@link CommandContext}. */
abstract class GraftCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext context;

    @Override
    public final Integer call() throws Exception {
        GlobalOptions.Format format = options().format();
        if ((format == GlobalOptions.Format.sarif || format == GlobalOptions.Format.github) && !lintFormats()) {
            throw new UsageException("--format " + format + " is for 'graft lint' only; use text or json");
        }
        return execute();
    }

    /** True for the commands that also print {@code --format sarif} and {@code github}. */
    protected boolean lintFormats() {
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

    protected static GraphFacts facts(Graft graft) {
        return new GraphFacts(graft.changelog(), graft.heads());
    }
}
