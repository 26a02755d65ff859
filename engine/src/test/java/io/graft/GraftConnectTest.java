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

/** The connection is opened while the changelog loads; what the caller sees must not change. */
class GraftConnectTest {

    /** Nothing listens on port 1: a refused connection, at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/nothing?user=nobody&connectTimeout=2";

    @TempDir
    Path dir;

    private Path badChangelog() {
        return ChangelogFixture.in(dir)
                .revision("0001_a", List.of("no_such_parent"), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .save();
    }

    private Path goodChangelog() {
        return ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id INTEGER);\n", "DROP TABLE a;\n")
                .save();
    }

    @Test
    void aBadChangelogIsReportedBeforeAnUnreachableDatabase() {
        try (Graft graft = Graft.builder().changelog(badChangelog()).url(UNREACHABLE).build()) {
            assertThatThrownBy(() -> graft.upgrade())
                    .isInstanceOf(ChangelogException.class)
                    .hasMessageContaining("no_such_parent");
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedWhenTheChangelogIsGood() {
        try (Graft graft = Graft.builder().changelog(goodChangelog()).url(UNREACHABLE).build()) {
            assertThatThrownBy(() -> graft.upgrade())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("cannot connect to the database");
        }
    }

    @Test
    void readsOfAnSqliteFileThatDoesNotExistLeaveItAbsentAndAnUpgradeCreatesIt() {
        Path database = dir.resolve("later.db");
        try (Graft graft = Graft.builder().changelog(goodChangelog()).url("sqlite:///" + database).build()) {
            assertThat(graft.databaseExists()).isFalse();
            Status status = graft.status();
            assertThat(status.applied()).isEmpty();
            assertThat(status.pending()).extracting(r -> r.id()).containsExactly("0001_a");
            assertThat(graft.check().drift()).isEmpty();
            assertThat(graft.log(10)).isEmpty();
            assertThat(graft.upgradeSql((String) null, null)).contains("CREATE TABLE a");
            assertThat(graft.graph(GraphFormat.MERMAID, true)).contains("0001_a");
            assertThat(database).doesNotExist();

            assertThat(graft.upgrade().steps()).hasSize(1);
            assertThat(database).exists();
            assertThat(graft.databaseExists()).isTrue();
            assertThat(graft.status().applied()).hasSize(1);
        }
    }

    @Test
    void aServerOrAnInMemoryDatabaseAlwaysExists() {
        try (Graft graft = Graft.builder().changelog(goodChangelog()).url(UNREACHABLE).build()) {
            assertThat(graft.databaseExists()).isTrue();
        }
        try (Graft graft = Graft.builder().changelog(goodChangelog()).url("sqlite://").build()) {
            assertThat(graft.databaseExists()).isTrue();
            assertThat(graft.status().pending()).hasSize(1);
        }
    }

    @Test
    void aUrlGraftCannotUseFailsTheBuildWithOneLine() {
        assertThatThrownBy(() -> Graft.builder().changelog(goodChangelog()).url("jdbc:oracle:thin:@db:1521:x").build())
                .isInstanceOf(DatabaseUrlException.class)
                .hasMessageStartingWith("unsupported database URL 'jdbc:oracle:...': Graft accepts ");
    }

    @Test
    void aBadChangelogCreatesNoSqliteFile() {
        Path database = dir.resolve("never.db");
        try (Graft graft = Graft.builder().changelog(badChangelog()).url("jdbc:sqlite:" + database).build()) {
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(ChangelogException.class);
        }
        assertThat(database).doesNotExist();
    }

    @Test
    void anSqliteFileThatExistsIsOpenedEarlyAndABadChangelogLeavesItAsItWas() throws Exception {
        Path database = dir.resolve("there.db");
        try (Graft graft = Graft.builder().changelog(goodChangelog()).url("jdbc:sqlite:" + database).build()) {
            graft.upgrade();
        }
        byte[] before = Files.readAllBytes(database);
        try (Graft graft = Graft.builder().changelog(badChangelog()).url("jdbc:sqlite:" + database).build()) {
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(ChangelogException.class);
        }
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("there.db")))
                    .containsExactly("there.db");
        }
        try (Graft graft = Graft.builder().changelog(goodChangelog()).url("jdbc:sqlite:" + database).build()) {
            assertThat(graft.upgrade().steps()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRunAfterABadChangelogWasFixedConnectsAndApplies(DialectId dialect) throws Exception {
        Path changelog = badChangelog();
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            assertThatThrownBy(() -> graft.upgrade()).isInstanceOf(ChangelogException.class);
            goodChangelog();
            assertThat(Files.readString(changelog)).doesNotContain("no_such_parent");
            try (Graft fixed = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
                assertThat(fixed.upgrade().steps()).hasSize(1);
            }
            assertThat(db.appliedIds()).containsExactly("0001_a");
        }
    }
}
