package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.reliability.Graftc.Result;
import io.graft.testing.TestDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile input, one fixture folder per case under {@code src/test/resources/hostile/<case>/}: a
 * {@code changelog.yaml}, its SQL files and an {@code expect.properties}:
 * <ul>
 *   <li>{@code exit}: the exit code of {@code graft up};</li>
 *   <li>{@code message}, {@code message.2}, ...: substrings of the output, e.g. the located error
 *       {@code changelog.yaml:4:7: ...};</li>
 *   <li>{@code dialects}: where to run it (default {@code sqlite});</li>
 *   <li>{@code unchanged}: {@code false} for the valid cases that apply (default: the database must
 *       hold exactly the same tables and rows after the run as before it);</li>
 *   <li>{@code applied}: the revisions applied after the run, for the valid cases;</li>
 *   <li>{@code setup}: what a fixture cannot hold in git, done at test time: {@code symlink-out}
 *       (a symlink that leads out of the folder), {@code big-file} (a 100 MB SQL file),
 *       {@code apply-then-edit} (the changelog applied, then its file edited),
 *       {@code apply-extra-revision} (the database holds a revision the changelog does not know),
 *       {@code running-row} (a revision left {@code running}).</li>
 * </ul>
 * Each case runs {@code graft up} through the CLI on a fresh database, and asserts the exit code,
 * the messages, that no stack trace or exception class name is printed (without {@code -v}), and
 * that the database is unchanged.
 */
class HostileInputTest {

    private static Path fixtures() {
        try {
            return Path.of(HostileInputTest.class.getResource("/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void thereAreAtLeastFiftyCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(50);
    }

    @TestFactory
    Stream<DynamicTest> hostileChangelogs() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path fixture : cases()) {
            Properties expect = new Properties();
            try (var in = Files.newBufferedReader(fixture.resolve("expect.properties"), StandardCharsets.UTF_8)) {
                expect.load(in);
            }
            for (String d : expect.getProperty("dialects", "sqlite").split(",")) {
                DialectId dialect = DialectId.valueOf(d.strip().toUpperCase(Locale.ROOT));
                tests.add(DynamicTest.dynamicTest(fixture.getFileName() + " [" + dialect.key() + "]",
                        () -> runCase(fixture, expect, dialect)));
            }
        }
        return tests.stream();
    }

    private static void runCase(Path fixture, Properties expect, DialectId dialect) throws IOException {
        Path root = Files.createTempDirectory("graft-hostile-");
        Path dir = root.resolve("project");
        copy(fixture, dir);
        Files.delete(dir.resolve("expect.properties"));
        Path changelog = dir.resolve("changelog.yaml");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            setup(expect.getProperty("setup", ""), root, dir, db, changelog);
            Map<String, List<String>> before = snapshot(db);

            Result r = Graftc.run(db, changelog, "up");

            String name = fixture.getFileName().toString();
            assertThat(r.exitCode()).as("%s: exit code\n%s", name, r)
                    .isEqualTo(Integer.parseInt(expect.getProperty("exit")));
            List<String> messages = expect.stringPropertyNames().stream().filter(k -> k.startsWith("message"))
                    .sorted().map(expect::getProperty).toList();
            assertThat(messages.isEmpty() && r.exitCode() != 0).as("%s: expect.properties names no message\n%s",
                    name, r).isFalse();
            for (String message : messages) {
                assertThat(r.all()).as("%s", name).contains(message);
            }
            Graftc.assertNoStackTrace(r);
            if (Boolean.parseBoolean(expect.getProperty("unchanged", "true"))) {
                assertThat(snapshot(db)).as("%s: the database after the run", name).isEqualTo(before);
            }
            if (expect.getProperty("applied") != null) {
                assertThat(db.appliedIds()).containsExactlyElementsOf(
                        Arrays.asList(expect.getProperty("applied").split(",")));
            }
        } finally {
            deleteTree(root);
        }
    }

    private static void setup(String setup, Path root, Path dir, TestDatabase db, Path changelog) throws IOException {
        switch (setup) {
            case "" -> { }
            case "symlink-out" -> {
                Path outside = root.resolve("outside.sql");
                Files.writeString(outside, "CREATE TABLE stolen (n INTEGER);\n");
                Files.createDirectories(dir.resolve("sql"));
                Files.createSymbolicLink(dir.resolve("sql/link.sql"), outside);
            }
            case "big-file" -> writeBigFile(dir.resolve("sql/r1.sql"));
            case "apply-then-edit" -> {
                assertThat(Graftc.run(db, changelog, "up").exitCode()).isZero();
                Files.writeString(dir.resolve("sql/r1.sql"), "ALTER TABLE t1 ADD COLUMN m INTEGER;\n",
                        StandardOpenOption.APPEND);
            }
            case "apply-extra-revision" -> {
                Path other = dir.resolve("with-r2.yaml");
                Files.writeString(other, Files.readString(changelog)
                        + "  - id: r2\n    parents: [r1]\n    up: sql/r2.sql\n");
                Files.writeString(dir.resolve("sql/r2.sql"), "CREATE TABLE t2 (n INTEGER);\n");
                assertThat(Graftc.run(db, other, "up").exitCode()).isZero();
            }
            case "running-row" -> {
                assertThat(Graftc.run(db, changelog, "up").exitCode()).isZero();
                db.execute("UPDATE graft_revisions SET state = 'running', statements_done = 0 WHERE id = 'r1'");
            }
            default -> throw new IllegalArgumentException("unknown setup " + setup);
        }
    }

    /**
     * About 100 MB: a table, then 100 blocks of 1 MB, each an INSERT followed by comment lines.
     * Decision (README): a file this large is read, split and applied like any other; Graft holds
     * one file in memory at a time.
     */
    static void writeBigFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String comment = "-- " + "padding ".repeat(12) + "\n";
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CREATE TABLE big (n INTEGER);\n");
            for (int block = 0; block < 100; block++) {
                w.write("INSERT INTO big (n) VALUES (" + block + ");\n");
                for (int written = 0; written < 1_048_576; written += comment.length()) {
                    w.write(comment);
                }
            }
        }
        assertThat(Files.size(file)).isGreaterThan(100_000_000L);
    }

    /** Every table with its rows, as sorted strings; graft_log's and timestamps included. */
    private static Map<String, List<String>> snapshot(TestDatabase db) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String table : db.tables()) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : db.query("SELECT * FROM " + table)) {
                rows.add(row.toString());
            }
            rows.sort(null);
            all.put(table, rows);
        }
        return all;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
