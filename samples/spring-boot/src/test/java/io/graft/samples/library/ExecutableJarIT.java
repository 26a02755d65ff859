package io.graft.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring Boot executable jar, started with {@code java -jar} from an empty folder: the changelog
 * and its SQL files are read from inside it, from {@code BOOT-INF/classes} and from a jar nested
 * in {@code BOOT-INF/lib}, through Spring Boot's class loader, with the checksums of the same files
 * on disk. (The second start with nothing to do is {@link LibraryApplicationTest}'s.)
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of(System.getProperty("app.jar", "target/graft-sample-spring-boot-0.1.0-SNAPSHOT.jar"));
    private static final Path CHANGELOG = Path.of("src/main/resources/db/changelog.yaml");

    @TempDir
    Path dir;

    /** Runs {@code jar} in {@link #dir} against {@code url}; returns its output, after checking it ended well. */
    private String runJar(Path jar, String url, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(), "--spring.datasource.url=" + url));
        command.addAll(List.of(args));
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

    /**
     * The application's jar with one more nested jar, {@code BOOT-INF/lib/library-schema.jar}, holding
     * the changelog and its SQL files under {@code shared/db/}: a schema shared as a library.
     * Spring Boot wants nested jars stored, not compressed.
     */
    private Path jarWithASchemaLibrary() throws IOException {
        ByteArrayOutputStream schema = new ByteArrayOutputStream();
        Path db = CHANGELOG.getParent();
        try (JarOutputStream out = new JarOutputStream(schema); Stream<Path> files = Files.walk(db)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry("shared/db/" + db.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        Path copy = dir.resolve("library-with-schema.jar");
        try (ZipFile original = new ZipFile(JAR.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(original.entries())) {
                ZipEntry same = new ZipEntry(entry);
                if (same.getMethod() == ZipEntry.DEFLATED) {
                    same.setCompressedSize(-1);
                }
                out.putNextEntry(same);
                try (InputStream in = original.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            byte[] bytes = schema.toByteArray();
            ZipEntry nested = new ZipEntry("BOOT-INF/lib/library-schema.jar");
            nested.setMethod(ZipEntry.STORED);
            nested.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            nested.setCrc(crc.getValue());
            out.putNextEntry(nested);
            out.write(bytes);
            out.closeEntry();
        }
        return copy;
    }

    @Test
    void theJarMigratesANewDatabaseWithAChangelogFromANestedJar() throws Exception {
        assertThat(JAR).exists();
        Path jar = jarWithASchemaLibrary();
        try (TestDatabases.Db db = TestDatabases.sqlite(dir)) {
            assertThat(runJar(jar, db.url(), "--graft.changelog=classpath:shared/db/changelog.yaml"))
                    .contains("Graft: 1/2 0001_authors", "Graft: 2/2 0002_books",
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
            String output = runJar(JAR, db.url());
            assertThat(output).contains("Graft: the database is up to date (heads)", "library: 2 books")
                    .doesNotContain("checksum");
        }
    }
}
