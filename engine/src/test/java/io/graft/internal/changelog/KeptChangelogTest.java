package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A changelog's model kept between runs gives exactly what reading the changelog gives (model,
 * problems, file checks), is used only for the bytes, name, folder and build it was read with,
 * and is never kept for a changelog with a problem. A fresh instance on the same file stands for
 * the next process.
 */
class KeptChangelogTest {

    private static final Path SAMPLES = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples");
    private static final String BUILD = "test-build";

    /** Every key of the format, per-dialect files, and text that is not ASCII. */
    private static final String EVERYTHING = """
            changelog: 1
            dialects: [postgresql, sqlite]
            revisions:
              - id: "0001"
                parents: []
                description: "Stühle & Tische, \\"quoted\\""
                labels: [main]
                up:
                  sqlite: sql/1.sqlite.sql
                  postgresql: sql/1.pg.sql
                down: sql/1.down.sql
                test: sql/1.test.sql
              - id: "0002"
                parents: ["0001"]
                transaction: false
                up: sql/2.sql
              - id: "0003"
                parents: ["0001"]
                depends_on: ["0002"]
                labels: [side, other]
                up: sql/3.sql
                down: sql/3.down.sql
              - id: "0004"
                parents: ["0002", "0003"]
                replaces: [old_1, old_2]
                up: sql/4.sql
              - id: views
                parents: []
                repeatable: true
                up: sql/views.sql
            """;

    @TempDir
    Path dir;

    private Path cacheFile() {
        return dir.resolve("cache").resolve("changelog.bin");
    }

