package io.graft.spring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/** The "graft.*" properties of the starter. */
@ConfigurationProperties(prefix = "graft")
public class GraftProperties {

    /** Whether Graft migrates at start-up (when there is a DataSource and the changelog exists). */
    private boolean enabled = true;

    /**
     * The changelog: a class-path resource ("classpath:db/changelog.yaml", read from a folder,
     * a jar or a Spring Boot jar), a "file:" URL, or a path without prefix, read from the
     * class path. A changelog set here must exist; the default may be absent, and Graft then stays off.
     */
    private String changelog = "classpath:db/changelog.yaml";

    /** The target of the start-up upgrade: heads, head, an id, LABEL@head, ... (as "graft up TARGET"). */
    private String target = "heads";

    /** JDBC URL of a separate connection for the migration; default: the application's DataSource. */
    private String url;

    /** User of the migration connection; with "graft.url" unset, the application's URL is used with this user. */
    private String user;

    /** Password of the migration connection. */
    private String password;

    /** The schema (PostgreSQL) or database (MySQL/MariaDB) that holds the history tables; default: the connection's. */
    private String schema;

    /** Prefix of the history tables ("graft_revisions", "graft_log"). */
    private String tablePrefix = "graft_";

    /** How long to wait for another run's lock (a number is seconds). */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockTimeout = Duration.ofSeconds(60);

    /**
     * The dialects the application runs on (postgresql, sqlite, mysql). When the changelog declares
     * "dialects:", start-up fails unless it declares each of these; empty: no check.
     */
    private List<String> dialects = new ArrayList<>();

    /**
     * Validate-only mode: migrate nothing, and refuse to start when revisions are pending or the
     * history disagrees with the changelog (the migration is run by another step, e.g. "graft up").
     */
    private boolean failOnPending;

    /** Tenants migrated after the application's own database: schema per tenant, database per tenant. */
    private final Tenants tenants = new Tenants();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getChangelog() {
        return changelog;
    }

    public void setChangelog(String changelog) {
        this.changelog = changelog;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public List<String> getDialects() {
        return dialects;
    }

    public void setDialects(List<String> dialects) {
        this.dialects = dialects;
    }

    public boolean isFailOnPending() {
        return failOnPending;
    }

    public void setFailOnPending(boolean failOnPending) {
        this.failOnPending = failOnPending;
    }

    public Tenants getTenants() {
        return tenants;
    }

    /** "graft.tenants.*": a fleet migrated at start-up, after the application's database. */
    public static class Tenants {

        /**
         * The tenants' schemas (PostgreSQL) or databases (MySQL/MariaDB), each migrated with the
         * changelog as a database of its own (its own history and lock); a GraftTenants bean adds more.
         */
        private List<String> schemas = new ArrayList<>();

        /** The URL the tenant names go with; default: "graft.url", else "spring.datasource.url". */
        private String url;

        /** How many tenants are migrated at once. */
        private int parallel = 4;

        /** How many tenants may fail before no further one starts (the start-up fails either way). */
        private int maxFailures = 0;

        public List<String> getSchemas() {
            return schemas;
        }

        public void setSchemas(List<String> schemas) {
            this.schemas = schemas;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public int getParallel() {
            return parallel;
        }

        public void setParallel(int parallel) {
            this.parallel = parallel;
        }

        public int getMaxFailures() {
            return maxFailures;
        }

        public void setMaxFailures(int maxFailures) {
            this.maxFailures = maxFailures;
        }
    }
}
