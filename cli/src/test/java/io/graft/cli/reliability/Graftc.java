package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.Main;
import io.graft.cli.settings.CliEnvironment;
import io.graft.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code graft}, either in-process ({@link #run}) or as a separate JVM ({@link #spawn}) that
 * can be killed, with the database's connection options.
 */
final class Graftc {

    record Result(int exitCode, String out, String err, long millis) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " in " + millis + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A {@code graft} JVM; its output goes to files so that it never blocks on a full pipe. */
    static final class Proc {
        final Process process;
        final Path stdout;
        final Path stderr;
        final long startedNanos = System.nanoTime();

        Proc(Process process, Path stdout, Path stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        String out() {
            return read(stdout);
        }

        String err() {
            return read(stderr);
        }

        Result await(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("graft did not finish within " + seconds + " s\n" + out() + err());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return new Result(process.exitValue(), out(), err(), (System.nanoTime() - startedNanos) / 1_000_000);
        }

        /** Polls until {@code condition} holds; fails at once, with the output, if the run ends first. */
        void awaitWhileRunning(String what, long seconds, java.util.function.BooleanSupplier condition) {
            awaitTrue(what, seconds, () -> {
                if (condition.getAsBoolean()) {
                    return true;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("graft ended (exit " + process.exitValue() + ") before " + what
                            + "\n--- stdout\n" + out() + "--- stderr\n" + err());
                }
                return false;
            });
        }

        void kill() {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Graftc() {
    }

    /** The global options that point graft at {@code db}. */
    static List<String> target(TestDatabase db) {
        List<String> args = new ArrayList<>(List.of("--url", db.url()));
        if (db.user() != null) {
            args.add("--user");
            args.add(db.user());
        }
        if (db.password() != null && !db.password().isEmpty()) {
            args.add("--password");
            args.add(db.password());
        }
        return args;
    }

    static List<String> args(TestDatabase db, Path changelog, String... more) {
        List<String> args = target(db);
        args.add("-c");
        args.add(changelog.toString());
        args.addAll(List.of(more));
        return args;
    }

    /** The whole CLI in-process, with an empty environment. */
    static Result run(Path cwd, Map<String, String> env, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(new CliEnvironment(env, cwd, false), out, err, args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    static Result run(TestDatabase db, Path changelog, String... more) {
        return run(changelog.getParent(), Map.of(), args(db, changelog, more));
    }

    /**
     * Starts {@code graft ARGS} in a JVM of its own. With a {@code latch} file, the JVM loads the
     * CLI, then waits until that file exists before it runs, so that several can start together.
     */
    static Proc spawn(Path cwd, Path latch, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (latch != null) {
            command.add(LatchedMain.class.getName());
            command.add(latch.toString());
        } else {
            command.add(Main.class.getName());
        }
        command.addAll(args);
        try {
            Path logs = Files.createTempDirectory("graft-proc-");
            Path out = logs.resolve("stdout");
            Path err = logs.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = pb.environment();
            environment.keySet().removeIf(k -> k.startsWith("GRAFT_") && !k.startsWith("GRAFT_TEST_"));
            environment.putAll(env);
            return new Proc(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Proc spawn(TestDatabase db, Path changelog, String... more) {
        return spawn(changelog.getParent(), null, Map.of(), args(db, changelog, more));
    }

    /** Polls until {@code condition} holds, failing after {@code seconds}. */
    static void awaitTrue(String what, long seconds, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until the server has ended every other session on the test database, so that a killed
     * client's statements are finished or rolled back before the database is inspected.
     */
    static void awaitNoOtherSessions(TestDatabase db) {
        if (db.dialect() == DialectId.SQLITE) {
            return;
        }
        String sql = db.dialect() == DialectId.POSTGRESQL
                ? "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                : "SELECT count(*) AS n FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()";
        awaitTrue("the killed run's sessions to end", 60,
                () -> ((Number) db.query(sql).get(0).get("n")).longValue() == 0);
    }

    /** No stack trace and no exception class names: what a user sees without {@code -v}. */
    static void assertNoStackTrace(Result r) {
        assertThat(r.all()).as("output without -v:\n%s", r).doesNotContain("\tat ").doesNotContainPattern(
                "\\b(java|javax|org|io|com)\\.[a-z.]+\\.[A-Z][A-Za-z]*(Exception|Error)\\b");
        assertThat(r.all()).doesNotContain("Exception:").doesNotContain("Caused by");
    }

    /** A file in the temp folder. */
    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
