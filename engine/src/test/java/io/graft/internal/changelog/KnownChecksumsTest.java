package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksums computed before are found again by content, across processes (a fresh instance on
 * the same file stands for the next process), and never stand in for other content.
 */
class KnownChecksumsTest {

    private static final String A = "CREATE TABLE a (id INTEGER);\r\n";
    private static final String B = "CREATE TABLE b (id INTEGER);\n";

    @TempDir
    Path dir;

    private Path cacheFile() {
        return dir.resolve("cache").resolve("project.bin");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A cache file that claims {@code sha} for the content {@code text}, as if computed earlier. */
    private void claim(String text, String sha) throws IOException {
        KnownChecksums.Fingerprint f = KnownChecksums.Fingerprint.of(bytes(text));
        Files.createDirectories(cacheFile().getParent());
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cacheFile()))) {
            out.writeLong(0x4752_4146_5443_4B32L);
            out.writeInt(1);
            out.writeLong(f.size());
            out.writeInt(f.crc32c());
            out.writeInt(f.crc32());
            out.write(HexFormat.of().parseHex(sha));
            out.writeInt(0); // no stamps
        }
    }

    @Test
    void theChecksumIsTheSha256OfTheNormalisedContentWithOrWithoutAFolder() {
        KnownChecksums kept = KnownChecksums.atFile(cacheFile());
        assertThat(kept.sha256(bytes(A))).isEqualTo(Checksums.sha256(bytes(A)))
                .isEqualTo(KnownChecksums.NONE.sha256(bytes(A)))
                .isEqualTo(Checksums.sha256(bytes("CREATE TABLE a (id INTEGER);\n")));
    }

    @Test
    void aChecksumComputedInOneProcessIsFoundByTheNextWithoutHashing() throws IOException {
        String claimed = "ab".repeat(32);
        claim(A, claimed);
        KnownChecksums next = KnownChecksums.atFile(cacheFile());
        // the value on file is returned as it is: proof that nothing was hashed
        assertThat(next.sha256(bytes(A))).isEqualTo(claimed);
        // other content is hashed, whatever the file holds
        assertThat(next.sha256(bytes(B))).isEqualTo(Checksums.sha256(bytes(B)));
    }

    @Test
    void oneByteChangedIsNewContent() throws IOException {
        KnownChecksums first = KnownChecksums.atFile(cacheFile());
        first.sha256(bytes(A));
        first.save();
        KnownChecksums second = KnownChecksums.atFile(cacheFile());
        for (String edited : List.of("CREATE TABLE b (id INTEGER);\r\n", "CREATE TABLE a (id INTEGER) ;\r\n",
                "CREATE TABLE a (id INTEGER);\r\n\n", "create TABLE a (id INTEGER);\r\n")) {
            assertThat(second.sha256(bytes(edited))).as(edited).isEqualTo(Checksums.sha256(bytes(edited)));
        }
    }

    @Test
    void savedChecksumsSurviveAndAreWrittenOnlyWhenNew() throws IOException {
        KnownChecksums first = KnownChecksums.atFile(cacheFile());
        first.save();
        assertThat(cacheFile()).doesNotExist();
        String a = first.sha256(bytes(A));
        first.save();
        assertThat(cacheFile()).exists();
        long size = Files.size(cacheFile());

        KnownChecksums second = KnownChecksums.atFile(cacheFile());
        assertThat(second.sha256(bytes(A))).isEqualTo(a);
        Files.delete(cacheFile());
        second.save(); // nothing new: not written again
        assertThat(cacheFile()).doesNotExist();
        second.sha256(bytes(B));
        second.save();
        assertThat(Files.size(cacheFile())).isGreaterThan(size);
        assertThat(Files.list(cacheFile().getParent())).containsExactly(cacheFile());
    }

    @Test
    void aFileThatIsNotOursOrCutShortIsIgnoredAndReplaced() throws IOException {
        Files.createDirectories(cacheFile().getParent());
        for (byte[] junk : List.of(bytes("not a cache at all, but long enough to read a header"), new byte[0],
                new byte[] {0x47, 0x52, 0x41, 0x46, 0x54, 0x43, 0x4B, 0x32, 0, 0, 0, 9, 1, 2, 3},
                new byte[] {0x47, 0x52, 0x41, 0x46, 0x54, 0x43, 0x4B, 0x32, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 'a'},
                new byte[] {0x47, 0x52, 0x41, 0x46, 0x54, 0x43, 0x4B, 0x32, 0, 0, 0, 0, 0, 0, 0, 1, -1, 0, 0, 3})) {
            Files.write(cacheFile(), junk);
            KnownChecksums k = KnownChecksums.atFile(cacheFile());
            assertThat(k.sha256(bytes(A))).isEqualTo(Checksums.sha256(bytes(A)));
            assertThat(k.stamped("sql/a.sql", OLD)).isNull();
            k.save();
            assertThat(KnownChecksums.atFile(cacheFile()).sha256(bytes(A))).isEqualTo(Checksums.sha256(bytes(A)));
        }
    }

    @Test
    void aFolderThatCannotBeWrittenCostsNothingButTime() throws IOException {
        Files.writeString(dir.resolve("cache"), "a file where the folder should be");
        KnownChecksums k = KnownChecksums.atFile(cacheFile());
        assertThat(k.sha256(bytes(A))).isEqualTo(Checksums.sha256(bytes(A)));
        k.save();
        assertThat(dir.resolve("cache")).isRegularFile();
    }

    @Test
    void aStreamedFileIsKnownByTheSameFingerprintAsItsBytes() throws IOException {
        Path big = dir.resolve("big.sql");
        String text = "\uFEFF" + "INSERT INTO t VALUES (1);\r\n".repeat(20_000);
        Files.writeString(big, text);
        KnownChecksums k = KnownChecksums.atFile(cacheFile());
        String streamed = k.sha256(big);
        assertThat(streamed).isEqualTo(Checksums.sha256(bytes(text)));
        k.save();

        claim(text, "cd".repeat(32));
        assertThat(KnownChecksums.atFile(cacheFile()).sha256(big)).isEqualTo("cd".repeat(32));
        assertThat(KnownChecksums.atFile(cacheFile()).sha256(bytes(text))).isEqualTo("cd".repeat(32));
    }

    @Test
    void oneInstancePerChangelogAndProcess() {
        Path changelog = dir.resolve("project/changelog.yaml");
        assertThat(KnownChecksums.in(dir.resolve("x/../cache"), dir.resolve("project/./changelog.yaml")))
                .isSameAs(KnownChecksums.in(dir.resolve("cache"), changelog))
                .isNotSameAs(KnownChecksums.in(dir.resolve("cache"), dir.resolve("other/changelog.yaml")));
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheFileIsFull() throws IOException {
        KnownChecksums k = KnownChecksums.atFile(cacheFile());
        k.sha256(bytes("SELECT 0;"));
        for (int i = 1; i <= KnownChecksums.MAX_ENTRIES; i++) {
            k.sha256(bytes("SELECT " + i + ";"));
            if (i == KnownChecksums.MAX_ENTRIES / 2) {
                assertThat(k.knows(bytes("SELECT 0;"))).isTrue(); // used again
            }
        }
        k.save();
        assertThat(Files.size(cacheFile())).isEqualTo(12L + KnownChecksums.MAX_ENTRIES * 48L + 4);
        KnownChecksums next = KnownChecksums.atFile(cacheFile());
        assertThat(next.knows(bytes("SELECT 1;"))).isFalse();
        assertThat(next.knows(bytes("SELECT 0;"))).isTrue();
        assertThat(next.knows(bytes("SELECT 2;"))).isTrue();
        assertThat(next.knows(bytes("SELECT " + KnownChecksums.MAX_ENTRIES + ";"))).isTrue();
    }

    /** A stamp of a file last changed long ago, and fields that each differ from it. */
    private static final KnownChecksums.Stamp OLD = new KnownChecksums.Stamp(30, 1_000_000_000L, 2_000_000_000L, 77, 8);

    @Test
    void aStampIsFoundByTheNextProcessOnlyWhileEveryFieldIsTheSame() throws IOException {
        KnownChecksums first = KnownChecksums.atFile(cacheFile());
        KnownChecksums.Fingerprint a = KnownChecksums.Fingerprint.of(bytes(A));
        first.stamp("sql/a.sql", OLD, a, System.currentTimeMillis());
        first.save();

        KnownChecksums next = KnownChecksums.atFile(cacheFile());
        assertThat(next.stamped("sql/a.sql", OLD)).isEqualTo(a);
        assertThat(next.stamped("sql/b.sql", OLD)).isNull();
        for (KnownChecksums.Stamp moved : List.of(
                new KnownChecksums.Stamp(31, 1_000_000_000L, 2_000_000_000L, 77, 8),
                new KnownChecksums.Stamp(30, 1_000_000_001L, 2_000_000_000L, 77, 8),
                new KnownChecksums.Stamp(30, 1_000_000_000L, 2_000_000_001L, 77, 8),
                new KnownChecksums.Stamp(30, 1_000_000_000L, 2_000_000_000L, 78, 8),
                new KnownChecksums.Stamp(30, 1_000_000_000L, 2_000_000_000L, 77, 9))) {
            assertThat(next.stamped("sql/a.sql", moved)).as(moved.toString()).isNull();
        }
    }

    @Test
    void aFileChangedWithinTheSettlingTimeIsNotStamped() {
        KnownChecksums k = KnownChecksums.atFile(cacheFile());
        KnownChecksums.Fingerprint a = KnownChecksums.Fingerprint.of(bytes(A));
        long now = System.currentTimeMillis();
        long justNow = (now - KnownChecksums.SETTLE_MILLIS / 2) * 1_000_000;
        long settled = (now - KnownChecksums.SETTLE_MILLIS - 1) * 1_000_000;
        k.stamp("changed", new KnownChecksums.Stamp(30, settled, justNow, 1, 1), a, now);
        k.stamp("modified", new KnownChecksums.Stamp(30, justNow, settled, 1, 1), a, now);
        k.stamp("future", new KnownChecksums.Stamp(30, settled + 3_600_000_000_000L, settled, 1, 1), a, now);
        k.stamp("settled", new KnownChecksums.Stamp(30, settled, settled, 1, 1), a, now);
        assertThat(k.stamped("changed", new KnownChecksums.Stamp(30, settled, justNow, 1, 1))).isNull();
        assertThat(k.stamped("modified", new KnownChecksums.Stamp(30, justNow, settled, 1, 1))).isNull();
        assertThat(k.stamped("future", new KnownChecksums.Stamp(30, settled + 3_600_000_000_000L, settled, 1, 1)))
                .isNull();
        assertThat(k.stamped("settled", new KnownChecksums.Stamp(30, settled, settled, 1, 1))).isEqualTo(a);
    }

    @Test
    void withoutAFolderNothingIsStamped() {
        KnownChecksums.NONE.stamp("sql/a.sql", OLD, KnownChecksums.Fingerprint.of(bytes(A)), System.currentTimeMillis());
        assertThat(KnownChecksums.NONE.stamped("sql/a.sql", OLD)).isNull();
        assertThat(KnownChecksums.NONE.keeps()).isFalse();
    }

    @Test
    void stampsSurviveWithTheChecksumsAndNonAsciiPaths() throws IOException {
        KnownChecksums first = KnownChecksums.atFile(cacheFile());
        String sha = first.sha256(bytes(A));
        KnownChecksums.Fingerprint a = KnownChecksums.Fingerprint.of(bytes(A));
        first.stamp("sql/Stühle/ä.sql", OLD, a, System.currentTimeMillis());
        first.save();
        KnownChecksums next = KnownChecksums.atFile(cacheFile());
        KnownChecksums.Fingerprint found = next.stamped("sql/Stühle/ä.sql", OLD);
        assertThat(found).isEqualTo(a);
        assertThat(next.known(found)).isEqualTo(sha);
    }
}
