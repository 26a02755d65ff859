package io.graft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.RunResult;
import io.graft.Status;
import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The examples of docs/java-api.md run as written, on every database. */
class ApiExamplesTest {

    private static final Path BLOG = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples", "blog");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aPlainProgramMigratesOnceAndThenFindsNothingToDo(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            Status status = MigrateOnStartup.migrate(BLOG.resolve("changelog.yaml"), db.url(), db.user(), db.password(), print(first));
            assertThat(status.pending()).isEmpty();
            assertThat(status.current()).containsExactly("0005_published_view");
            assertThat(text(first)).contains("applied 0001_create_users: 1 statements", "current [0005_published_view], 0 pending");

            ByteArrayOutputStream second = new ByteArrayOutputStream();
            MigrateOnStartup.migrate(BLOG.resolve("changelog.yaml"), db.url(), db.user(), db.password(), print(second));
            assertThat(text(second)).startsWith("up to date at [0005_published_view]");
            assertThat(db.appliedIds()).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void theListenerLogsEachRevisionWithItsIndexAndTheCount(DialectId dialect) {
        List<String> lines = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(BLOG.resolve("changelog.yaml"))
                        .url(db.url(), db.user(), db.password()).listener(new ProgressListener(lines::add)).build()) {
            graft.upgrade();
            graft.downgrade("-2");
        }
        assertThat(lines).startsWith("applying 5 revisions", "[1/5] applying 0001_create_users");
        assertThat(lines.get(2)).startsWith("[1/5] 0001_create_users done in ");
        assertThat(lines).contains("[5/5] applying 0005_published_view", "reverting 2 revisions", "[2/2] reverting 0004_seed_admin");
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void eachFailureHasItsOwnExceptionAndItsOwnExitCode(DialectId dialect) throws IOException {
        Path project = copy(BLOG, dir.resolve("project"));
        Files.writeString(project.resolve("sql/0005_published_view.up.sql"), "\nCREATE TABLE broken (id INTEGER;\n");
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(project.resolve("changelog.yaml"))
                        .url(db.url(), db.user(), db.password()).build()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(HandleErrors.upgrade(graft, "0005_nope", print(err))).isEqualTo(2);
            assertThat(text(err)).contains("0005_nope");

            err.reset();
            assertThat(HandleErrors.upgrade(graft, "heads", print(err))).isEqualTo(1);
            assertThat(text(err)).contains("revision '0005_published_view' failed at statement 1 of 1",
                    "revision=0005_published_view sqlstate=", "0005_published_view.up.sql line=2");
            if (dialect != DialectId.MYSQL) {   // MySQL's DDL is not transactional: MigratorTest covers its history row
                assertThat(db.appliedIds()).hasSize(4);
            }

            Files.writeString(project.resolve("sql/0001_create_users.up.sql"), "\n-- edited after it was applied\n", java.nio.file.StandardOpenOption.APPEND);
            err.reset();
            assertThat(HandleErrors.upgrade(graft, "heads", print(err))).isEqualTo(1);
            assertThat(text(err)).contains("0001_create_users");
        }
        Files.writeString(project.resolve("changelog.yaml"), "changelog: 1\nrevisions:\n  - id: a\n    parents: [missing]\n    up: a.sql\n");
        try (Graft graft = Graft.builder().changelog(project.resolve("changelog.yaml")).url("jdbc:sqlite:" + dir.resolve("x.db")).build()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(HandleErrors.upgrade(graft, "heads", print(err))).isEqualTo(2);
            assertThat(text(err)).contains("changelog.yaml:4:");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void anApplicationReadsItsChangelogFromTheClassPathThroughItsPool(DialectId dialect) throws IOException {
        Path classes = dir.resolve("classes");
        copy(BLOG, classes.resolve("db"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (TestDatabase db = TestDatabase.create(dialect);
                URLClassLoader app = new URLClassLoader(new URL[] {classes.toUri().toURL()}, before)) {
            Thread.currentThread().setContextClassLoader(app);
            RunResult first = ClasspathAndDataSource.migrate(db.url(), db.user(), db.password());
            assertThat(first.steps()).hasSize(5);
            assertThat(ClasspathAndDataSource.migrate(db.url(), db.user(), db.password()).nothingToDo()).isTrue();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return to;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