    private Path project(String changelog, String... files) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("sql"));
        Files.writeString(project.resolve("changelog.yaml"), changelog);
        for (String file : files) {
            Files.writeString(project.resolve(file), "SELECT 1;\n");
        }
        return project.resolve("changelog.yaml");
    }

    private Path everything() throws IOException {
        return project(EVERYTHING, "sql/1.sqlite.sql", "sql/1.pg.sql", "sql/1.down.sql", "sql/1.test.sql", "sql/2.sql",
                "sql/3.sql", "sql/3.down.sql", "sql/4.sql", "sql/views.sql");
    }

    private static LoadedChangelog read(Path changelog, KeptChangelog kept) {
        return ChangelogLoader.loadGraph(changelog, FileChecks.FULL, KnownChecksums.NONE, kept);
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            return folders.map(f -> f.resolve("changelog.yaml")).filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    private static void assertSameRead(LoadedChangelog kept, LoadedChangelog fresh) {
        assertThat(kept.changelog()).isEqualTo(fresh.changelog());
        assertThat(kept.problems()).isEqualTo(fresh.problems());
        assertThat(kept.graph().heads()).isEqualTo(fresh.graph().heads());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aSampleReadFromItsKeptModelIsTheSampleRead(Path sample) {
        LoadedChangelog fresh = read(sample, KeptChangelog.NONE);
        assertThat(fresh.isValid()).isTrue();
        read(sample, KeptChangelog.atFile(cacheFile(), BUILD));
        assertThat(cacheFile()).isRegularFile();

        assertSameRead(read(sample, KeptChangelog.atFile(cacheFile(), BUILD)), fresh);
    }

    @Test
    void everyKeyOfTheFormatComesBackAsRead() throws IOException {
        Path changelog = everything();
        LoadedChangelog fresh = read(changelog, KeptChangelog.NONE);
        assertThat(fresh.problems()).isEmpty();
        KeptChangelog kept = KeptChangelog.atFile(cacheFile(), BUILD);
        kept.keep(fresh.changelog(), Files.readAllBytes(changelog));

        Changelog back = KeptChangelog.atFile(cacheFile(), BUILD)
                .find(changelog, changelog.toAbsolutePath().normalize().getParent(), Files.readAllBytes(changelog))
                .orElseThrow();
        assertThat(back).isEqualTo(fresh.changelog());
        Revision first = back.revisions().get(0);
        assertThat(first.description()).isEqualTo("Stühle & Tische, \"quoted\"");
        assertThat(first.up().perDialect()).hasSize(2);
        assertThat(first.spans()).isEqualTo(fresh.changelog().revisions().get(0).spans());
        assertThat(back.revisions().get(3).replaces()).containsExactly("old_1", "old_2");
        assertThat(back.revisions().get(4).repeatable()).isTrue();
        assertThat(back.revisions().get(1).transactional()).isFalse();
    }

    @Test
    void aKeptModelIsTakenForTheSameBytesWithoutReadingThem() throws IOException {
        Path changelog = everything();
        byte[] bytes = Files.readAllBytes(changelog);
        // what another changelog read to, kept under this one's bytes: only the key decides
        Path blog = SAMPLES.resolve("blog").resolve("changelog.yaml");
        Changelog other = read(blog, KeptChangelog.NONE).changelog();
        Changelog planted = new Changelog(changelog, changelog.toAbsolutePath().normalize().getParent(), 1, Set.of(),
                other.revisions());
        KeptChangelog.atFile(cacheFile(), BUILD).keep(planted, bytes);

        assertThat(read(changelog, KeptChangelog.atFile(cacheFile(), BUILD)).changelog().revisions())
                .isEqualTo(other.revisions());
    }

    @Test
    void anEditABuildAnotherNameOrAnotherFolderReadsTheChangelogAgain() throws IOException {
        Path changelog = everything();
        read(changelog, KeptChangelog.atFile(cacheFile(), BUILD));
        byte[] bytes = Files.readAllBytes(changelog);
        Path base = changelog.toAbsolutePath().normalize().getParent();
        KeptChangelog kept = KeptChangelog.atFile(cacheFile(), BUILD);
        assertThat(kept.find(changelog, base, bytes)).isPresent();

        byte[] edited = EVERYTHING.replace("main", "mains").getBytes(StandardCharsets.UTF_8);
        assertThat(kept.find(changelog, base, edited)).isEmpty();
        assertThat(KeptChangelog.atFile(cacheFile(), "another build").find(changelog, base, bytes)).isEmpty();
        assertThat(kept.find(Path.of("elsewhere.yaml"), base, bytes)).isEmpty();
        assertThat(kept.find(changelog, base.resolve("sub"), bytes)).isEmpty();

        // an edit read through the kept file is read again, and kept in its place
        Files.writeString(changelog, EVERYTHING.replace("labels: [main]", "labels: [trunk]"));
        LoadedChangelog after = read(changelog, KeptChangelog.atFile(cacheFile(), BUILD));
        assertThat(after.changelog().revisions().get(0).labels()).containsExactly("trunk");
        assertSameRead(read(changelog, KeptChangelog.atFile(cacheFile(), BUILD)), read(changelog, KeptChangelog.NONE));
    }

    @Test
    void aChangelogWithAProblemIsNeverKeptAndReportsItEveryTime() throws IOException {
        Path changelog = project(EVERYTHING.replace("depends_on: [\"0002\"]", "depends_on: [\"0002\"]\n    colour: red"),
                "sql/1.sqlite.sql", "sql/1.pg.sql", "sql/1.down.sql", "sql/1.test.sql", "sql/2.sql", "sql/3.sql",
                "sql/3.down.sql", "sql/4.sql", "sql/views.sql");
        LoadedChangelog first = read(changelog, KeptChangelog.atFile(cacheFile(), BUILD));
        assertThat(first.problems()).isNotEmpty();
        assertThat(cacheFile()).doesNotExist();
        assertThat(read(changelog, KeptChangelog.atFile(cacheFile(), BUILD)).problems()).isEqualTo(first.problems());
    }

    @Test
    void theSqlFilesAndTheGraphAreCheckedOnEveryRun() throws IOException {
        Path changelog = everything();
        read(changelog, KeptChangelog.atFile(cacheFile(), BUILD));
        Files.delete(changelog.resolveSibling("sql/1.pg.sql"));
        Files.delete(changelog.resolveSibling("sql/3.sql"));

        LoadedChangelog kept = read(changelog, KeptChangelog.atFile(cacheFile(), BUILD));
        LoadedChangelog fresh = read(changelog, KeptChangelog.NONE);
        assertThat(kept.problems()).hasSize(2).isEqualTo(fresh.problems());
        assertThat(kept.problems().get(0).toString()).contains("postgresql up file 'sql/1.pg.sql' of revision '0001'");
    }

    @Test
    void aKeptFileThatIsCutShortForeignOrEmptyIsReadAroundAndReplaced() throws IOException {
        Path changelog = everything();
        LoadedChangelog fresh = read(changelog, KeptChangelog.NONE);
        read(changelog, KeptChangelog.atFile(cacheFile(), BUILD));
        byte[] whole = Files.readAllBytes(cacheFile());
        for (byte[] broken : List.of(new byte[0], "not ours".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(whole, whole.length / 2), java.util.Arrays.copyOf(whole, whole.length + 1))) {
            Files.write(cacheFile(), broken);
            assertSameRead(read(changelog, KeptChangelog.atFile(cacheFile(), BUILD)), fresh);
            assertThat(Files.readAllBytes(cacheFile())).isEqualTo(whole);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenCostsOnlyTime() throws IOException {
        Path changelog = everything();
        Files.writeString(dir.resolve("cache"), "a file where the folder would be");
        assertSameRead(read(changelog, KeptChangelog.atFile(cacheFile(), BUILD)), read(changelog, KeptChangelog.NONE));
    }

    @Test
    void classesOutsideAJarKeepNothing() throws IOException {
        assertThat(KeptChangelog.build(KeptChangelogTest.class.getProtectionDomain().getCodeSource())).isNull();
        Path jar = dir.resolve("graft.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        String build = KeptChangelog.build(new java.security.CodeSource(jar.toUri().toURL(),
                (java.security.cert.Certificate[]) null));
        assertThat(build).contains("graft.jar").contains("|3|");
    }
}
