package io.graft.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring Boot executable jar, started with {@code java -jar} from an empty folder: the changelog
 * and its SQL files are read from inside it ({@code BOOT-INF/classes}, through Spring Boot's nested
 * jar support), with the checksums of the same files on disk. (The second start with nothing to do
 * is {@link LibraryApplicationTest}'s.)
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/graft-sample-spring-boot-0.1.0-SNAPSHOT.jar"));
    private static final Path CHANGELOG = Path.of("src/main/resources/db/changelog.yaml");

    @TempDir
    Path dir;

    /** Runs the jar in {@link #dir} against {@code url}; returns its output, after checking it ended well. */
    private String runJar(String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", JAR.toAbsolutePath().toString(),
                "--spring.datasource.url=" + url));
        Path log = Files.createTempFile(dir, "app-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the application ended within 180 s:\n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:\n%s", output).isZero();
        return output;
    }

    @Test
    void theJarMigratesANewDatabaseFromInsideItself() throws Exception {
        assertThat(JAR).exists();
        try (TestDatabases.Db db = TestDatabases.sqlite(dir)) {
            assertThat(runJar(db.url())).contains("Graft: 1/2 0001_authors", "Graft: 2/2 0002_books",
                    "library: 2 books: [Solaris by Stanisław Lem, The Dispossessed by Ursula K. Le Guin]");
            assertThat(db.query("SELECT id FROM graft_revisions ORDER BY id")).containsExactly("0001_authors", "0002_books");
        }
    }

    @Test
    void aChangelogAppliedFromTheFilesIsNoChangeToTheJar() throws Exception {
        try (TestDatabases.Db db = TestDatabases.postgres()) {
            try (Graft files = Graft.builder().changelog(CHANGELOG).url(db.url()).build()) {
                assertThat(files.upgrade().steps()).hasSize(2);
            }
            String output = runJar(db.url());
            assertThat(output).contains("Graft: the database is up to date (heads)", "library: 2 books")
                    .doesNotContain("checksum");
        }
    }
}
