package io.graft.cli.settings;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.cli.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two mistakes a new user makes when naming the changelog, told in the command line's words:
 * a file that is not there (its absolute path, and how to name another), and a configuration
 * file given as the changelog ({@code graft -c graft.dev.yaml}).
 */
public final class ChangelogFile {

    /** A top-level key only graft.yaml has. */
    private static final Pattern CONFIG_KEY = Pattern.compile("(?m)^(environments|default_env)[ \\t]*:");
    /** Enough of a file to find its top-level keys; a configuration file is small. */
    private static final int HEAD_BYTES = 64 * 1024;

    private ChangelogFile() {
    }

    /**
     * Throws a {@link ChangelogException} (exit 2) when the changelog does not exist, naming its
     * absolute path, how to name another ({@code -c}, {@code GRAFT_CHANGELOG}) and {@code graft init}.
     */
    public static void requireExists(Settings settings, CliEnvironment environment) {
        Path absolute = environment.workingDir().resolve(settings.changelog()).toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return;
        }
        String hint = "name the right file with -c FILE or GRAFT_CHANGELOG (or 'changelog:' in graft.yaml), "
                + "or create it with 'graft init'";
        throw new ChangelogException(Problem.at(SourceSpan.file(absolute.toString()), "changelog file not found", hint));
    }

    /**
     * When {@code changelog} is in fact a configuration file (it has {@code environments} or
     * {@code default_env}), the usage error that says so; else empty.
     */
    public static Optional<UsageException> configurationGivenAsChangelog(GlobalOptions options, Settings settings,
            CliEnvironment environment) {
        // As the user named it, when they did.
        Path changelog = options.changelog != null ? options.changelog : settings.changelog();
        Path absolute = environment.workingDir().resolve(settings.changelog()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(absolute)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!CONFIG_KEY.matcher(new String(head, StandardCharsets.UTF_8)).find()) {
            return Optional.empty();
        }
        return Optional.of(new UsageException(changelog + " is a configuration file (it has 'environments' or "
                + "'default_env'), not a changelog; use --config " + changelog
                + " (-c/--changelog names the changelog.yaml)"));
    }
}
