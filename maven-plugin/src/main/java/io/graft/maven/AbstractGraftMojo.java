package io.graft.maven;

import io.graft.ChangelogException;
import io.graft.Graft;
import io.graft.GraftException;
import io.graft.Problem;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: the changelog, the connection (the password from {@code settings.xml}
 * or {@code GRAFT_PASSWORD}, never a parameter, so that {@code mvn -X} cannot print it), and one
 * mapping of Graft's errors to a failed build whose message is Graft's own, located message.
 */
public abstract class AbstractGraftMojo extends AbstractMojo {

    /** Where the changelog is looked for when {@code changelog} is not set, in order. */
    static final List<String> DEFAULT_CHANGELOGS = List.of("src/main/resources/db/changelog.yaml", "changelog.yaml");

    /**
     * The changelog. Default: {@code src/main/resources/db/changelog.yaml} (where the Spring Boot
     * starter finds it on the class path), else {@code changelog.yaml}, in the project's folder.
     */
    @Parameter(property = "graft.changelog")
    protected File changelog;

    /**
     * JDBC URL of the database. A relative SQLite file ({@code jdbc:sqlite:target/app.db}) is taken
     * relative to the project's folder, not to where Maven was started.
     */
    @Parameter(property = "graft.url")
    protected String url;

    /** Database user; default: the {@code username} of the {@code serverId} server, if any. */
    @Parameter(property = "graft.user")
    protected String user;

    /**
     * The id of a {@code <server>} in {@code settings.xml} whose {@code username} and
     * {@code password} (decrypted when encrypted) connect to the database. Without it, the
     * password is read from the environment variable {@code GRAFT_PASSWORD}.
     */
    @Parameter(property = "graft.serverId")
    protected String serverId;

    /** Schema (PostgreSQL) or database (MySQL) of the history tables; default: the connection's. */
    @Parameter(property = "graft.schema")
    protected String schema;

    /** Prefix of the history tables. */
    @Parameter(property = "graft.tablePrefix", defaultValue = "graft_")
    protected String tablePrefix;

    /** How long to wait for another run's lock: seconds, or {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}. */
    @Parameter(property = "graft.lockTimeout", defaultValue = "60s")
    protected String lockTimeout;

    /** Skip the goal. */
    @Parameter(property = "graft.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter decrypter;

    /** Read once per goal; a test may replace it. */
    Environment environment = Environment.SYSTEM;

    private Credentials credentials;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Graft: skipped (graft.skip)");
            return;
        }
        try {
            run();
        } catch (GraftException e) {
            // No cause: Maven would append the driver's message, which Graft's message already
            // holds in its words, and a driver's text is not redacted by Graft.
            getLog().debug(e);
            throw new MojoFailureException(redact(message(e)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The builder's checks of the parameters (table prefix, schema, ...): a configuration error.
            throw new MojoFailureException(redact(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            throw new MojoExecutionException(redact("unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), e);
        }
    }

    /** The goal's work; Graft's exceptions are turned into a failed build by {@link #execute()}. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Whether the goal talks to a database (and so needs {@code url}). */
    protected boolean needsDatabase() {
        return true;
    }

    /** A Graft for the configured changelog and database; the caller closes it. */
    protected Graft openGraft() throws MojoFailureException {
        return openGraft(b -> { });
    }

    /** {@link #openGraft()}, with something added to the builder (a listener). */
    protected Graft openGraft(java.util.function.Consumer<Graft.Builder> customizer) throws MojoFailureException {
        Graft.Builder builder = Graft.builder()
                .changelog(changelogPath())
                .tablePrefix(tablePrefix)
                .lockTimeout(Durations.parse(lockTimeout, "lockTimeout"))
                .schema(blankToNull(schema));
        String effectiveUrl = effectiveUrl();
        if (effectiveUrl != null) {
            Credentials c = credentials();
            builder.url(effectiveUrl, c.user(), c.password());
            getLog().info("Graft: " + Credentials.redactUrl(effectiveUrl) + ", changelog " + relative(changelogPath()));
        } else {
            getLog().info("Graft: changelog " + relative(changelogPath()));
        }
        customizer.accept(builder);
        return builder.build();
    }

    /** The URL with a relative SQLite file resolved against the project's folder; null when none is configured. */
    protected String effectiveUrl() throws MojoFailureException {
        String u = blankToNull(url);
        if (u == null) {
            if (needsDatabase()) {
                throw new MojoFailureException("no database URL: set <url> in the plugin's configuration or "
                        + "-Dgraft.url=jdbc:... (e.g. jdbc:postgresql://localhost/app, jdbc:sqlite:target/app.db)");
            }
            return null;
        }
        String resolved = SqliteUrls.resolve(u, basedir.toPath());
        try {
            SqliteUrls.createFolder(resolved);
        } catch (java.io.IOException e) {
            throw new MojoFailureException("cannot create the folder of the SQLite file in " + resolved + ": " + e.getMessage(), e);
        }
        return resolved;
    }

    protected Credentials credentials() throws MojoFailureException {
        if (credentials == null) {
            credentials = Credentials.resolve(blankToNull(user), blankToNull(serverId), settings, decrypter, environment);
        }
        return credentials;
    }

    protected Path changelogPath() throws MojoFailureException {
        if (changelog != null) {
            return changelog.toPath();
        }
        for (String candidate : DEFAULT_CHANGELOGS) {
            Path p = basedir.toPath().resolve(candidate);
            if (p.toFile().isFile()) {
                return p;
            }
        }
        throw new MojoFailureException("no changelog: neither " + DEFAULT_CHANGELOGS.stream()
                .collect(Collectors.joining(" nor ")) + " exists in " + basedir
                + "; set <changelog> or -Dgraft.changelog=path/to/changelog.yaml");
    }

    /** A path relative to the project's folder where it is inside it, for messages. */
    protected String relative(Path p) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : p.toString();
    }

    /** The message a failed build shows: Graft's own, with every problem of an invalid changelog. */
    static String message(GraftException e) {
        if (e instanceof ChangelogException c) {
            int n = c.problems().size();
            return "invalid changelog: " + n + (n == 1 ? " problem" : " problems") + "\n"
                    + c.problems().stream().map(Problem::render).collect(Collectors.joining("\n"));
        }
        return String.valueOf(e.getMessage());
    }

    /** Removes the password (as given and as a URL parameter) from a text about to be shown. */
    protected String redact(String text) {
        String out = Credentials.redactUrl(text);
        String secret = credentials == null ? null : credentials.password();
        if (secret != null && !secret.isEmpty()) {
            out = out.replace(secret, "****");
        }
        return out;
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
