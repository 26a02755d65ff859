package io.graft.cli;

import io.graft.cli.settings.CliEnvironment;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with an injected environment and captured output; the tests of every package use it. */
public final class CliRun {

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;

    public CliRun(Path cwd) {
        this.cwd = cwd;
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    public CliEnvironment environment() {
        return new CliEnvironment(env, cwd, terminal);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(environment(), out, err, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Parses {@code args} and resolves the settings, without running a command. */
    public Settings settings(String... args) {
        Main main = new Main(environment());
        main.commandLine(new StringWriter(), new StringWriter()).parseArgs(args);
        return main.settings();
    }

    /** Parses {@code args} and returns the global options as picocli filled them. */
    public GlobalOptions options(String... args) {
        Main main = new Main(environment());
        main.commandLine(new StringWriter(), new StringWriter()).parseArgs(args);
        return main.options();
    }
}
