package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose stamp has not moved since it was read is taken on its stamp's word, and any write
 * to it is seen again, however it is disguised. A fresh {@link KnownChecksums} on the same cache
 * file stands for the next process; a settling time of a few milliseconds lets a file written by
 * the test be stamped (the real one is two seconds).
 */
class StampedFilesTest {

    private static final long SETTLE_MILLIS = 20;
    private static final String A = "CREATE TABLE a (id INTEGER);\n";
    private static final String B = "CREATE TABLE b (id INTEGER);\n";
    /** Planted as the file's content: as long as A, as a stamp's bytes are. */
    private static final String X = "CREATE TABLE x (id INTEGER);\n";

    @TempDir
    Path dir;

    private Path changelog;
    private Path up;

    @BeforeEach
    void project() throws IOException {
        changelog = dir.resolve("project/changelog.yaml");
        up = dir.resolve("project/sql/1.sql");
        Files.createDirectories(up.getParent());
        Files.writeString(changelog, """
                changelog: 1
                dialects: [sqlite]
                revisions:
                  - id: "0001"
                    parents: []
                    up: sql/1.sql
                """);
        Files.writeString(up, A);
    }

    private Path cacheFile() {
        return dir.resolve("cache/checksums.bin");
    }

    /** The next process: a fresh instance on the cache file. */
    private KnownChecksums known() {
        return KnownChecksums.atFile(cacheFile(), SETTLE_MILLIS);
    }

