package io.graft.cli;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with an injected environment and captured output. */
final class CliRun {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;

    CliRun(Path cwd) {
        this.cwd = cwd;
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    CliEnvironment environment() {
        return new CliEnvironment(env, cwd, terminal);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(environment(), out, err, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Parses {@code args} and resolves the settings, without running a command. */
    Settings settings(String... args) {
        Main main = new Main(environment());
        main.commandLine(new StringWriter(), new StringWriter()).parseArgs(args);
        return main.settings();
    }

    /** Parses {@code args} and returns the global options as picocli filled them. */
    GlobalOptions options(String... args) {
        Main main = new Main(environment());
        main.commandLine(new StringWriter(), new StringWriter()).parseArgs(args);
        return main.options();
    }
}
