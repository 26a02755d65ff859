package io.graft.fleet;

import io.graft.Graft;
import io.graft.Target;
import io.graft.internal.fleet.Scheduler;
import io.graft.internal.fleet.TargetRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One command on many databases: every target gets a {@link Graft} of its own (its own small
 * pool of at most three connections, its own lock, so that two fleet runs never apply a revision
 * twice), at most {@link Builder#parallel(int)} at a time, in waves. No state is kept outside the
 * targets' own history tables: running the same command again touches only the targets that are
 * not yet where the command takes them.
 *
 * <pre>{@code
 * FleetResult result = Graft.fleet()
 *         .changelog(Path.of("db/changelog.yaml"))
 *         .targets(TargetSources.tenants("postgresql://app@db/app", List.of("acme", "globex")))
 *         .parallel(4)
 *         .waves(Waves.parse("1,10%,rest"))
 *         .build()
 *         .upgrade(Target.HEADS);
 * }</pre>
 *
 * <p>A failing target does not stop the others that run; once more than
 * {@link Builder#maxFailures(int)} targets failed, no further target starts, and those left are
 * reported {@link TargetResult.Outcome#SKIPPED}. The changelog, and a target naming a revision,
 * are checked once before any target starts.
 */
public final class Fleet {

    /** What {@link Builder#parallel(int)} is unless set: safe for one database server. */
    public static final int DEFAULT_PARALLEL = 4;

    private final Builder config;
    private final List<FleetTarget> targets;
    private volatile Scheduler scheduler;
    private volatile boolean stopRequested;
    private volatile boolean cancelRequested;

    private Fleet(Builder config, List<FleetTarget> targets) {
        this.config = config;
        this.targets = targets;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The targets this fleet runs on: the list given, after the selection (patterns, shard). */
    public List<FleetTarget> targets() {
        return targets;
    }

    /** {@code up} on every target. */
    public FleetResult upgrade(Target target) {
        return run(TargetRun.Operation.UP, target == null ? Target.HEADS : target);
    }

    /** {@code down} on every target. */
    public FleetResult downgrade(Target target) {
        return run(TargetRun.Operation.DOWN, Objects.requireNonNull(target, "target"));
    }

    /** {@code status} of every target; a target fails only when it cannot be read. */
    public FleetResult status() {
        return run(TargetRun.Operation.STATUS, null);
    }

    /** {@code check} of every target: a target with drift fails. */
    public FleetResult check() {
        return run(TargetRun.Operation.CHECK, null);
    }

    /**
     * {@code graft drift} on every target: its live schema against the one recorded after its
     * last run (or, where none was recorded at the applied revisions, the changelog's, built on a
     * scratch database on {@code devUrl}; null for SQLite). A drifted target fails with a
     * {@link io.graft.SchemaDriftException} that names the differences.
     */
    public FleetResult drift(String devUrl) {
        return run(TargetRun.Operation.DRIFT, null, devUrl);
    }

    /** No further target starts; the running ones finish. Thread-safe; returns at once. */
    public void stop() {
        stopRequested = true;
        Scheduler s = scheduler;
        if (s != null) {
            s.stop();
        }
    }

    /**
     * No further target starts, and each running one is cancelled as {@link Graft#cancel()} does:
     * its running statement is cancelled, its revision rolled back where the database can, and it
     * is reported {@link TargetResult.Outcome#INTERRUPTED}. Thread-safe; returns at once.
     */
    public void cancel() {
        stopRequested = true;
        cancelRequested = true;
        Scheduler s = scheduler;
        if (s != null) {
            s.cancel();
        }
    }

    private FleetResult run(TargetRun.Operation operation, Target target) {
        return run(operation, target, null);
    }

    private FleetResult run(TargetRun.Operation operation, Target target, String devUrl) {
        long start = System.nanoTime();
        try (Graft changelog = checkChangelog(target)) {
            return run(operation, target, devUrl, changelog, start);
        }
    }

    private FleetResult run(TargetRun.Operation operation, Target target, String devUrl, Graft changelog,
            long start) {
        List<List<FleetTarget>> waves = config.waves.split(targets);
        List<Integer> sizes = waves.stream().map(List::size).toList();
        Scheduler s = new Scheduler(config.parallel, config.maxFailures, config.listener);
        scheduler = s;
        if (cancelRequested) {
            s.cancel();
        } else if (stopRequested) {
            s.stop();
        }
        config.listener.started(targets.size(), sizes);
        List<TargetResult> results = s.run(waves,
                (t, wave) -> TargetRun.run(t, wave, operation, target, devUrl,
                        t2 -> graftFor(t2).changelogFrom(changelog), config.listener, s));
        return new FleetResult(operation.word(), target == null ? null : target.text(), results, sizes,
                config.selection.shard(), s.stopped(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The changelog, and a target that names revisions, once for all targets: a typo fails before anything connects. */
    /**
     * The changelog, loaded and checked once for the whole fleet (and {@code target} against it),
     * in a {@link Graft} that every target's shares it from; the caller closes it.
     */
    private Graft checkChangelog(Target target) {
        Graft graft = base().build();
        try {
            graft.validate();
            if (target instanceof Target.Named || target instanceof Target.BranchHead || target instanceof Target.Head) {
                graft.show(target);
            }
            return graft;
        } catch (RuntimeException e) {
            graft.close();
            throw e;
        }
    }

    private Graft.Builder base() {
        Graft.Builder b = Graft.builder().tablePrefix(config.tablePrefix).lockTimeout(config.lockTimeout);
        if (config.changelogLocation != null) {
            b.changelog(config.changelogLocation);
        } else {
            b.changelog(config.changelog);
        }
        config.customizer.accept(b);
        return b;
    }

    private Graft.Builder graftFor(FleetTarget t) {
        Graft.Builder b = base();
        b.url(t.url(), t.user() != null ? t.user() : config.user, t.password() != null ? t.password() : config.password);
        String schema = t.schema() != null ? t.schema() : config.schema;
        if (schema != null) {
            b.schema(schema);
        }
        return b;
    }

    /** The fleet's settings; {@link #build()} checks them and applies the selection. */
    public static final class Builder {
        private Path changelog = Path.of("changelog.yaml");
        private String changelogLocation;
        private final List<FleetTarget> targets = new ArrayList<>();
        private Selection selection = Selection.ALL;
        private int parallel = DEFAULT_PARALLEL;
        private Waves waves = Waves.ONE;
        private int maxFailures = 0;
        private String user;
        private String password;
        private String schema;
        private String tablePrefix = "graft_";
        private Duration lockTimeout = Graft.DEFAULT_LOCK_TIMEOUT;
        private Consumer<Graft.Builder> customizer = b -> { };
        private FleetListener listener = new FleetListener() { };

        private Builder() {
        }

        /** The changelog every target is migrated with. */
        public Builder changelog(Path changelog) {
            this.changelog = Objects.requireNonNull(changelog, "changelog");
            this.changelogLocation = null;
            return this;
        }

        /** The changelog as a path or {@code classpath:} location, see {@link Graft.Builder#changelog(String)}. */
        public Builder changelog(String location) {
            this.changelogLocation = Objects.requireNonNull(location, "changelog");
            return this;
        }

        /** Adds targets; see {@link TargetSources} for lists, files, queries and globs. */
        public Builder targets(List<FleetTarget> targets) {
            this.targets.addAll(targets);
            return this;
        }

        /** Which of the targets run: name patterns and a shard. Default: all. */
        public Builder selection(Selection selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** How many targets run at once (1 to 256); default {@value #DEFAULT_PARALLEL}. Each holds up to 3 connections. */
        public Builder parallel(int parallel) {
            if (parallel < 1 || parallel > 256) {
                throw new IllegalArgumentException("parallel must be 1 to 256, not " + parallel);
            }
            this.parallel = parallel;
            return this;
        }

        public Builder waves(Waves waves) {
            this.waves = Objects.requireNonNull(waves, "waves");
            return this;
        }

        /**
         * How many targets may fail before no further target (and no further wave) starts;
         * default 0: the first failure stops the launching, the running targets finish.
         */
        public Builder maxFailures(int maxFailures) {
            if (maxFailures < 0) {
                throw new IllegalArgumentException("maxFailures must be 0 or more, not " + maxFailures);
            }
            this.maxFailures = maxFailures;
            return this;
        }

        /** Every target runs, whatever fails. */
        public Builder continueOnError() {
            this.maxFailures = -1;
            return this;
        }

        /** User and password for targets whose URL and entry give none. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** The history schema for targets that do not name one (schema-per-tenant targets do). */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
            return this;
        }

        /** How long each target waits for another run's lock before it fails as {@code locked}. */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
            return this;
        }

        /** Anything else for each target's {@link Graft.Builder} (a class loader, a migration listener). */
        public Builder configure(Consumer<Graft.Builder> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        public Builder listener(FleetListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Checks the names (unique) and applies the selection; connects to nothing. */
        public Fleet build() {
            List<io.graft.Problem> duplicates = TargetSources.duplicateNames(targets);
            if (!duplicates.isEmpty()) {
                throw new TargetListException("two targets have one name", duplicates);
            }
            return new Fleet(this, List.copyOf(selection.apply(targets)));
        }
    }
}
