package io.graft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Graft.Builder.cacheFolder}: checksums kept between runs by content change what is
 * hashed, never what is found: an applied file edited afterwards is still drift.
 */
class ChecksumCacheTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void anAppliedFileEditedAfterItsChecksumWasKeptIsStillDrift(DialectId dialect) throws Exception {
        Path cache = dir.resolve("cache");
        Path changelog = ChangelogFixture.in(dir.resolve("project"))
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .revision("0002_b", List.of("0001_a"), "CREATE TABLE b (id INTEGER);\n", "DROP TABLE b;\n")
                .save();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = builder(changelog, db, cache).build()) {
                assertThat(graft.upgrade().steps()).hasSize(2);
            }
            assertThat(cache).isDirectoryContaining(f -> f.getFileName().toString().startsWith("checksums"));
            try (Graft graft = builder(changelog, db, cache).build()) {
                assertThat(graft.upgrade().steps()).isEmpty();
                assertThat(graft.status().drift()).isEmpty();
            }

            Path up = changelog.getParent().resolve("sql/0001_a.up.sql");
            Files.writeString(up, "CREATE TABLE a (id BIGINT);\n");
            try (Graft graft = builder(changelog, db, cache).build()) {
                assertThatThrownBy(graft::upgrade).isInstanceOf(DriftException.class)
                        .hasMessageContaining("0001_a");
            }
            Files.writeString(up, "CREATE TABLE a (id INTEGER);\n");
            try (Graft graft = builder(changelog, db, cache).build()) {
                assertThat(graft.upgrade().steps()).isEmpty();
            }
        }
    }

    private static Graft.Builder builder(Path changelog, TestDatabase db, Path cache) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).cacheFolder(cache);
    }
}
