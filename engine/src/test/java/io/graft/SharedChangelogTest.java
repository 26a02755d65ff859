package io.graft;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.Revision;
import io.graft.testing.ChangelogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Graft.Builder#changelogFrom}: a fleet's targets use the changelog one {@code Graft}
 * loaded and checked, read once for all of them, not again per target.
 */
class SharedChangelogTest {

    @TempDir
    Path dir;

    @Test
    void theTargetsUseTheChangelogLoadedOnce() throws Exception {
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .save();
        try (Graft template = Graft.builder().changelog(changelog).build()) {
            template.validate();
            // Changed after the load: a Graft of its own sees it, the ones sharing the load do not.
            Files.writeString(changelog, Files.readString(changelog).replace("0001_a", "0001_b"));
            for (int i = 0; i < 3; i++) {
                Path db = dir.resolve("t" + i + ".db");
                try (Graft target = Graft.builder().changelogFrom(template).url("jdbc:sqlite:" + db).build()) {
                    assertThat(target.heads()).extracting(Revision::id).containsExactly("0001_a");
                    assertThat(target.upgrade().steps()).extracting(RevisionStep::revisionId).containsExactly("0001_a");
                    assertThat(target.status().drift()).isEmpty();
                }
            }
            try (Graft own = Graft.builder().changelog(changelog).url("jdbc:sqlite:" + dir.resolve("own.db")).build()) {
                assertThat(own.heads()).extracting(Revision::id).containsExactly("0001_b");
            }
        }
    }
}