    /** Loads with every file check, as a run does, saves what was learnt, and gives the file's checksum. */
    private String load(KnownChecksums known) throws IOException {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL, known, KeptChangelog.NONE);
        assertThat(loaded.problems()).isEmpty();
        String checksum = loaded.sources().of("sql/1.sql").checksum();
        known.save();
        return checksum;
    }

    private static String sha(String text) {
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(3 * SETTLE_MILLIS);
    }

    private KnownChecksums.Stamp stampOf(Path file) throws IOException {
        return SqlFiles.Lstat.of(file).stamp();
    }

    @Test
    void aFileWhoseStampHasNotMovedIsNotReadAgain() throws Exception {
        settle();
        assertThat(load(known())).isEqualTo(sha(A));
        KnownChecksums next = known();
        assertThat(next.stamped("sql/1.sql", stampOf(up))).isEqualTo(KnownChecksums.Fingerprint.of(A.getBytes(StandardCharsets.UTF_8)));

        // Planted: the stamp now claims X's bytes. A load that reads nothing believes it.
        next.sha256(X.getBytes(StandardCharsets.UTF_8));
        next.stamp("sql/1.sql", stampOf(up), KnownChecksums.Fingerprint.of(X.getBytes(StandardCharsets.UTF_8)),
                System.currentTimeMillis());
        next.save();
        assertThat(load(known())).isEqualTo(sha(X));
    }

    @Test
    void aWriteThatKeepsTheSizeAndPutsTheModificationTimeBackIsStillSeen() throws Exception {
        FileTime modified = Files.getLastModifiedTime(up);
        settle();
        assertThat(load(known())).isEqualTo(sha(A));

        Files.writeString(up, B);
        Files.setLastModifiedTime(up, modified);
        assertThat(Files.size(up)).isEqualTo(A.length());
        assertThat(load(known())).isEqualTo(sha(B));
    }

    @Test
    void aFileReplacedByAnotherIsSeen() throws Exception {
        settle();
        assertThat(load(known())).isEqualTo(sha(A));
        Path other = dir.resolve("project/sql/other.sql");
        Files.writeString(other, B);
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(up));
        Files.move(other, up, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(load(known())).isEqualTo(sha(B));
    }

    @Test
    void aFileWrittenJustBeforeTheCheckIsReadEveryTime() throws Exception {
        KnownChecksums known = KnownChecksums.atFile(cacheFile()); // the real settling time
        assertThat(load(known)).isEqualTo(sha(A));
        assertThat(KnownChecksums.atFile(cacheFile()).stamped("sql/1.sql", stampOf(up))).isNull();
    }

    @Test
    void aFileThatIsNotUtf8IsNeverStampedAndReportedEveryTime() throws Exception {
        Files.write(up, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', (byte) 0xC3, ';', '\n'});
        settle();
        for (int run = 0; run < 2; run++) {
            KnownChecksums known = known();
            LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL, known, KeptChangelog.NONE);
            assertThat(loaded.problems()).extracting(Problem::message).singleElement().asString()
                    .contains("not valid UTF-8");
            known.save();
            assertThat(known().stamped("sql/1.sql", stampOf(up))).isNull();
        }
    }

    @Test
    void whenTheBytesAreNeededTheyAreReadAndTheChecksumIsTheirs() throws Exception {
        settle();
        load(known());
        KnownChecksums planted = known();
        planted.sha256(X.getBytes(StandardCharsets.UTF_8));
        planted.stamp("sql/1.sql", stampOf(up), KnownChecksums.Fingerprint.of(X.getBytes(StandardCharsets.UTF_8)),
                System.currentTimeMillis());
        planted.save();

        KnownChecksums next = known();
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL, next, KeptChangelog.NONE);
        SqlSource source = loaded.sources().of("sql/1.sql");
        assertThat(source.checksum()).isEqualTo(sha(X)); // on the stamp's word
        assertThat(new String(source.content(), StandardCharsets.UTF_8)).isEqualTo(A);
        assertThat(source.checksum()).isEqualTo(sha(A)); // what is run is what is recorded
    }

    @Test
    void aFileTooLargeToHoldIsStampedAndItsChecksumKnownWithoutReadingIt() throws Exception {
        String line = "INSERT INTO t VALUES (1, 'some text of a data load');\n";
        String large = line.repeat((int) (SqlSource.HELD_AT_LOAD / line.length()) + 10);
        Files.writeString(up, large);
        settle();
        assertThat(load(known())).isEqualTo(sha(large));
        KnownChecksums next = known();
        KnownChecksums.Fingerprint fingerprint = next.stamped("sql/1.sql", stampOf(up));
        assertThat(fingerprint).isEqualTo(KnownChecksums.Fingerprint.of(large.getBytes(StandardCharsets.UTF_8)));
        assertThat(next.known(fingerprint)).isEqualTo(sha(large));
    }

    @Test
    void aSymbolicLinkIsReadEveryTime() throws Exception {
        Path target = dir.resolve("project/sql/target.sql");
        Files.move(up, target);
        Files.createSymbolicLink(up, target.getFileName());
        settle();
        assertThat(load(known())).isEqualTo(sha(A));
        assertThat(known().stamped("sql/1.sql", stampOf(target))).isNull();
        Files.writeString(target, B);
        assertThat(load(known())).isEqualTo(sha(B));
    }

    @Test
    void aChangelogInAZipIsReadWithoutStampsAndTheNextOneOnDiskIsStampedStill() throws Exception {
        Path zip = dir.resolve("changelog.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : List.of(changelog, up)) {
                out.putNextEntry(new java.util.zip.ZipEntry(changelog.getParent().relativize(file).toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        try (FileSystem zipped = FileSystems.newFileSystem(zip)) {
            Path inZip = zipped.getPath("/changelog.yaml");
            assertThat(SqlFiles.Lstat.of(zipped.getPath("/sql/1.sql")).stamp()).isNull();
            KnownChecksums known = known();
            LoadedChangelog loaded = ChangelogLoader.loadGraph(inZip, FileChecks.FULL, known, KeptChangelog.NONE);
            assertThat(loaded.problems()).isEmpty();
            assertThat(loaded.sources().of("sql/1.sql").checksum()).isEqualTo(sha(A));
        }
        settle();
        assertThat(load(known())).isEqualTo(sha(A));
        assertThat(known().stamped("sql/1.sql", stampOf(up))).isNotNull();
    }
}
