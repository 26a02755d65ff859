package io.graft;

import io.graft.internal.dialect.Connections;
import io.graft.internal.dialect.Pools;
import io.graft.changelog.Changelog;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.ChangelogLocation;
import io.graft.changelog.DialectId;
import io.graft.internal.changelog.FileChecks;
import io.graft.internal.changelog.KeptChangelog;
import io.graft.internal.changelog.KnownChecksums;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.dialect.HistoryTables;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.verify.DriftIgnore;
import io.graft.internal.verify.RecordedSchemas;
import io.graft.internal.graph.Planner;
import io.graft.Target;
import io.graft.internal.graph.RevisionGraph;
import io.graft.internal.graph.TargetResolver;
import io.graft.internal.migrate.Cancellation;
import io.graft.internal.migrate.Migrator;
import java.util.Set;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.HashSet;
import io.graft.internal.history.HistoryStore.SchemaRecord;
import io.graft.internal.schema.Schema;
import javax.sql.DataSource;

/**
 * The public entry point. Build one per changelog and database; it holds no static state, and
 * opens a connection only for the operations that need one (validate, heads, branches and show
 * of a non-relative target never touch the database).
 *
 * <pre>{@code
 * try (Graft graft = Graft.builder()
 *         .changelog(Path.of("db/changelog.yaml"))
 *         .url("jdbc:postgresql://localhost/app", "app", System.getenv("DB_PASSWORD"))
 *         .build()) {
 *     graft.upgrade(Target.HEADS);
 * }
 * }</pre>
 *
 * <p>The facade is most of the public API, so most of its length is documentation; the work is
 * delegated to the internal packages (loading, graph, migrate, lint, authoring, render).
 */
