package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Graft;
import io.graft.GraftException;
import io.graft.MigrationException;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL runs a transactional revision as one batch with its history writes and COMMIT
 * ({@code PostgresPipeline}): a refused statement is still named exactly, nothing is sent twice,
 * statements that may return rows run alone between batches, and the history holds what it held
 * when each statement was sent alone.
 */
class PostgresPipelineTest {

    @TempDir
    Path dir;

    private static Graft graft(Path changelog, TestDatabase db) {
        return Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password())
                .lockTimeout(Duration.ofSeconds(5)).build();
    }

    private Path changelog(String secondUp) {
        return ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE SEQUENCE counter;\nCREATE TABLE a (id BIGINT);\n",
                        "DROP TABLE a;\nDROP SEQUENCE counter;\n")
                .revision("0002_b", List.of("0001_a"), secondUp, "DROP TABLE b;\n")
                .save();
    }

    /** The sequence moves outside transactions: its value says how often the statements that call it ran. */
    private static long counter(TestDatabase db) {
        Map<String, Object> row = db.query("SELECT last_value, is_called FROM counter").get(0);
        return Boolean.TRUE.equals(row.get("is_called")) ? ((Number) row.get("last_value")).longValue() : 0;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : ((Timestamp) value).toInstant();
    }

    @Test
    void aRefusedStatementInTheBatchIsNamedAndNothingRunsTwiceOrAfterIt() {
        Path changelog = changelog("""
                CREATE TABLE b (id BIGINT, name TEXT);
                INSERT INTO a (id) SELECT nextval('counter');
                INSERT INTO b (id, name) VALUES (1, 'one');
                INSERT INTO b (id,
                               nope) VALUES (2, 'two');
                INSERT INTO a (id) SELECT nextval('counter');
                CREATE INDEX b_id ON b (id);
                """);
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade)
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(dir.resolve("sql/0002_b.up.sql") + ":5:16: ")
                    .hasMessageContaining("revision '0002_b' failed at statement 4 of 6: INSERT INTO b (id,")
                    .hasMessageContaining("column \"nope\" of relation \"b\" does not exist")
                    .hasMessageContaining("SQLSTATE 42703");
            assertThat(counter(db)).as("the statement before the refused one ran once, the one after never").isEqualTo(1);
            assertThat(db.userTables()).containsExactlyInAnyOrder("a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
            List<Map<String, Object>> failures = db.query(
                    "SELECT revision_id, error FROM graft_log WHERE outcome = 'failure'");
            assertThat(failures).hasSize(1);
            assertThat((String) failures.get(0).get("error")).contains("0002_b.up.sql:5:16");
        }
    }

    @Test
    void aLargeFileGoesInSeveralBatchesAndARefusalInALaterOneIsNamed() {
        StringBuilder up = new StringBuilder("CREATE TABLE b (id BIGINT, note TEXT);\n");
        String note = "x".repeat(600);
        for (int i = 0; i < 3000; i++) {
            up.append("INSERT INTO b (id, note) VALUES (").append(i).append(", '").append(note).append("');\n");
        }
        up.append("INSERT INTO a (id) SELECT nextval('counter');\n");
        up.append("INSERT INTO b (id, nope) VALUES (0, 'x');\n");
        Path changelog = changelog(up.toString());
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade)
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(dir.resolve("sql/0002_b.up.sql") + ":3003:20: ")
                    .hasMessageContaining("failed at statement 3003 of 3003");
            assertThat(counter(db)).isEqualTo(1);
            assertThat(db.userTables()).containsExactlyInAnyOrder("a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
        }
        Path fixed = changelog(up.substring(0, up.lastIndexOf("INSERT INTO b (id, nope)")));
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Graft graft = graft(fixed, db)) {
            graft.upgrade();
            assertThat(db.query("SELECT count(*) AS n FROM b").get(0).get("n")).isEqualTo(3000L);
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
        }
    }

    @Test
    void statementsThatReturnRowsRunAloneAndTheRefusedOneAfterThemIsNamed() {
        Path changelog = changelog("""
                CREATE TABLE b (id BIGINT);
                SELECT setval('counter', 10);
                INSERT INTO b (id) VALUES (nextval('counter')) RETURNING id;
                WITH x AS (SELECT 1 AS id) INSERT INTO b SELECT id FROM x;
                INSERT INTO a (id) SELECT nextval('counter');
                INSERT INTO missing (id) VALUES (1);
                """);
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade)
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith(dir.resolve("sql/0002_b.up.sql") + ":6:13: ")
                    .hasMessageContaining("failed at statement 6 of 6: INSERT INTO missing");
            assertThat(counter(db)).isEqualTo(12);
            assertThat(db.userTables()).containsExactlyInAnyOrder("a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
        }
    }

    @Test
    void aRevisionWithRowsReturnedAndCopyIsAppliedWhole() {
        Path changelog = changelog("""
                CREATE TABLE b (id BIGINT, doc JSONB);
                SELECT pg_catalog.set_config('search_path', 'public', false);
                COPY b (id, doc) FROM stdin;
                1\t{"k": 1}
                \\.
                INSERT INTO b (id, doc) SELECT 2, '{"k": 2}'::jsonb WHERE '{"k": 2}'::jsonb ? 'k';
                DO $$ BEGIN INSERT INTO b (id) VALUES (3); END $$;
                INSERT INTO a (id) VALUES (nextval('counter')) RETURNING id;
                """);
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Graft graft = graft(changelog, db)) {
            graft.upgrade();
            assertThat(db.query("SELECT id FROM b ORDER BY id")).extracting(r -> ((Number) r.get("id")).intValue())
                    .containsExactly(1, 2, 3);
            assertThat(counter(db)).isEqualTo(1);
            assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b");
            graft.downgrade("0001_a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
            assertThat(db.userTables()).containsExactlyInAnyOrder("a");
            assertThat(db.query("SELECT operation, revision_id, outcome FROM graft_log ORDER BY id"))
                    .extracting(r -> r.get("operation") + " " + r.get("revision_id") + " " + r.get("outcome"))
                    .containsExactly("up 0001_a success", "up 0002_b success", "down 0002_b success");
        }
    }

    @Test
    void theHistoryWrittenInTheBatchHoldsTheTextAsWrittenAlsoWithoutStandardConformingStrings() {
        String description = "it's a \\back\\slash, a 'quote' and ünïcödé; DROP TABLE a; --";
        Path changelog = ChangelogFixture.in(dir)
                .revision("0001_a", List.of(), "CREATE TABLE a (id BIGINT);\n", "DROP TABLE a;\n",
                        "description: '" + description.replace("'", "''") + "'")
                .save();
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL)) {
            db.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET standard_conforming_strings = off',"
                    + " current_database()); END $$");
            Instant before = instant(db.query("SELECT clock_timestamp() AS t").get(0).get("t"));
            try (Graft graft = graft(changelog, db)) {
                graft.upgrade();
            }
            Map<String, Object> row = db.query(
                    "SELECT description, execution_ms, applied_at, statements_done, statements_total, state"
                            + " FROM graft_revisions").get(0);
            assertThat(row.get("description")).isEqualTo(description);
            assertThat(((Number) row.get("execution_ms")).longValue()).isBetween(0L, 60_000L);
            assertThat(row.get("statements_done")).isEqualTo(1);
            assertThat(row.get("statements_total")).isEqualTo(1);
            assertThat(row.get("state")).isEqualTo("applied");
            assertThat(instant(row.get("applied_at"))).isAfterOrEqualTo(before);
            Map<String, Object> log = db.query("SELECT started_at, finished_at FROM graft_log").get(0);
            assertThat(instant(log.get("started_at"))).isAfterOrEqualTo(before)
                    .isBeforeOrEqualTo(instant(log.get("finished_at")));
            assertThat(db.userTables()).containsExactly("a");
        }
    }

    @Test
    void aConstraintRefusedAtCommitLeavesNothingApplied() {
        Path changelog = changelog("""
                CREATE TABLE b (id BIGINT PRIMARY KEY);
                CREATE TABLE c (b_id BIGINT REFERENCES b (id) DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO c (b_id) VALUES (42);
                """);
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Graft graft = graft(changelog, db)) {
            assertThatThrownBy(graft::upgrade)
                    .isInstanceOf(GraftException.class)
                    .hasMessageContaining("0002_b")
                    .hasMessageContaining("violates foreign key constraint");
            assertThat(db.userTables()).containsExactlyInAnyOrder("a");
            assertThat(db.appliedIds()).containsExactly("0001_a");
            assertThat(db.query("SELECT outcome FROM graft_log WHERE revision_id = '0002_b'"))
                    .extracting(r -> r.get("outcome")).containsExactly("failure");
        }
    }
}
