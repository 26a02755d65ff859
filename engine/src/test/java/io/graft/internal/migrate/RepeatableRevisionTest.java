package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.RunResult;
import io.graft.Status;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code repeatable: true} against real databases: applied after the ordinary revisions, applied
 * again when its file changes (its row replaced, each application logged), pending in the status
 * meanwhile (not drift), reverted first by {@code down}, and stamped like {@code up} would.
 */
class RepeatableRevisionTest {

    private static final String VIEW = "DROP VIEW IF EXISTS item_names;\nCREATE VIEW item_names AS SELECT name FROM items;\n";
    private static final String VIEW_V2 = "DROP VIEW IF EXISTS item_names;\n"
            + "CREATE VIEW item_names AS SELECT name, id FROM items;\n";

    @TempDir
    Path dir;

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(5)).build();
    }

    /** views (repeatable) is listed first, yet runs after the ordinary revisions it follows. */
    private ChangelogFixture fixture() {
        return ChangelogFixture.in(dir)
                .revision("views", List.of("0001_items"), VIEW, "DROP VIEW item_names;\n", "repeatable: true")
                .revision("grants", List.of(), "UPDATE items SET name = name WHERE 1 = 0;\n", null,
                        "repeatable: true")
                .revision("0001_items", List.of(), "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50));\n",
                        "DROP TABLE items;\n")
                .revision("0002_prices", List.of("0001_items"), "CREATE TABLE prices (id INTEGER PRIMARY KEY);\n",
                        "DROP TABLE prices;\n");
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aRepeatableRunsAfterTheOthersAndAgainWhenItsFileChanges(DialectId dialect) {
        ChangelogFixture fixture = fixture();
        Path changelog = fixture.save();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            try (Graft graft = graft(changelog, db)) {
                RunResult first = graft.upgrade();
                assertThat(first.steps()).extracting(s -> s.revisionId())
                        .containsExactly("0001_items", "0002_prices", "views", "grants");
                assertThat(first.current()).containsExactly("0002_prices");
                assertThat(graft.status().upToDate()).isTrue();
                assertThat(graft.heads()).extracting(r -> r.id()).containsExactly("0002_prices");
            }
            assertThat(db.columns("item_names")).containsExactly("name");
            String before = checksum(db, "views");

            fixture.write("sql/views.up.sql", VIEW_V2);
            try (Graft graft = graft(changelog, db)) {
                Status status = graft.check();
                assertThat(status.drift()).isEmpty();
                assertThat(status.pending()).extracting(r -> r.id()).containsExactly("views");
                assertThat(graft.upgradeSql("heads", null))
                        .contains("-- repeatable: applied before, its file changed; its row is replaced")
                        .contains("CREATE VIEW item_names AS SELECT name, id FROM items;");
                RunResult again = graft.upgrade();
                assertThat(again.steps()).extracting(s -> s.revisionId()).containsExactly("views");
                assertThat(graft.status().upToDate()).isTrue();
                assertThat(graft.upgrade().steps()).isEmpty();
            }
            assertThat(db.columns("item_names")).containsExactly("name", "id");
            assertThat(checksum(db, "views")).isNotEqualTo(before).hasSize(64);
            assertThat(db.query("SELECT id FROM graft_revisions ORDER BY applied_seq"))
                    .extracting(r -> r.get("id")).containsExactly("0001_items", "0002_prices", "grants", "views");
            assertThat(db.query("SELECT operation, revision_id FROM graft_log WHERE revision_id = 'views' ORDER BY id"))
                    .extracting(r -> r.get("operation") + " " + r.get("revision_id"))
                    .containsExactly("up views", "up views");
        }
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void downRevertsRepeatablesFirstAndOneWithoutDownOnlyLosesItsRow(DialectId dialect) {
        Path changelog = fixture().save();
        try (TestDatabase db = TestDatabase.create(dialect); Graft graft = graft(changelog, db)) {
            graft.upgrade();
            assertThat(graft.downgrade("0001_items").steps()).extracting(s -> s.revisionId())
                    .containsExactly("0002_prices");
            assertThat(db.appliedIds()).contains("views", "grants");

            RunResult down = graft.downgrade("base");
            assertThat(down.steps()).extracting(s -> s.revisionId()).containsExactly("grants", "views", "0001_items");
            assertThat(db.userTables()).isEmpty();
            assertThat(db.appliedIds()).isEmpty();
            assertThat(db.query("SELECT operation, revision_id FROM graft_log ORDER BY id"))
                    .extracting(r -> r.get("operation") + " " + r.get("revision_id"))
                    .endsWith("down grants", "down views", "down 0001_items");

            assertThat(graft.stamp("heads").steps()).extracting(s -> s.revisionId())
                    .containsExactly("0001_items", "0002_prices", "views", "grants");
            assertThat(graft.status().upToDate()).isTrue();
        }
    }

    private static String checksum(TestDatabase db, String id) {
        List<Map<String, Object>> rows = db.query("SELECT checksum FROM graft_revisions WHERE id = '" + id + "'");
        assertThat(rows).hasSize(1);
        return ((String) rows.get(0).get("checksum")).trim();
    }
}
