package io.graft;

import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *     graft.upgrade("heads");
 * }
 * }</pre>
 */
public final class Graft implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:sqlite:graft.db";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final Config config;

    private Graft(Config config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads and validates the changelog (no database). */
    public Changelog changelog() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Validates the changelog and every file it names; throws {@link ChangelogException} listing all problems. */
    public Changelog validate() {
        return changelog();
    }

    /** The changelog's heads, in changelog order (no database). */
    public List<Revision> heads() {
        throw new UnsupportedOperationException("in progress");
    }

    /** The labelled branches (no database). */
    public List<Branch> branches() {
        throw new UnsupportedOperationException("in progress");
    }

    /** The revision a target names; relative targets read the database. */
    public Revision show(String target) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Changelog revisions newest first, optionally limited by a range {@code FROM:TO} of targets
     * (either side may be empty; both ends included), e.g. {@code base:head}, {@code 0003:}.
     */
    public List<Revision> history(String range) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Applies everything up to {@code target} ({@code null} means {@code heads}). */
    public RunResult upgrade(String target) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Reverts every applied descendant of {@code target}; {@code base} reverts everything. */
    public RunResult downgrade(String target) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Records {@code target} and its ancestors as applied (and its descendants as not), running no SQL. */
    public RunResult stamp(String target) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Empties {@code graft_revisions}. */
    public RunResult stampPurge() {
        throw new UnsupportedOperationException("in progress");
    }

    /** The changelog against the database. */
    public Status status() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Like {@link #status()}, but throws {@link MigrationException} when there is drift. */
    public Status check() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Accepts the current checksums of every applied revision whose file changed; returns the ids updated. */
    public List<String> repairChecksums() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Resolves a revision left {@code running}. */
    public void repair(String revisionId, RepairAction action) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The newest {@code limit} rows of {@code graft_log}, newest first. */
    public List<LogEntry> log(int limit) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Closes the connection pool Graft created from a URL; a given DataSource is left open. */
    @Override
    public void close() {
    }

    Config config() {
        return config;
    }

    /** Immutable configuration, checked by {@link Builder#build()}. */
    record Config(Path changelog, DataSource dataSource, String url, String user, String password,
            String schema, String tablePrefix, Duration lockTimeout, List<MigrationListener> listeners) {
    }

    public static final class Builder {
        private Path changelog = Path.of("changelog.yaml");
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String schema;
        private String tablePrefix = "graft_";
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private final List<MigrationListener> listeners = new ArrayList<>();

        private Builder() {
        }

        public Builder changelog(Path changelog) {
            this.changelog = Objects.requireNonNull(changelog, "changelog");
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

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

        /** Checks the configuration and builds; connects to nothing yet. */
        public Graft build() {
            if (dataSource != null && url != null) {
                throw new IllegalStateException("give either a DataSource or a URL, not both");
            }
            String effectiveUrl = dataSource == null && url == null ? DEFAULT_URL : url;
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
            return new Graft(new Config(changelog, dataSource, effectiveUrl, user, password, schema,
                    tablePrefix, lockTimeout, List.copyOf(listeners)));
        }
    }
}
