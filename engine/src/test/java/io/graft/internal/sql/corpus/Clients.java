package io.graft.internal.sql.corpus;

import io.graft.changelog.DialectId;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases' own command-line clients ({@code psql}, {@code pg_dump}, {@code sqlite3},
 * {@code mariadb}), found on the {@code PATH} and run with {@link ProcessBuilder}.
 *
 * <p>A missing client skips the test, except where it must be there: {@code sqlite3} whenever the
 * {@code CI} variable is set, the PostgreSQL and MySQL clients when {@code GRAFT_TEST_REQUIRE}
 * names the dialect (as CI does, and {@code .ci/run} installs them). Then the test fails.
 */
final class Clients {

    private static final long TIMEOUT_SECONDS = 300;

    private Clients() {
    }

    /** The path of the first of {@code names} found on the PATH, or a skip/failure that says which is missing. */
    static Path require(DialectId dialect, String... names) {
        for (String name : names) {
            Optional<Path> found = find(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        String why = "the " + String.join(" / ", names) + " client is not on the PATH; the " + dialect.key()
                + " corpus needs it to compare Graft with the database's own client";
        boolean required = dialect == DialectId.SQLITE
                ? System.getenv("CI") != null
                : requiredDialects().contains(dialect.key());
        if (required) {
            throw new AssertionError(why + (dialect == DialectId.SQLITE
                    ? " (required because CI is set)"
                    : " (required by GRAFT_TEST_REQUIRE=" + System.getenv("GRAFT_TEST_REQUIRE") + ")"));
        }
        Assumptions.abort(why);
        throw new IllegalStateException("unreachable");
    }

    /** Runs a client; returns its standard output, or fails with its standard error and exit code. */
    static String run(List<String> command, Map<String, String> env, Path stdin) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        try {
            Path err = Files.createTempFile("graft-client-", ".err");
            Path out = Files.createTempFile("graft-client-", ".out");
            try {
                pb.redirectError(err.toFile()).redirectOutput(out.toFile());
                if (stdin != null) {
                    pb.redirectInput(stdin.toFile());
                } else {
                    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                }
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(describe(command, stdin) + " did not finish in " + TIMEOUT_SECONDS + "s");
                }
                String stderr = Files.readString(err, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new AssertionError(describe(command, stdin) + " failed with exit code " + p.exitValue()
                            + ":\n" + stderr.strip());
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + describe(command, stdin) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + describe(command, stdin), e);
        }
    }

    private static String describe(List<String> command, Path stdin) {
        return String.join(" ", command) + (stdin == null ? "" : " < " + stdin.getFileName());
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code GRAFT_TEST_REQUIRE}, as {@code io.graft.testing.TestDatabase} reads it. */
    private static Set<String> requiredDialects() {
        Set<String> required = new TreeSet<>();
        String env = System.getenv("GRAFT_TEST_REQUIRE");
        if (env != null) {
            for (String part : env.split(",")) {
                if (!part.isBlank()) {
                    required.add(part.strip().toLowerCase(Locale.ROOT).replace("mariadb", "mysql"));
                }
            }
        }
        return required;
    }

    /** {@code [a, b, c...]} as a mutable list, to add arguments to. */
    static List<String> command(Object... parts) {
        List<String> list = new ArrayList<>();
        for (Object part : parts) {
            list.add(String.valueOf(part));
        }
        return list;
    }
}