public final class Graft implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:sqlite:graft.db";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final Config config;
    private final Connections connections;
    private final Cancellation cancellation = new Cancellation();
    private LoadedChangelog loaded;
    /** True once {@link #sharedLoad()} handed {@link #loaded} out: it is then never reloaded. */
    private boolean shared;
    private Migrator migrator;

    private Graft(Config config) {
        this.config = config;
        this.connections = new Connections(config.dataSource(), config.url(), config.user(), config.password());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts, on a thread of its own, the once-per-process set-up that loading a changelog needs
     * (the JSON Schema validator), so that a load that follows finds it ready or nearly. Optional:
     * a load that reads a changelog starts it anyway, and one that takes a kept model
     * ({@link Builder#cacheFolder}) does not need it, which is why the command line does not call it.
     */
    public static void prepare() {
        ChangelogLoader.prepare();
    }

    /**
     * Starts, on a thread of its own, the once-per-process set-up that a first connection needs
     * whatever the database (the Java runtime's calendar data and its secure random source), so
     * that a connection that follows finds it ready or nearly. Optional: a command line that will
     * connect calls it before parsing its arguments.
     */
    public static void prepareToConnect() {
        Pools.prepareRuntime();
    }

    /** Loads and validates the changelog and its graph, opening no SQL file (no database); {@link #validate()} checks the files too. */
    public Changelog changelog() {
        return loaded(FileChecks.NONE).changelog();
    }

    /** Loads and validates the changelog and every file it names (no database); throws {@link ChangelogException} listing all problems. */
    public Changelog validate() {
        return loaded(FileChecks.FULL).changelog();
    }

    /** The changelog's heads, in changelog order (no database). */
    public List<Revision> heads() {
        return loaded(FileChecks.NONE).graph().heads();
    }

    /** The labelled branches (no database). */
    public List<Branch> branches() {
        return loaded(FileChecks.NONE).graph().branches();
    }

    /** The revision a target names; only relative targets ({@code +1}, {@code -2}, {@code ID+1}) read the database. */
    public Revision show(String target) {
        return show(Target.parse(target));
    }

    /** {@link #show(String)}, for a target already parsed. */
    public Revision show(Target target) {
        boolean relative = target instanceof Target.Relative || target instanceof Target.Offset
                || target instanceof Target.BranchRelative;
        Set<String> applied = relative ? reader(FileChecks.NONE, null).appliedIds() : Set.of();
        return new TargetResolver(loaded(FileChecks.NONE).graph()).resolveOne(target, applied);
    }

    /**
     * Changelog revisions newest first, optionally limited by a range {@code FROM:TO} of targets
     * (either side may be empty; both ends included), e.g. {@code base:head}, {@code 0003:}.
     */
    public List<Revision> history(String range) {
        return new Planner(loaded(FileChecks.NONE).graph()).history(range);
    }

    /** Applies every revision of the changelog that is not applied yet (the target {@code heads}). */
    public RunResult upgrade() {
        return upgrade(Target.HEADS);
    }

    /** Applies everything up to {@code target} ({@code null} means {@code heads}); the target is parsed first. */
    public RunResult upgrade(String target) {
        return upgrade(target == null ? Target.HEADS : Target.parse(target));
    }

    /** Applies everything up to {@code target}. */
    public RunResult upgrade(Target target) {
        return migrator(FileChecks.FULL, target).upgrade(target);
    }

    /**
     * The SQL {@link #upgrade(String)} would run, as a script for the database's own client
     * (statements, transaction boundaries, history writes). With {@code from}, the database is taken
     * to be at that target and no connection is made; without it the history is read.
     */
    public String upgradeSql(String target, String from) {
        return upgradeSql(target == null ? Target.HEADS : Target.parse(target), from == null ? null : Target.parse(from));
    }

    /** {@link #upgradeSql(String, String)}, for targets already parsed; {@code from} may be null. */
    public String upgradeSql(Target target, Target from) {
        return scriptMigrator(target, from).script(Direction.UP, target, from);
    }

    /** Like {@link #upgradeSql(String, String)}, for {@link #downgrade(String)}. */
    public String downgradeSql(String target, String from) {
        return downgradeSql(Target.required(target, "down"), from == null ? null : Target.parse(from));
    }

    /** {@link #downgradeSql(String, String)}, for targets already parsed; {@code from} may be null. */
    public String downgradeSql(Target target, Target from) {
        return scriptMigrator(target, from).script(Direction.DOWN, target, from);
    }

    /** Reverts every applied descendant of {@code target}; {@code base} reverts everything. */
    public RunResult downgrade(String target) {
        return downgrade(Target.required(target, "down"));
    }

    /** {@link #downgrade(String)}, for a target already parsed. */
    public RunResult downgrade(Target target) {
        return migrator(FileChecks.FULL, target).downgrade(target);
    }

    /**
     * Continues revision {@code revisionId} (its id, or a target that names it: a unique prefix,
     * the name part of a timestamped id), left {@code running} by an upgrade outside a
     * transaction ({@code transaction: false}, DDL on MySQL/MariaDB) that stopped part way, from
     * the first statement that did not complete; it is then applied. Only that revision runs.
     * Refused, with the reason, when the row is not running, was being reverted, or the up file
     * changed before the point where the run stopped.
     */
    public RunResult resume(String revisionId) {
        Objects.requireNonNull(revisionId, "revisionId");
        return migrator().resume(resumeId(revisionId));
    }

    /**
     * The id {@link #resume} is given, or the revision it names as a target (a unique prefix, the
     * name part of a timestamped id); as given when it names none, so that the error is about the
     * history (a row the changelog no longer declares can still be named).
     */
    private String resumeId(String text) {
        RevisionGraph graph = loaded(FileChecks.NONE).graph();
        if (graph.find(text).isPresent()) {
            return text;
        }
        try {
            Target target = Target.parse(text);
            if (target instanceof Target.Relative || target instanceof Target.Offset
                    || target instanceof Target.BranchRelative) {
                return text;
            }
            return new TargetResolver(graph).resolveOne(target, Set.of()).id();
        } catch (TargetException e) {
            return text;
        }
    }

    /** Records {@code target} and its ancestors as applied (and its descendants as not), running no SQL. */
    public RunResult stamp(String target) {
        return stamp(Target.required(target, "stamp"));
    }

    /** {@link #stamp(String)}, for a target already parsed. */
    public RunResult stamp(Target target) {
        return migrator(FileChecks.FULL, target).stamp(target);
    }

    /**
     * Writes a changelog, its SQL files and an import manifest from another tool's project
     * ({@code graft import TOOL DIR}); needs no database. Throws {@link ChangelogException} with
     * every construct that cannot be imported, unless the request skips them.
     */
    public static ImportResult importChangelog(ImportRequest request) {
        return io.graft.internal.importer.Importer.run(request);
    }

    /**
     * Compares two schemas ({@code graft diff}): each source a database, a changelog (at a
     * revision) or SQL files of the desired state, built in a scratch database. Returns the changes
     * from {@code from} to {@code to} and their SQL; changes nothing in either source. Throws
     * {@link DatabaseUrlException} for a source that names nothing usable, {@link MigrationException}
     * when a database refuses (naming the file and line of a failing statement), and
     * {@link ChangelogException} for an invalid changelog.
     */
    public static SchemaDiffResult diff(SchemaDiffRequest request) {
        return io.graft.internal.schema.DiffRun.run(request);
    }

    /**
     * Proves every revision of a changelog on a scratch database ({@code graft test}): up, down and
     * up again, each compared with the schema before and after; the parent branches of every merge
     * in each order the graph allows; each revision's {@code test} file after its up. Returns every
     * failure, not only the first ({@link MigrationTestReport#failed()}). Throws
     * {@link ChangelogException} for an invalid changelog, {@link TargetException} for an unknown
     * {@code from}, {@link DatabaseUrlException} when no scratch database can be had (a PostgreSQL
     * or MySQL changelog without a dev URL), and {@link MigrationException} when the dev URL's server
     * refuses to create it.
     */
    public static MigrationTestReport test(MigrationTestRequest request) {
        return io.graft.internal.verify.MigrationTester.run(request);
    }

    /**
     * {@code graft squash}: replaces {@code request.through()} and every revision it needs by one
     * revision whose up file is the schema at that point, proven on a scratch database before the
     * changelog is rewritten; see {@link SquashRequest}. Throws {@link ChangelogException} for a
     * changelog that does not load, {@link TargetException} for an unknown revision,
     * {@link DatabaseUrlException} when a dialect needs a dev URL, {@link MigrationException} when
     * the squash is refused (a branch leaves the squashed line, objects the model cannot write).
     */
    public static SquashResult squash(SquashRequest request) {
        return io.graft.internal.verify.Squasher.run(request);
    }

    /** The tools {@link #importChangelog(ImportRequest)} and {@link #adopt(String)} know, by the names they take. */
    public static List<String> importTools() {
        return io.graft.internal.importer.Importer.TOOLS;
    }

    /**
     * Records as applied, running no SQL, the revisions that {@code tool}'s history table in this
     * database says it applied ({@code graft adopt --from TOOL}); the other tool's table is only
     * read. Needs the manifest {@code graft import} wrote beside the changelog. Throws
     * {@link MigrationException} naming the row when that history has a failed migration, one the
     * changelog lacks, or a checksum that differs from the imported file.
     */
    public AdoptResult adopt(String tool) {
        String name = tool.toLowerCase(java.util.Locale.ROOT);
        if (!io.graft.internal.importer.Importer.TOOLS.contains(name)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(config.changelog().toString()),
                    "cannot adopt from '" + tool + "'", "known tools: "
                            + String.join(", ", io.graft.internal.importer.Importer.TOOLS)));
        }
        io.graft.internal.importer.ImportManifest manifest =
                io.graft.internal.importer.ImportManifest.read(config.changelog(), name);
        Migrator m = migrator();
        io.graft.internal.importer.HistoryAdoption adoption =
                io.graft.internal.importer.Importer.adoption(name, manifest);
        List<io.graft.internal.importer.HistoryAdoption.Adopted> seen = new java.util.ArrayList<>();
        RunResult run = m.adopt(c -> {
            io.graft.internal.importer.HistoryAdoption.Adopted r = adoption.adopt(c, m.dialect());
            seen.add(r);
            return r.ids();
        }, "adopted from " + name + "'s " + manifest.table());
        io.graft.internal.importer.HistoryAdoption.Adopted r = seen.get(0);
        return new AdoptResult(name, r.rows(), run, r.pending());
    }

    /**
     * A fleet: one command on many databases, with bounded parallelism, waves and a report per
     * target; see {@link io.graft.fleet.Fleet}.
     */
    public static io.graft.fleet.Fleet.Builder fleet() {
        return io.graft.fleet.Fleet.builder();
    }

    /** Empties {@code graft_revisions}. */
    public RunResult stampPurge() {
        return migrator().stampPurge();
    }

    /**
     * The changelog against the database. Like every read ({@link #check()}, {@link #log(int)},
     * a relative {@link #show(String)}, {@link #graph(GraphFormat, boolean)} with the database, the
     * SQL of a run without {@code from}), it creates no database: an SQLite file that does not
     * exist yet has nothing applied, and stays absent ({@link #databaseExists()}).
     */
    public Status status() {
        return status(true);
    }

    /**
     * {@link #status()}, comparing the live schema with the one recorded after the last run only
     * when {@code schema} is true (that reads the database's catalog); otherwise
     * {@link Status#schema()} is {@link SchemaState#NOT_CHECKED}.
     */
    public Status status(boolean schema) {
        Status status = reader(FileChecks.FULL, null).status();
        if (!schema || !config.recordSchema() || connections.databaseMissing()) {
            return status;
        }
        Migrator m = migrator();
        try (Connection c = connections.dataSource().getConnection()) {
            // The applied set of the status just read, not a second read of the history.
            Set<String> applied = new HashSet<>();
            status.completed().forEach(row -> applied.add(row.id()));
            return status.withSchema(recordedSchemas(m.dialect()).check(c, applied));
        } catch (SQLException e) {
            throw new MigrationException("cannot compare the database's schema with the one recorded: "
                    + e.getMessage(), null, e.getSQLState(), e);
        }
    }

    private RecordedSchemas recordedSchemas(Dialect dialect) {
        return new RecordedSchemas(dialect.id(), new HistoryStore(dialect, new HistoryTables(config.schema(),
                config.tablePrefix())), config.schema(), config.tablePrefix(), config.driftIgnore());
    }

    /**
     * What the database holds, opening no SQL file: the history rows, the current revisions and
     * the heads of {@link #status()}, for what shows no more (the current revisions, a history
     * marked with them). No checksum is verified, so {@code drift} is always empty, and
     * {@code pending} leaves out repeatable revisions whose file changed; {@link #status()} has both.
     */
    public Status applied() {
        return reader(FileChecks.NONE, null).applied();
    }

    /**
     * False when the URL names an SQLite file that does not exist yet (the first {@code upgrade}
     * or {@code stamp} creates it; reads take it as empty and leave it absent). True otherwise,
     * for a server or a given DataSource as well; connects to nothing.
     */
    public boolean databaseExists() {
        return !connections.databaseMissing();
    }

    /**
     * The live schema against the changelog ({@code graft drift --against changelog}): the schema
     * the changelog gives at the revisions this database has applied, built on a scratch database
     * ({@code devUrl}: a server on which Graft may create and drop one; null for SQLite, which uses
     * a temporary file), compared object by object with the schema read from the database. Graft's
     * history tables are left out.
     */
    public SchemaDriftReport schemaDrift(String devUrl) {
        return schemaDrift(SchemaDriftReport.Baseline.CHANGELOG, devUrl);
    }

    /**
     * The live schema against {@code baseline} ({@code graft drift}): the schema recorded after the
     * last run ({@link SchemaDriftReport.Baseline#RECORDED}), or the changelog's at the applied
     * revisions; null: the recorded one when it was recorded at the revisions applied now, else the
     * changelog's. Objects matched by {@link Builder#driftIgnore} are left out (and counted).
     *
     * @throws MigrationException when {@code RECORDED} is asked for and there is no such record
     */
    public SchemaDriftReport schemaDrift(SchemaDriftReport.Baseline baseline, String devUrl) {
        Migrator m = reader(FileChecks.FULL, null);
        Set<String> applied = m.appliedIds();
        Schema live;
        RecordedSchemas recorded = recordedSchemas(m.dialect());
        Optional<SchemaRecord> record = Optional.empty();
        if (connections.databaseMissing()) {
            live = Schema.empty(m.dialect().id(), "main");
        } else {
            try (Connection c = connections.dataSource().getConnection()) {
                live = recorded.readLive(c);
                if (baseline != SchemaDriftReport.Baseline.CHANGELOG) {
                    record = recorded.latest(c);
                }
            } catch (SQLException e) {
                throw new MigrationException("cannot read the database's schema: " + e.getMessage(), null,
                        e.getSQLState(), e);
            }
        }
        boolean current = record.isPresent() && record.get().standsFor(applied);
        if (baseline == SchemaDriftReport.Baseline.RECORDED && !current) {
            throw new MigrationException(Hints.append(record.isEmpty()
                    ? "no schema is recorded in this database: 'graft up' records one after each run that changes"
                            + " something (unless drift.record is false)"
                    : "the newest recorded schema (" + record.get().recordedAt() + ") is of revisions "
                            + String.join(", ", record.get().revisions()) + ", not of those applied now ("
                            + String.join(", ", new TreeSet<>(applied)) + ")",
                    "compare with the changelog instead: 'graft drift --against changelog'"));
        }
        if (current) {
            return recorded.compare(record.get(), live);
        }
        return io.graft.internal.verify.SchemaDrift.compare(loaded(FileChecks.FULL), applied, live,
                m.dialect().id(), devUrl, config.driftIgnore());
    }

    /** Like {@link #status()} (without the schema comparison), but throws {@link DriftException} when there is drift. */
    public Status check() {
        Status status = status(false);
        if (!status.drift().isEmpty()) {
            throw new DriftException(status);
        }
        return status;
    }

    /** Accepts the current checksums of every applied revision whose file changed; returns the ids updated. */
    public List<String> repairChecksums() {
        return migrator().repairChecksums();
    }

    /** Resolves a revision left {@code running}. */
    public void repair(String revisionId, RepairAction action) {
        migrator().repair(revisionId, action);
    }

    /** The newest {@code limit} rows of {@code graft_log}, newest first. */
    public List<LogEntry> log(int limit) {
        return reader(FileChecks.NONE, null).log(limit);
    }

    // ---- authoring and CI: lint, new, merge, graph (no database unless asked) ---------------

    /**
     * Lints the changelog and its SQL without a database; never throws for a bad changelog (its
     * problems become findings). Throws {@link ChangelogException} only when {@code --base} cannot
     * be read (not a git repository, unknown ref).
     */
    public LintReport lint(LintOptions options) {
        return io.graft.internal.lint.Linter.lint(config.changelog(), options);
    }

    /** {@link #lint(LintOptions)} with every rule at its default severity, no base ref, and the SQL's dialect guessed. */
    public LintReport lint() {
        return lint(LintOptions.defaults());
    }

    /** Writes the SQL stubs of a new revision and appends it to the changelog, keeping the file's text. */
    public CreatedRevision newRevision(NewRevision request) {
        requireEditable();
        return new io.graft.internal.authoring.RevisionAuthor(config.changelog(), java.time.Clock.systemUTC()).create(request);
    }

    /**
     * Writes a new revision whose SQL is generated ({@code graft new --autogenerate}): the up file
     * takes the changelog's schema at the revision's parents to {@code request.to()}, the down file
     * takes it back, each built on a scratch database; appended as {@link #newRevision} appends.
     * Writes nothing when the schemas are equal ({@link AutogenerateResult#nothingToGenerate()}).
     * Throws {@link TargetException} when the changelog has several heads and no parent is given,
     * {@link DatabaseUrlException} for a {@code to} or dev URL that names nothing usable, and
     * {@link MigrationException} when a scratch database refuses the changelog or the desired schema.
     */
    public AutogenerateResult autogenerate(AutogenerateRequest request) {
        requireEditable();
        return new io.graft.internal.authoring.Autogenerator(config.changelog(), java.time.Clock.systemUTC())
                .run(request);
    }

    /** Writes a merge revision of {@code request.parents()}, or of every head when none are given. */
    public CreatedRevision merge(NewRevision request) {
        requireEditable();
        return new io.graft.internal.authoring.RevisionAuthor(config.changelog(), java.time.Clock.systemUTC()).merge(request);
    }

    /** A changelog in a jar is read, never written: a new revision goes into the source tree. */
    private void requireEditable() {
        if (ChangelogLocation.readOnly(config.changelog())) {
            throw new ChangelogException(Problem.at(SourceSpan.file(config.changelog().toUri().toString()),
                    "the changelog is inside a jar and cannot be edited",
                    "run 'graft new' on the changelog in your source tree (src/main/resources/...)"));
        }
    }

    /**
     * The graph as Mermaid or DOT; with {@code withDatabase}, applied revisions are filled and
     * pending ones dashed (this reads the database).
     */
    public String graph(GraphFormat format, boolean withDatabase) {
        Set<String> applied = withDatabase ? reader(FileChecks.NONE, null).appliedIds() : null;
        return io.graft.internal.render.GraphRenderer.render(loaded(FileChecks.NONE).graph(), format, applied);
    }

    /**
     * Stops the {@code upgrade} or {@code downgrade} that runs on another thread, as soon as the
     * database allows: the statement running on the server is cancelled ({@code Statement.cancel()}),
     * its revision is rolled back where the database can (PostgreSQL, SQLite; on MySQL/MariaDB a
     * revision with DDL keeps the statements that completed, recorded as {@code running}), no
     * further revision starts, and the run throws {@link MigrationInterruptedException} saying
     * what was applied and what was not. Thread-safe; returns at once. It stays in force: a run
     * started later on this instance stops before its first revision. A run waiting for the
     * migration lock notices it only once it holds the lock.
     */
    public void cancel() {
        cancellation.cancel();
    }

    /** Closes the connection pool Graft created from a URL; a given DataSource is left open. */
    @Override
    public synchronized void close() {
        connections.close();
        migrator = null;
        known().save();
    }

    /** The checksums computed before, kept in {@link Builder#cacheFolder(Path)}; none without one. */
    private KnownChecksums known() {
        return config.cacheFolder() == null ? KnownChecksums.NONE : KnownChecksums.in(config.cacheFolder(), config.changelog());
    }

    /** The changelog's model read before, kept in {@link Builder#cacheFolder(Path)}; none without one. */
    private KeptChangelog kept() {
        return config.cacheFolder() == null ? KeptChangelog.NONE : KeptChangelog.in(config.cacheFolder(), config.changelog());
    }

    /**
     * The changelog and its graph, loaded once, or {@link ChangelogException} with every problem.
     * Commands that run no SQL (heads, branches, show, history, graph) ask for
     * {@link FileChecks#NONE} and open no SQL file; the others ask for {@code FULL}, once each,
     * and the files are then checked. The sources' bytes and checksums serve one command: the
     * first uses what the checks read, later ones read the files again (they may have changed).
     */
    private synchronized LoadedChangelog loaded(FileChecks checks) {
        if (config.changelogFrom() != null) {
            return config.changelogFrom().sharedLoad();
        }
        if (loaded == null) {
            loaded = ChangelogLoader.loadGraph(config.changelog(), checks, known(), kept());
        } else if (checks == FileChecks.FULL) {
            LoadedChangelog before = loaded;
            loaded = loaded.withFileChecks();
            if (loaded == before) {
                loaded.sources().forget();
            }
        }
        return loaded.orThrow();
    }

    /**
     * The changelog loaded once, files checked, for other {@code Graft}s to use as it is
     * ({@link Builder#changelogFrom}): the files are read once for all of them, not again per command.
     */
    private synchronized LoadedChangelog sharedLoad() {
        if (loaded == null || !shared) {
            loaded = (loaded == null ? ChangelogLoader.loadGraph(config.changelog(), FileChecks.FULL, known(), kept()) : loaded)
                    .withFileChecks();
            shared = true;
        }
        return loaded.orThrow();
    }

    /**
     * The migrator, with the changelog loaded and the database connected. Both take a while (a
     * JVM loads the YAML, schema and driver classes; the database wants a network round trip or
     * three), and neither needs the other, so the first connections are opened on another thread
     * while this one loads the changelog. A bad changelog, and a {@code target} that names nothing
     * in it, are still reported first (before a lock or a history read, and whatever the database
     * holds), and the pool opened for nothing is closed.
     *
     * @param target the target of the run, checked against the graph; null when there is none
     */
    private Migrator migrator() {
        return migrator(FileChecks.FULL, null);
    }

    private synchronized Migrator migrator(FileChecks checks, Target target) {
        if (loaded == null) {
            connections.startOpening();
        }
        LoadedChangelog l;
        try {
            l = loaded(checks);
            checkNames(target);
        } catch (RuntimeException | Error e) {
            connections.abandonOpening();
            throw e;
        }
        if (migrator == null) {
            DataSource ds = connections.dataSource();
            Dialect dialect = config.url() != null ? Dialects.forUrl(config.url()) : Dialects.forDataSource(ds);
            requireCovered(l.changelog(), dialect);
            HistoryTables tables = new HistoryTables(config.schema(), config.tablePrefix());
            migrator = new Migrator(l.changelog(), l.sources(), l.graph(), dialect, ds, tables, config.lockTimeout(),
                    config.listeners(), cancellation,
                    config.recordSchema() ? recordedSchemas(dialect) : Migrator.AfterRun.NONE);
        }
        return migrator;
    }

    /**
     * The migrator for operations that only read the database. For an SQLite file that does not
     * exist yet, one that never connects (connecting would create the file) and reads an empty
     * history; it is not kept, so that a run that follows creates the database.
     */
    private Migrator reader(FileChecks checks, Target target) {
        if (!connections.databaseMissing()) {
            return migrator(checks, target);
        }
        LoadedChangelog l = loaded(checks);
        checkNames(target);
        Dialect dialect = Dialects.forUrl(config.url());
        requireCovered(l.changelog(), dialect);
        return new Migrator(l.changelog(), l.sources(), l.graph(), dialect, null,
                new HistoryTables(config.schema(), config.tablePrefix()), config.lockTimeout(), config.listeners(),
                cancellation);
    }

    /** For offline scripts from a known state: a migrator that never connects. */
    private Migrator scriptMigrator(Target target, Target from) {
        if (from == null || config.url() == null) {
            return reader(FileChecks.FULL, target);
        }
        LoadedChangelog l = loaded(FileChecks.FULL);
        checkNames(target);
        checkNames(from);
        Dialect dialect = Dialects.forUrl(config.url());
        requireCovered(l.changelog(), dialect);
        return new Migrator(l.changelog(), l.sources(), l.graph(), dialect, null,
                new HistoryTables(config.schema(), config.tablePrefix()), config.lockTimeout(), config.listeners(),
                cancellation);
    }

    /** Every name in {@code target} against the graph: no database needed, so a typo costs no connection. */
    private void checkNames(Target target) {
        if (target != null) {
            new TargetResolver(loaded(FileChecks.NONE).graph()).checkNames(target);
        }
    }

    /** A changelog that declares its dialects runs only on those. */
    private static void requireCovered(Changelog changelog, Dialect dialect) {
        if (!changelog.dialects().isEmpty() && !changelog.dialects().contains(dialect.id())) {
            throw new ChangelogException(Problem.at(SourceSpan.file(changelog.file().toString()),
                    "the changelog declares dialects " + changelog.dialects().stream().map(DialectId::key).sorted().toList()
                            + ", not " + dialect.id().key(),
                    "add '" + dialect.id().key() + "' to 'dialects:' and give each revision a file for it"));
        }
    }

    Config config() {
        return config;
    }

    /** Immutable configuration, checked by {@link Builder#build()}; {@code url} is the JDBC URL, user info taken out. */
    record Config(Path changelog, DataSource dataSource, String url, String user, String password,
            String schema, String tablePrefix, Duration lockTimeout, List<MigrationListener> listeners,
            boolean recordSchema, DriftIgnore driftIgnore, Graft changelogFrom, Path cacheFolder) {
    }

    public static final class Builder {
        private Path changelog = Path.of("changelog.yaml");
        private String location;
        private ClassLoader classLoader;
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String schema;
        private boolean recordSchema = true;
        private Path cacheFolder;
        private Graft changelogFrom;
        private List<String> driftIgnore = List.of();
        private String tablePrefix = "graft_";
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private final List<MigrationListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The changelog file; its SQL files are named relative to its folder. Default {@code changelog.yaml}. */
        public Builder changelog(Path changelog) {
            this.changelog = Objects.requireNonNull(changelog, "changelog");
            this.location = null;
            return this;
        }

        /**
         * The changelog as a file path or a class-path resource: {@code "classpath:db/changelog.yaml"}
         * is looked up with {@link #classLoader(ClassLoader)} (default: the thread's context class
         * loader) in a folder, a jar or a jar inside a jar, and its SQL files are read next to it.
         * Checksums are those of the same files on disk. A class-path changelog can be run, not
         * edited ({@code newRevision} and {@code merge} refuse it).
         */
        public Builder changelog(String location) {
            this.location = Objects.requireNonNull(location, "changelog");
            this.changelog = null;
            return this;
        }

        /**
         * The changelog at a URI: {@code file:}, {@code jar:file:...!/db/changelog.yaml}, or any
         * scheme an installed file-system provider serves (Spring Boot's {@code jar:nested:}); the
         * hook for resource loaders that hand out URIs, such as Spring's {@code Resource.getURI()}.
         */
        public Builder changelog(java.net.URI uri) {
            Objects.requireNonNull(uri, "changelog");
            return changelog(ChangelogLocation.resolve(uri));
        }

        /** The class loader that {@code classpath:} changelog locations are looked up with. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * The database, by any URL {@link DatabaseUrl} reads: JDBC ({@code jdbc:postgresql:},
         * {@code jdbc:mysql:}, {@code jdbc:mariadb:}, {@code jdbc:sqlite:}) or libpq/SQLAlchemy
         * ({@code postgresql://app:secret@db/app}, {@code mysql://...}, {@code sqlite:///app.db}).
         * A URL Graft cannot use is a {@link DatabaseUrlException} at {@link #build()}.
         */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * {@link #url(String)} with a user and a password (each may be null); a user or password
         * written in the URL itself takes precedence, as a JDBC URL's {@code ?user=} does.
         */
        public Builder url(String url, String user, String password) {
            this.url = Objects.requireNonNull(url, "url");
            this.user = user;
            this.password = password;
            return this;
        }

        /** The schema (PostgreSQL) or database (MySQL) that holds the history tables; default: the connection's. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Prefix of the history tables, default {@code graft_}. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
            return this;
        }

        public Builder listener(MigrationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Whether a run that changed the database records its schema ({@code graft_schema}: a hash
         * and the model), which {@link #status()} and {@link #schemaDrift} compare with; default true.
         */
        /**
         * Uses the changelog {@code other} loads (read and checked once, then shared as it is)
         * instead of loading it again: for many databases migrated with one changelog (a fleet),
         * whose files are then read once for all. {@code other} must stay open while this one is
         * used; its changelog setting wins over this builder's.
         */
        public Builder changelogFrom(Graft other) {
            this.changelogFrom = Objects.requireNonNull(other, "other");
            return this;
        }

        public Builder recordSchema(boolean record) {
            this.recordSchema = record;
            return this;
        }

        /**
         * A folder where what reading a changelog worked out is kept between runs, and found again
         * by content, so that it is not worked out again:
         * <ul>
         * <li>the SHA-256 checksums of SQL files, found by the files' length and two CRCs (on a JVM
         * that compiles with C1 only, hashing is the slowest part of verifying applied files); every
         * file is still read and compared on every run;</li>
         * <li>the model of a changelog read without a problem, found by the changelog's bytes, its
         * name and folder, and the build of Graft that read it; the SQL files and the graph are
         * checked on every run.</li>
         * </ul>
         * Default: none, everything worked out every time (the {@code graft} command uses the
         * user's cache folder).
         */
        public Builder cacheFolder(Path folder) {
            this.cacheFolder = folder;
            return this;
        }

        /**
         * Objects {@link #schemaDrift} and {@link #status()} leave out: globs on an object's name,
         * optionally after its kind ({@code spatial_ref_sys}, {@code table tmp_*}, {@code extension *}).
         * A blank pattern is an {@link IllegalArgumentException} at {@link #build()}.
         */
        public Builder driftIgnore(List<String> patterns) {
            this.driftIgnore = List.copyOf(patterns);
            return this;
        }

        private ClassLoader loader() {
            if (classLoader != null) {
                return classLoader;
            }
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : Graft.class.getClassLoader();
        }

        /**
         * Checks the configuration and builds; connects to nothing yet. A {@code classpath:}
         * changelog that is not there is a {@link ChangelogException} here, a URL Graft cannot
         * use a {@link DatabaseUrlException}.
         */
        public Graft build() {
            if (dataSource != null && url != null) {
                throw new IllegalStateException("give either a DataSource or a URL, not both");
            }
            DatabaseUrl database = dataSource == null ? DatabaseUrl.parse(url == null ? DEFAULT_URL : url) : null;
            if (!tablePrefix.matches("[A-Za-z_][A-Za-z0-9_]{0,30}")) {
                throw new IllegalArgumentException("tablePrefix '" + tablePrefix
                        + "' must be letters, digits and _ (at most 31), starting with a letter or _");
            }
            if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_$]{0,62}")) {
                throw new IllegalArgumentException("schema '" + schema + "' must be a plain identifier");
            }
            if (lockTimeout.isNegative()) {
                throw new IllegalArgumentException("lockTimeout must not be negative");
            }
            Path changelogPath = location == null ? changelog : ChangelogLocation.resolve(location, loader());
            String jdbcUrl = database == null ? null : database.jdbcUrl();
            String effectiveUser = database != null && database.user() != null ? database.user() : user;
            String effectivePassword = database != null && database.password() != null ? database.password() : password;
            return new Graft(new Config(changelogPath, dataSource, jdbcUrl, effectiveUser, effectivePassword, schema,
                    tablePrefix, lockTimeout, List.copyOf(listeners), recordSchema, DriftIgnore.of(driftIgnore),
                    changelogFrom, cacheFolder));
        }
    }
}
