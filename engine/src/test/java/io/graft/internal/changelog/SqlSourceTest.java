package io.graft.internal.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.testing.ChangelogFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each SQL file is read once per command: the load's check, the checksum and the text share its bytes. */
class SqlSourceTest {

    @TempDir
    Path dir;

    private Path changelog() {
        return ChangelogFixture.in(dir).revision("0001_a", List.of(), "\uFEFFCREATE TABLE a (id INTEGER);\r\n", null).save();
    }

    private void edit() throws IOException {
        Files.writeString(dir.resolve("sql/0001_a.up.sql"), "CREATE TABLE edited (id INTEGER);\n");
    }

    @Test
    void theChecksumAndTheTextComeFromTheBytesTheLoadRead() throws IOException {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog(), FileChecks.FULL).orThrow();
        edit();
        SqlSource source = loaded.sources().of("sql/0001_a.up.sql");
        assertThat(source.text()).isEqualTo("CREATE TABLE a (id INTEGER);\r\n");
        assertThat(source.checksum()).isEqualTo(Checksums.sha256("CREATE TABLE a (id INTEGER);\n".getBytes()));
        assertThat(loaded.sources().of("sql/./0001_a.up.sql")).isSameAs(source);
    }

    @Test
    void releaseKeepsTheChecksumAndForgetStartsAfresh() throws IOException {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog(), FileChecks.FULL).orThrow();
        SqlSource source = loaded.sources().of("sql/0001_a.up.sql");
        String checksum = source.checksum();
        edit();
        source.release();
        assertThat(source.checksum()).isEqualTo(checksum);
        assertThat(source.text()).isEqualTo("CREATE TABLE edited (id INTEGER);\n");

        loaded.sources().forget();
        assertThat(loaded.sources().of("sql/0001_a.up.sql").checksum()).isNotEqualTo(checksum);
    }

    @Test
    void aStreamedChecksumIsTheChecksumOfTheWholeBytes() throws IOException {
        String chunk = "x".repeat(64 * 1024 - 1);
        for (String text : List.of("", "\uFEFF", "\uFEFFa\r\nb", "a\rb\r\r\nc\n\r", chunk + "\r\n" + "y",
                chunk + "\rz", chunk + "x\r\n", "\uFEFF" + chunk + "\r\n\r", "\r\n".repeat(70_000))) {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(Checksums.sha256(new java.io.ByteArrayInputStream(bytes))).as("%.20s (%d bytes)", text, bytes.length)
                    .isEqualTo(Checksums.sha256(bytes));
        }
    }

    @Test
    void aFileTooLargeToKeepIsChecksummedAsAStream() throws IOException {
        String big = "-- padding\r\n".repeat((int) (SqlSource.HELD_AT_LOAD / 12) + 1);
        Path changelog = ChangelogFixture.in(dir).revision("0001_a", List.of(), big, null).save();
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow();
        SqlSource source = loaded.sources().of("sql/0001_a.up.sql");
        assertThat(source.checksum()).isEqualTo(Checksums.sha256(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(source.content()).hasSize(big.length());
    }

    @Test
    void aFileTooLargeToKeepIsStreamedThroughTheCheckAndReadWhenUsed() throws IOException {
        String big = "-- padding\n".repeat((int) (SqlSource.HELD_AT_LOAD / 11) + 1);
        Path changelog = ChangelogFixture.in(dir).revision("0001_a", List.of(), big, null).save();
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow();
        edit();
        assertThat(loaded.sources().of("sql/0001_a.up.sql").text()).isEqualTo("CREATE TABLE edited (id INTEGER);\n");
    }

    @Test
    void withoutFileChecksNothingIsReadUntilUsed() throws IOException {
        LoadedChangelog loaded = ChangelogLoader.loadGraph(changelog(), FileChecks.NONE).orThrow();
        edit();
        assertThat(loaded.sources().of("sql/0001_a.up.sql").text()).isEqualTo("CREATE TABLE edited (id INTEGER);\n");
    }

    @Test
    void fileChecksLaterSayWhatAFullLoadSays() throws IOException {
        Path changelog = changelog();
        Files.delete(dir.resolve("sql/0001_a.up.sql"));
        LoadedChangelog none = ChangelogLoader.loadGraph(changelog, FileChecks.NONE);
        assertThat(none.problems()).isEmpty();
        assertThat(none.graph()).isNotNull();
        LoadedChangelog checked = none.withFileChecks();
        assertThat(checked.problems()).isEqualTo(ChangelogLoader.loadGraph(changelog, FileChecks.FULL).problems())
                .hasSize(1);
        assertThat(none.withFileChecks()).isSameAs(checked);
        assertThat(checked.withFileChecks()).isSameAs(checked);
        assertThat(checked.graph()).isSameAs(none.graph());
    }

    @Test
    void aFileIsReadWholeWhateverSizeTheCallerFound() throws IOException {
        byte[] content = new byte[300_000]; // more than one chunk
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        Path file = dir.resolve("data.sql");
        Files.write(file, content);
        // the size found a moment before, and sizes of a file that grew or shrank since
        for (long size : new long[] {-1, 0, 1, 299_999, 300_000, 300_001, 1_000_000}) {
            assertThat(SqlSource.readAll(file, size)).as("size %d", size).isEqualTo(content);
        }
        Files.write(file, new byte[0]);
        assertThat(SqlSource.readAll(file, 10)).isEmpty();
        assertThat(SqlSource.readAll(file)).isEmpty();
    }
}
