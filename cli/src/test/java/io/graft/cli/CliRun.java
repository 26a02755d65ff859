package io.graft.cli;

import io.graft.cli.settings.CliEnvironment;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Runs a command line as a user types it, {@code graft -c "my file.yaml" status}: split at
     * blanks outside quotes (single or double), the leading {@code graft} dropped.
     */
    public Result line(String commandLine) {
        List<String> words = words(commandLine);
        if (words.isEmpty() || !words.get(0).equals("graft")) {
            throw new IllegalArgumentException("a command line starts with graft: " + commandLine);
        }
        return run(words.subList(1, words.size()).toArray(new String[0]));
    }

    static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in: " + commandLine);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
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
