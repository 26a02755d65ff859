package io.graft.cli;

import io.graft.Graft;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every command shares: the global options and context of {@link Main}. */
abstract class GraftCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

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

    /** Runs the command; errors are thrown and reported by {@link ErrorReporter}. */
    protected abstract int execute() throws Exception;

    protected Renderer renderer() {
        return main.renderer();
    }

    protected Output output() {
        return main.output();
    }

    protected Settings settings() {
        return main.settings();
    }

    protected GlobalOptions options() {
        return main.options();
    }

    protected Graft openGraft() {
        return main.openGraft();
    }

    protected static GraphFacts facts(Graft graft) {
        return new GraphFacts(graft.changelog(), graft.heads());
    }
}
