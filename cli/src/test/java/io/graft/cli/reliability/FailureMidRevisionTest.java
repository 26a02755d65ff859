package io.graft.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.cli.reliability.Graftc.Result;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DESIGN §4: a revision whose fifth statement fails. PostgreSQL and SQLite: no trace of the first
 * four; MySQL/MariaDB (DDL commits implicitly): the revision is left {@code running} with four
 * statements done, and the message says so. Earlier revisions stay applied, graft_log records the
 * failure with the database's error text, and the CLI exits 1.
 */
class FailureMidRevisionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void fifthStatementFails(DialectId dialect) {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            Path changelog = ChangelogFixture.in(dir)
                    .revision("0001_a", List.of(), "CREATE TABLE a (n INTEGER);\nINSERT INTO a (n) VALUES (1);\n", null)
                    .revision("0002_b", List.of("0001_a"), """
                            CREATE TABLE b (n INTEGER);
                            INSERT INTO b (n) VALUES (1);
                            CREATE TABLE b2 (n INTEGER);
                            INSERT INTO a (n) VALUES (2);
                            INSERT INTO no_such_table (n) VALUES (3);
                            CREATE TABLE b3 (n INTEGER);
                            """, null)
                    .revision("0003_c", List.of("0002_b"), "CREATE TABLE c (n INTEGER);\n", null)
                    .save();

            Result r = Graftc.run(db, changelog, "up");

            assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
            Graftc.assertNoStackTrace(r);
            assertThat(r.out()).contains("applied 0001_a");
            // Column 1, or on PostgreSQL the column of the error's position (the table name).
            assertThat(r.err()).containsPattern("sql/0002_b.up.sql:5:\\d+: revision '0002_b' failed at statement 5 of 6")
                    .containsIgnoringCase("no_such_table");
            List<Map<String, Object>> failures = db.query(
                    "SELECT error FROM graft_log WHERE revision_id = '0002_b' AND outcome = 'failure'");
            assertThat(failures).hasSize(1);
            assertThat((String) failures.get(0).get("error")).containsPattern("0002_b.up.sql:5:\\d+:")
                    .containsIgnoringCase("no_such_table");
            assertThat(Workloads.logCount(db, "0001_a", "success")).isEqualTo(1);
            assertThat(Workloads.count(db, "a")).as("0001_a's row; the fourth statement's is undone")
                    .isEqualTo(dialect == DialectId.MYSQL ? 2 : 1);

            if (dialect == DialectId.MYSQL) {
                assertThat(db.userTables()).containsExactlyInAnyOrder("a", "b", "b2");
                List<Map<String, Object>> row = db.query(
                        "SELECT state, statements_done, statements_total, failed_statement FROM graft_revisions WHERE id = '0002_b'");
                assertThat(row).hasSize(1);
                assertThat(row.get(0).get("state")).isEqualTo("running");
                assertThat(((Number) row.get(0).get("statements_done")).intValue()).isEqualTo(4);
                assertThat(((Number) row.get(0).get("statements_total")).intValue()).isEqualTo(6);
                assertThat((String) row.get(0).get("failed_statement")).contains("0002_b.up.sql:5:1");
                assertThat(r.err()).contains("its first 4 statement(s) stay committed")
                        .contains("graft repair 0002_b --applied").contains("graft repair 0002_b --rolled-back");
                Result next = Graftc.run(db, changelog, "up");
                assertThat(next.exitCode()).isEqualTo(1);
                assertThat(next.err()).contains("revision '0002_b' was left running: 4 of 6 statement(s) completed")
                        .contains("0002_b.up.sql:5:1");
            } else {
                assertThat(db.userTables()).containsExactly("a");
                assertThat(db.appliedIds()).containsExactly("0001_a");
                // Nothing blocks the next run: fixed, the revision applies whole.
                db.execute("CREATE TABLE no_such_table (n INTEGER)");
                Result next = Graftc.run(db, changelog, "up");
                assertThat(next.exitCode()).as("%s", next).isZero();
                assertThat(db.appliedIds()).containsExactly("0001_a", "0002_b", "0003_c");
            }
        }
    }
}
