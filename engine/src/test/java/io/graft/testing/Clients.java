package io.graft.testing;

import io.graft.changelog.DialectId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the databases' own clients ({@code psql}, {@code sqlite3}, {@code mariadb}) on a test database. */
public final class Clients {

    private Clients() {
    }

    /** Feeds {@code script} to the client on standard input and fails with its output if it fails. */
    public static void run(TestDatabase db, String script) {
        List<String> command = new ArrayList<>();
        Map<String, String> env = new java.util.HashMap<>();
        String url = db.url();
        switch (db.dialect()) {
            case SQLITE -> {
                command.addAll(List.of(require("sqlite3", db.dialect()), "-bail", url.substring("jdbc:sqlite:".length())));
            }
            case POSTGRESQL -> {
                URI uri = URI.create(url.substring("jdbc:".length()).replaceAll("\\?.*", ""));
                command.addAll(List.of(require("psql", db.dialect()), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                        "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 5432),
                        "-U", db.user(), "-d", uri.getPath().substring(1), "-f", "-"));
                if (db.password() != null && !db.password().isEmpty()) {
                    env.put("PGPASSWORD", db.password());
                }
            }
            case MYSQL -> {
                URI uri = URI.create(url.substring("jdbc:".length()).replaceAll("\\?.*", ""));
                command.addAll(List.of(require("mariadb", db.dialect()), "--protocol=TCP", "-h", uri.getHost(),
                        "-P", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 3306), "-u", db.user(),
                        uri.getPath().substring(1)));
                if (db.password() != null && !db.password().isEmpty()) {
                    env.put("MYSQL_PWD", db.password());
                }
            }
        }
        try {
            Path input = Files.createTempFile("graft-script-", ".sql");
            Files.writeString(input, script, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(input.toFile());
            pb.environment().putAll(env);
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            Files.deleteIfExists(input);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String require(String tool, DialectId dialect) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return tool;
            }
        }
        String why = tool + " is not installed (needed to compare Graft with the database's own client)";
        if (TestDatabase.requiredDialects().contains(dialect.key()) || System.getenv("CI") != null) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
        return tool;
    }
}
