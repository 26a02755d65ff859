package io.graft.internal.importer;

import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real dbmate binary, run on a test database. It is found in {@code GRAFT_TEST_DBMATE}, in
 * the npm install that {@code .ci/run} makes ({@code ~/.cache/graft-tools/dbmate}, the package
 * {@code dbmate} with its platform binary {@code @dbmate/linux-x64}), or on the {@code PATH}.
 * Missing, it skips the test with the command that installs it, and fails it in CI.
 */
final class DbmateCli {

    static final Path NPM_PREFIX = Path.of(System.getProperty("user.home"), ".cache/graft-tools/dbmate");

    private final String binary;

    private DbmateCli(String binary) {
        this.binary = binary;
    }

    static DbmateCli require() {
        String found = find();
        if (found == null) {
            String why = "dbmate is not installed: run 'npm install --prefix " + NPM_PREFIX + " dbmate' (as .ci/run"
                    + " does) or set GRAFT_TEST_DBMATE to the dbmate binary";
            if (System.getenv("CI") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        return new DbmateCli(found);
    }

    private static String find() {
        String env = System.getenv("GRAFT_TEST_DBMATE");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path platforms = NPM_PREFIX.resolve("node_modules/@dbmate");
        if (Files.isDirectory(platforms)) {
            try (Stream<Path> list = Files.list(platforms)) {
                for (Path p : list.sorted().toList()) {
                    Path bin = p.resolve("bin/dbmate");
                    if (Files.isExecutable(bin)) {
                        return bin.toString();
                    }
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "dbmate"))) {
                return Path.of(dir, "dbmate").toString();
            }
        }
        return null;
    }

    /** dbmate's URL for {@code db}: {@code postgres://}, {@code mysql://} or {@code sqlite:}. */
    static String url(TestDatabase db) {
        String jdbc = db.url();
        if (jdbc.startsWith("jdbc:sqlite:")) {
            return "sqlite:" + jdbc.substring("jdbc:sqlite:".length());
        }
        URI uri = URI.create(jdbc.substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String credentials = URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
                + (db.password() == null || db.password().isEmpty() ? ""
                        : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return switch (db.dialect()) {
            case POSTGRESQL -> "postgres://" + credentials + "@" + uri.getHost() + ":" + port(uri, 5432) + uri.getPath()
                    + "?sslmode=disable";
            case MYSQL -> "mysql://" + credentials + "@" + uri.getHost() + ":" + port(uri, 3306) + uri.getPath();
            case SQLITE -> throw new IllegalStateException();
        };
    }

    private static int port(URI uri, int otherwise) {
        return uri.getPort() > 0 ? uri.getPort() : otherwise;
    }

    /** Runs {@code dbmate COMMAND} for the migrations in {@code migrations} on {@code db}; its output. */
    String run(TestDatabase db, Path migrations, String command) {
        List<String> cmd = new ArrayList<>(List.of(binary, "--no-dump-schema", "--url", url(db), "--migrations-dir",
                migrations.toAbsolutePath().toString(), command));
        try {
            Path work = Files.createTempDirectory("graft-dbmate-");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("DBMATE_") || k.equals("DATABASE_URL"));
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("dbmate " + command + " did not finish");
            }
            Files.deleteIfExists(work);
            if (process.exitValue() != 0) {
                throw new AssertionError("dbmate " + command + " failed (" + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
