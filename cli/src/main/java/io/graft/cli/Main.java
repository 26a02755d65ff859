package io.graft.cli;

import io.graft.Graft;
import io.graft.MigrationListener;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code graft [global options] COMMAND}: the command line of DESIGN §8. Holds the global
 * options and what every command shares (settings, output, the {@link Graft} it opens); the
 * commands themselves are in this package, one class each.
 */
@Command(name = "graft", mixinStandardHelpOptions = true, version = "graft " + Main.VERSION,
        description = "Declarative SQL-file migrations: plain up/down SQL files tied together by one YAML changelog.",
        subcommands = {
            InitCommand.class,
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            CurrentCommand.class,
            HistoryCommand.class,
            HeadsCommand.class,
            BranchesCommand.class,
            ShowCommand.class,
            StampCommand.class,
            ValidateCommand.class,
            CheckCommand.class,
            RepairCommand.class,
            LintCommand.class,
            NewCommand.class,
            MergeCommand.class,
            GraphCommand.class,
        },
        footer = {"", "Exit codes: 0 done, 1 the database refused or a migration failed, 2 bad usage or an invalid "
                + "changelog, 3 lint found errors, 4 lock timeout."})
public final class Main implements Callable<Integer> {

    static final String VERSION = "0.1.0-SNAPSHOT";

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private final Redactor redactor = new Redactor();
    private Output output;
    private Renderer renderer;
    private Settings settings;
    private boolean passwordOnCommandLine;

    public Main() {
        this(CliEnvironment.system());
    }

    public Main(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(CliEnvironment.system(), out, err, args);
        } catch (OutOfMemoryError e) {
            err.println("graft: error: out of memory (an SQL file too large for the Java heap?); "
                    + "give the JVM more, e.g. GRAFT_JAVA_OPTS=-Xmx2g graft ...");
            code = ExitCodes.FAILED;
        }
        System.exit(code);
    }

    /** Runs one command line with the given environment and writers; returns the exit code. */
    public static int run(CliEnvironment environment, Writer out, Writer err, String... args) {
        Main main = new Main(environment);
        CommandLine commandLine = main.commandLine(out, err);
        main.registerSecrets(args);
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    /**
     * The configured picocli command line for this instance: redacting writers, {@code GRAFT_*}
     * defaults, and the one error reporter.
     */
    public CommandLine commandLine(Writer out, Writer err) {
        CommandLine commandLine = new CommandLine(this);
        ErrorReporter reporter = new ErrorReporter(this);
        commandLine.setOut(new PrintWriter(new RedactingWriter(out, redactor), true));
        commandLine.setErr(new PrintWriter(new RedactingWriter(err, redactor), true));
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setParameterExceptionHandler(reporter);
        commandLine.setExitCodeExceptionMapper(new ExitCodes());
        commandLine.setColorScheme(Help.defaultColorScheme(colour() ? Help.Ansi.ON : Help.Ansi.OFF));
        return commandLine;
    }

    /** Without a command: the usage, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Registers the passwords visible before parsing (command line, environment, URLs), so that
     * even a parse error cannot print them. graft.yaml's are added by {@link SettingsResolver}.
     */
    void registerSecrets(String[] args) {
        redactor.addSecret(environment.variable("GRAFT_PASSWORD"));
        redactor.addSecretsOf(environment.variable("GRAFT_URL"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--password") && i + 1 < args.length) {
                redactor.addSecret(args[i + 1]);
                passwordOnCommandLine = true;
            } else if (arg.startsWith("--password=")) {
                redactor.addSecret(arg.substring("--password=".length()));
                passwordOnCommandLine = true;
            }
            redactor.addSecretsOf(arg);
        }
    }

    GlobalOptions options() {
        return options;
    }

    CliEnvironment environment() {
        return environment;
    }

    Redactor redactor() {
        return redactor;
    }

    Output output() {
        if (output == null) {
            CommandLine commandLine = spec.commandLine();
            output = new Output(commandLine.getOut(), commandLine.getErr(), options.json(), options.quiet(),
                    environment.terminal(), new Style(colour()));
        }
        return output;
    }

    Renderer renderer() {
        if (renderer == null) {
            renderer = options.json() ? new JsonRenderer(output()) : new TextRenderer(output());
        }
        return renderer;
    }

    /** The layered settings; read once per run. */
    Settings settings() {
        if (settings == null) {
            settings = new SettingsResolver(environment, redactor).resolve(options);
            if (passwordOnCommandLine) {
                output().notice("graft: warning: a password on the command line is visible to other users of "
                        + "this machine; prefer the environment variable GRAFT_PASSWORD");
            }
        }
        return settings;
    }

    /** A {@link Graft} for the settings, reporting progress to the renderer. */
    Graft openGraft() {
        Settings s = settings();
        MigrationListener progress = renderer().progress();
        try {
            return Graft.builder()
                    .changelog(s.changelog())
                    .url(s.url(), s.user(), s.password())
                    .schema(s.schema())
                    .tablePrefix(s.tablePrefix())
                    .lockTimeout(s.lockTimeout())
                    .listener(progress)
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private boolean colour() {
        return environment.terminal() && !options.noColor() && environment.variable("NO_COLOR") == null;
    }
}
