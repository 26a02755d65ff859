package io.graft.cli.command;

import io.graft.GraftException;
import io.graft.Target;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import io.graft.cli.render.FleetView;
import io.graft.cli.settings.CacheFolder;
import io.graft.cli.settings.ChangelogFile;
import io.graft.cli.settings.FleetConfig;
import io.graft.cli.settings.Settings;
import io.graft.cli.signals.FleetSignals;
import io.graft.fleet.Fleet;
import io.graft.fleet.FleetResult;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.Selection;
import io.graft.fleet.Shard;
import io.graft.fleet.TargetListException;
import io.graft.fleet.TargetResult;
import io.graft.fleet.TargetSources;
import io.graft.fleet.Waves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code up|down|status|check --targets ...}: the command on every target of a fleet, with the
 * report of {@link FleetView}. The targets come from graft.yaml's environment NAME, a targets
 * file, or a glob of SQLite files; the command line's {@code --parallel}, {@code --waves} and
 * {@code --max-failures} win over the environment's {@code parallel}, {@code waves} and
 * {@code max_failures}.
 */
final class FleetRun {

    private final CommandContext context;
    private final FleetOptions options;

    FleetRun(CommandContext context, FleetOptions options) {
        this.context = context;
        this.options = options;
    }

    /** Usage error for a fleet option given without {@code --targets}. */
    static void refuseStray(FleetOptions options) {
        String stray = options.strayOption();
        if (stray != null && !options.requested()) {
            throw new UsageException(stray + " goes with --targets: name the databases to run on (an environment of "
                    + "graft.yaml with targets, a targets file, or a glob of SQLite files)");
        }
    }

    /**
     * Runs {@code operation} ({@code up}, {@code down}, {@code status}, {@code check}) to
     * {@code target} (null for status and check) on every target; returns the exit code: 0 when
     * every target succeeded, else the exit code of the failures' family (1 when they differ),
     * 130/143 after Ctrl-C/SIGTERM.
     */
    int run(String operation, Target target) {
        return run(operation, target, null);
    }

    /** @param devUrl for {@code drift}: where targets without a recorded schema build the changelog's */
    int run(String operation, Target target, String devUrl) {
        String value = options.targets.strip();
        if (value.isEmpty()) {
            throw new UsageException("--targets needs a value: an environment of graft.yaml with targets, a targets "
                    + "file, or a glob of SQLite files such as 'tenants/*.db'");
        }
        Path cwd = context.environment().workingDir();
        Path file = cwd.resolve(value);
        boolean isFile = Files.isRegularFile(file);
        boolean isGlob = !isFile && value.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        boolean isEnvironment = !isFile && !isGlob
                && FleetConfig.selectEnvironment(context.options(), context.environment(), value);
        if (!isFile && !isGlob && !isEnvironment) {
            throw new UsageException("--targets " + value + ": there is no file " + value + " and no environment "
                    + value + " in graft.yaml; give a targets file (one URL or JSON object per line), a glob of "
                    + "SQLite files, or the name of an environment that has 'targets:'");
        }
        Settings settings = context.settings();
        FleetConfig config = settings.configFile() == null ? null
                : FleetConfig.of(FleetConfig.load(settings.configFile()), settings.environment(),
                        context.environment()::variableAsSet);
        List<FleetTarget> targets;
        try {
            if (isFile) {
                targets = FleetConfig.inFolder(TargetSources.file(file, value), file.toAbsolutePath().getParent());
            } else if (isGlob) {
                targets = TargetSources.sqliteGlob(cwd, value);
            } else {
                if (config == null || !config.hasTargets()) {
                    throw new UsageException("the environment " + value + " of graft.yaml has no targets: add "
                            + "'targets:' (a list of URLs or a glob), 'targets_file:' or 'targets_query:'");
                }
                targets = config.targets(settings.url(), settings.user(), settings.password());
            }
        } catch (TargetListException e) {
            throw new UsageException(e.getMessage().lines().findFirst().orElse("invalid targets"), e.problems());
        }
        for (FleetTarget t : targets) {
            context.secret(t.password());
            context.secret(t.url());
        }

        int parallel = options.parallel != null ? options.parallel
                : config != null && config.parallel() != null ? config.parallel() : Fleet.DEFAULT_PARALLEL;
        String waves = options.waves != null ? options.waves : config == null ? null : config.waves();
        Integer maxFailures = options.maxFailures != null ? options.maxFailures
                : config == null ? null : config.maxFailures();
        Fleet.Builder builder = Fleet.builder()
                .changelog(settings.changelog())
                .targets(targets)
                .credentials(settings.user(), settings.password())
                .schema(settings.schema())
                .tablePrefix(settings.tablePrefix())
                .lockTimeout(settings.lockTimeout())
                .configure(graft -> graft.cacheFolder(CacheFolder.of(context.environment())));
        try {
            builder.parallel(parallel).waves(Waves.parse(waves))
                    .selection(new Selection(options.only, options.exclude,
                            options.shard == null ? null : Shard.parse(options.shard)));
            if (options.continueOnError) {
                builder.continueOnError();
            } else if (maxFailures != null) {
                builder.maxFailures(maxFailures);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ChangelogFile.requireExists(settings, context.environment());
        FleetView view = FleetView.of(context.output(), operation, parallel);
        Fleet fleet;
        try {
            fleet = builder.listener(view).build();
        } catch (TargetListException e) {
            throw new UsageException(e.getMessage().lines().findFirst().orElse("invalid targets"), e.problems());
        }
        FleetResult result;
        try (FleetSignals signals = FleetSignals.install(context.output()::errorLine)) {
            signals.watch(fleet);
            result = switch (operation) {
                case "up" -> fleet.upgrade(target);
                case "down" -> fleet.downgrade(target);
                case "status" -> fleet.status();
                case "drift" -> fleet.drift(devUrl);
                default -> fleet.check();
            };
            int code = signals.received() != null ? signals.received().exitCode() : exitCode(result);
            view.finished(result, code);
            return code;
        }
    }

    /** 0 when every target succeeded; else the failures' family's exit code, 1 when the families differ. */
    static int exitCode(FleetResult result) {
        if (result.succeeded()) {
            return ExitCodes.OK;
        }
        Set<Integer> codes = new TreeSet<>();
        for (TargetResult r : result.failures()) {
            GraftException error = r.error();
            codes.add(error == null ? ExitCodes.FAILED : ExitCodes.of(error));
        }
        if (codes.isEmpty()) {
            return result.stopped() ? ExitCodes.INTERRUPTED : ExitCodes.FAILED;
        }
        return codes.size() == 1 ? codes.iterator().next() : ExitCodes.FAILED;
    }
}
