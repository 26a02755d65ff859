package io.graft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A target is parsed and its names checked before a connection, a lock, a history read or a drift check. */
class TargetAtTheEdgeTest {

    /** Nothing listens on port 1: a refused connection, at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/nothing?user=nobody&connectTimeout=2";

    @TempDir
    Path dir;

    private Path changelog() {
        return ChangelogFixture.in(dir)
                .revision("0001_head", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .save();
    }

    @Test
    void aTypoIsReportedBeforeAnUnreachableDatabase() {
        try (Graft graft = Graft.builder().changelog(changelog()).url(UNREACHABLE).build()) {
            assertThatThrownBy(() -> graft.upgrade("hed")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("'hed'");
            assertThatThrownBy(() -> graft.downgrade("hed-1")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("'hed-1'");
            assertThatThrownBy(() -> graft.stamp("nolabel@+1")).isInstanceOf(TargetException.class);
            assertThatThrownBy(() -> graft.upgrade("a:b")).isInstanceOf(TargetException.class);
        }
    }

    @Test
    void aTypoCreatesNoSqliteFile() {
        Path database = dir.resolve("never.db");
        try (Graft graft = Graft.builder().changelog(changelog()).url("jdbc:sqlite:" + database).build()) {
            assertThatThrownBy(() -> graft.upgrade("hed")).isInstanceOf(TargetException.class);
        }
        assertThat(database).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aTypoIsNotHiddenByDrift(DialectId dialect) throws Exception {
        Path changelog = changelog();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
                graft.upgrade();
            }
            Files.writeString(dir.resolve("sql/0001_head.up.sql"), "CREATE TABLE changed (id INTEGER);\n");
            try (Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
                assertThatThrownBy(() -> graft.upgrade("hed")).isInstanceOf(TargetException.class);
                assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(DriftException.class);
            }
        }
    }
}
