package io.graft.cli.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The command table: every command, in the order {@code graft --help} lists them, with its name
 * and aliases (Alembic's, Flyway's and Liquibase's words for the same job). picocli's registration, the argument pre-scan that registers only the invoked
 * command, and the help listing all come from it. A new command is its class and one line here.
 *
 * <p>The names are here, not in each class's {@code @Command}: the pre-scan runs before anything
 * else, and reading an annotation costs Java's annotation machinery (tens of milliseconds) that
 * would delay the work {@code Main} starts on another thread.
 */
public final class Commands {

    private static final List<Entry> ALL = List.of(
            new Entry("init", InitCommand.class),
            new Entry("up", UpCommand.class, "upgrade", "migrate"),
            new Entry("down", DownCommand.class, "downgrade", "rollback"),
            new Entry("status", StatusCommand.class, "info"),
            new Entry("current", CurrentCommand.class),
            new Entry("history", HistoryCommand.class),
            new Entry("heads", HeadsCommand.class),
            new Entry("branches", BranchesCommand.class),
            new Entry("show", ShowCommand.class),
            new Entry("stamp", StampCommand.class, "baseline"),
            new Entry("import", ImportCommand.class),
            new Entry("adopt", AdoptCommand.class),
            new Entry("validate", ValidateCommand.class),
            new Entry("check", CheckCommand.class),
            new Entry("repair", RepairCommand.class),
            new Entry("lint", LintCommand.class),
            new Entry("new", NewCommand.class, "revision"),
            new Entry("merge", MergeCommand.class),
            new Entry("graph", GraphCommand.class),
            new Entry("diff", DiffCommand.class),
            new Entry("test", TestCommand.class),
            new Entry("drift", DriftCommand.class),
            new Entry("squash", SquashCommand.class));

    /** The commands that never open a database connection, by name. */
    private static final Set<String> OFFLINE = Set.of("init", "heads", "branches", "validate", "lint", "new", "merge",
            "graph");

    /**
     * {@code graft help CMD}, picocli's own help command: registered beside the table's commands
     * whenever every command is, and never alone (it needs the others to print their help).
     */
    public static final String HELP = "help";

    private Commands() {
    }

    /** One command of the table: what it is called on the command line, and its class. */
    public record Entry(String name, Class<? extends GraftCommand> type, List<String> aliases) {

        public Entry {
            aliases = List.copyOf(aliases);
        }

        Entry(String name, Class<? extends GraftCommand> type, String... aliases) {
            this(name, type, List.of(aliases));
        }

        public boolean isCalled(String word) {
            return name.equals(word) || aliases.contains(word);
        }

        /** A new instance, for picocli to register under the name and aliases. */
        public Callable<Integer> newCommand() {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the " + name + " command", e);
            }
        }
    }

    /**
     * Whether the command named {@code nameOrAlias} may connect to a database: false only for the
     * commands known never to, so that they do not warm up what a connection needs.
     */
    public static boolean mayConnect(String nameOrAlias) {
        return find(nameOrAlias).map(entry -> !OFFLINE.contains(entry.name())).orElse(true);
    }

    /** Every command, in the order of {@code graft --help}. */
    public static List<Entry> all() {
        return ALL;
    }

    /**
     * True for every word picocli takes as a command when every command is registered: the
     * table's names and aliases, and {@link #HELP}.
     */
    public static boolean isCommandWord(String word) {
        return HELP.equals(word) || find(word).isPresent();
    }

    /** The command with this name or alias. */
    public static Optional<Entry> find(String nameOrAlias) {
        for (Entry command : ALL) {
            if (command.isCalled(nameOrAlias)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
