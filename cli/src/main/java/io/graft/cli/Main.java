package io.graft.cli;

import io.graft.Graft;
import io.graft.MigrationListener;
import io.graft.cli.command.CommandContext;
import io.graft.cli.command.Commands;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.JsonRenderer;
import io.graft.cli.render.Output;
import io.graft.cli.render.Renderer;
import io.graft.cli.render.Style;
import io.graft.cli.render.TextRenderer;
import io.graft.cli.secrets.RedactingWriter;
import io.graft.cli.secrets.Redactor;
import io.graft.cli.settings.CacheFolder;
import io.graft.cli.settings.ChangelogFile;
import io.graft.cli.settings.ConfigFile;
import io.graft.cli.settings.CliEnvironment;
import io.graft.cli.settings.EnvironmentDefaults;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import io.graft.cli.settings.SettingsResolver;
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
 * options and what every command shares ({@link CommandContext}: settings, output, the
 * {@link Graft} it opens); the commands themselves are in {@code io.graft.cli.command}, one class
 * each, listed in its table {@link Commands}.
 *
 * <p>The commands are registered with picocli in {@link #addCommands}, not in {@code @Command}:
 * building picocli's model of a command (reflection over its annotations) is most of the CLI's
 * start-up, so a run that names its command on the command line builds only that one (see
 * {@link #invokedCommand}). Help, usage and errors about unknown commands get all of them.
 */
@Command(name = "graft", mixinStandardHelpOptions = true, version = "graft " + Main.VERSION,
        description = "Declarative SQL-file migrations: plain up/down SQL files tied together by one YAML changelog.",
        footer = {"", "Exit codes: 0 done, 1 the database refused or a migration failed, 2 bad usage or an invalid "
                + "changelog, 3 lint found errors, 4 lock timeout, 130/143 up or down stopped by Ctrl-C/SIGTERM."})
public final class Main implements Callable<Integer>, CommandContext {

    static final String VERSION = "0.1.0-SNAPSHOT";

    /** What {@link #invokedCommand} returns for {@code graft --version}: no command is needed. */
    static final String NO_COMMAND = "";

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
        String command = invokedCommand(args);
        // The schema validator's set-up (Graft.prepare) is left to a load that needs it: with the
        // changelog's model kept it is not needed, and it slowed the commands that take the kept
        // model 2-5% (docs/benchmarks.md), costing nothing measurable to one that reads again.
        if (command != null && !command.equals(NO_COMMAND) && Commands.mayConnect(command)) {
            Graft.prepareToConnect();
        }
        int code;
        try {
            code = run(CliEnvironment.system(), out, err, args);
        } catch (OutOfMemoryError e) {
            err.println("graft: error: out of memory (an SQL file too large for the Java heap?); "
                    + "give the JVM more, e.g. GRAFT_JAVA_OPTS=-Xmx2g graft ...");
            code = ExitCodes.FAILED;
        }
        if (CdsTraining.requested()) {
            CdsTraining.loadListedClasses();
            CdsTraining.extractSqliteLibrary();
        }
        System.exit(code);
    }

    /** Runs one command line with the given environment and writers; returns the exit code. */
    public static int run(CliEnvironment environment, Writer out, Writer err, String... args) {
        return run(environment, out, err, false, args);
    }

    /**
     * As {@link #run(CliEnvironment, Writer, Writer, String...)}; {@code allCommands} registers
     * every command even when {@code args} name one (the tests compare both ways).
     */
    static int run(CliEnvironment environment, Writer out, Writer err, boolean allCommands, String... args) {
        Main main = new Main(environment);
        CommandLine commandLine = main.commandLine(out, err, allCommands ? null : args);
        main.registerSecrets(args);
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    /**
     * The configured picocli command line for this instance, with every command: redacting
     * writers, {@code GRAFT_*} defaults, and the one error reporter.
     */
    public CommandLine commandLine(Writer out, Writer err) {
        return commandLine(out, err, null);
    }

    /**
     * As {@link #commandLine(Writer, Writer)}, but with only the command {@code args} invoke when
     * that can be told before parsing ({@link #invokedCommand}); otherwise (and for null) with all.
     * Either way picocli parses, runs and reports exactly as it would with all of them.
     */
    CommandLine commandLine(Writer out, Writer err, String[] args) {
        CommandLine commandLine = new CommandLine(this);
        // Before the settings below: picocli applies them to the commands registered so far.
        addCommands(commandLine, args == null ? null : invokedCommand(args));
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

    /**
     * Registers {@code only} (a command name or alias), no command for {@link #NO_COMMAND}, or
     * every command of the table for null.
     */
    static void addCommands(CommandLine commandLine, String only) {
        if (only == null) {
            for (Commands.Entry command : Commands.all()) {
                register(commandLine, command);
            }
            commandLine.addSubcommand(Commands.HELP, new CommandLine.HelpCommand());
        } else if (!only.equals(NO_COMMAND)) {
            register(commandLine, Commands.find(only).orElseThrow());
        }
    }

    private static void register(CommandLine commandLine, Commands.Entry command) {
        commandLine.addSubcommand(command.name(), command.newCommand(), command.aliases().toArray(new String[0]));
    }

    /**
     * The command (name or alias) {@code args} invoke, told without parsing: the first argument
     * that is neither a global option nor its value. {@link #NO_COMMAND} for a bare
     * {@code --version}. Null whenever it cannot be told for sure or the run needs the list of
     * commands (no command, an unknown one, {@code --help}, an unknown option, {@code --}, an
     * {@code @file}, a clustered or attached short option), so that picocli then sees them all.
     */
    static String invokedCommand(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return null;
            }
        }
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (GlobalOptions.withValue().contains(arg)) {
                if (i + 1 == args.length || !plainValue(args[i + 1])) {
                    return null;
                }
                i++;
            } else if (arg.startsWith("--") && equals > 0
                    && GlobalOptions.withValue().contains(arg.substring(0, equals))) {
                if (!plainValue(arg.substring(equals + 1))) {
                    return null;
                }
            } else if (arg.equals("-V") || arg.equals("--version")) {
                version = true;
            } else if (!GlobalOptions.flags().contains(arg)) {
                return arg.startsWith("-") || Commands.find(arg).isEmpty() ? null : arg;
            }
        }
        return version ? NO_COMMAND : null;
    }

    /**
     * An option's value that picocli takes as such whatever the commands are: picocli refuses one
     * that names a command (and one that looks like an option, kept out for good measure).
     */
    private static boolean plainValue(String value) {
        return !value.startsWith("-") && !Commands.isCommandWord(value);
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

    @Override
    public GlobalOptions options() {
        return options;
    }

    @Override
    public CliEnvironment environment() {
        return environment;
    }

    /** The settings when they were resolved, else null (an error before that cannot be about them). */
    Settings resolvedSettings() {
        return settings;
    }

    Redactor redactor() {
        return redactor;
    }

    @Override
    public Output output() {
        if (output == null) {
            CommandLine commandLine = spec.commandLine();
            output = new Output(commandLine.getOut(), commandLine.getErr(), options.json(), options.quiet(),
                    environment.terminal(), new Style(colour()));
        }
        return output;
    }

    @Override
    public Renderer renderer() {
        if (renderer == null) {
            renderer = options.json() ? new JsonRenderer(output()) : new TextRenderer(output());
        }
        return renderer;
    }

    @Override
    public Settings settings() {
        if (settings == null) {
            settings = new SettingsResolver(environment, redactor).resolve(options);
            if (passwordOnCommandLine) {
                output().notice("graft: warning: a password on the command line is visible to other users of "
                        + "this machine; prefer the environment variable GRAFT_PASSWORD");
            }
        }
        return settings;
    }

    @Override
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Graft openGraft(MigrationListener... more) {
        Settings s = settings();
        MigrationListener progress = renderer().progress();
        Graft graft;
        try {
            Graft.Builder builder = Graft.builder()
                    .changelog(s.changelog())
                    .url(s.url(), s.user(), s.password())
                    .schema(s.schema())
                    .tablePrefix(s.tablePrefix())
                    .lockTimeout(s.lockTimeout())
                    .cacheFolder(CacheFolder.of(environment))
                    .listener(progress);
            for (MigrationListener listener : more) {
                builder.listener(listener);
            }
            if (s.configFile() != null) {
                ConfigFile.load(s.configFile(), s.configFile().getFileName().toString()).drift().apply(builder);
            }
            graft = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        // After the builder's checks of the settings, before anything reads the changelog.
        ChangelogFile.requireExists(s, environment);
        return graft;
    }

    @Override
    public void secret(String value) {
        redactor.addSecret(value);
        redactor.addSecretsOf(value);
    }

    @Override
    public String version() {
        return VERSION;
    }

    private boolean colour() {
        return environment.terminal() && !options.noColor() && environment.variable("NO_COLOR") == null;
    }
}
