package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.SourceSpan;
import io.graft.internal.sql.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements PostgreSQL sends in a batch, and how the refused entry of a batch is read. */
class PostgresPipelineRulesTest {

    private static boolean batchable(String sql) {
        return PostgresPipeline.INSTANCE.batchable(new SqlStatement(sql, SourceSpan.file("x.sql")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (id INT)",
            "-- a comment first\ncreate index i on t (id)",
            "INSERT INTO t VALUES (1), (2)",
            "UPDATE t SET id = 2",
            "DO $$ BEGIN PERFORM 1; END $$",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$",
            "COMMENT ON TABLE t IS 'x'",
            "SET search_path = app",
            "INSERT INTO t (note) VALUES ('a;b')",
    })
    void statementsThatReturnNoRowsGoInTheBatch(String sql) {
        assertThat(batchable(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT setval('s', 10)",
            "select pg_catalog.set_config('search_path', '', false)",
            "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
            "INSERT INTO t VALUES (1) RETURNING id",
            "DELETE FROM t\n  returning *",
            "CALL p()",
            "VALUES (1)",
            "EXPLAIN SELECT 1",
            "SHOW search_path",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO v VALUES (2))",
    })
    void statementsThatMayReturnRowsOrThatTheDriverMightSplitRunAlone(String sql) {
        assertThat(batchable(sql)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void copyFromStdinRunsAlone() {
        assertThat(PostgresPipeline.INSTANCE.batchable(
                new SqlStatement("COPY t FROM stdin", SourceSpan.file("x.sql"), "1\n"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Batch entry 2 INSERT INTO nope VALUES (1) was aborted: ERROR: relation \"nope\" does not exist",
            "バッチ 2 INSERT INTO nope VALUES (1) はアボートしました: ERROR: relation \"nope\" does not exist",
            "Пакетный запрос 2 INSERT INTO nope VALUES (1) прерван: ERROR",
    })
    void theRefusedEntryIsTheNumberInTheDriversMessageInAnyLanguage(String message) {
        BatchUpdateException e = new BatchUpdateException(message, "42P01", 0, new int[] {-3, -3, -3, -3},
                new SQLException("relation \"nope\" does not exist"));
        assertThat(PostgresPipeline.refusedEntry(e, 4)).isEqualTo(2);
        assertThat(PostgresPipeline.refusedEntry(e, 2)).as("an entry the batch does not have").isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Batch entry 1,366 INSERT INTO t VALUES (1) was aborted: ERROR",
            "Batch entry 1.366 INSERT INTO t VALUES (1) was aborted: ERROR",
            "Batch entry 1\u00a0366 INSERT INTO t VALUES (1) was aborted: ERROR",
            "Batch entry 1366 INSERT INTO t VALUES (1) was aborted: ERROR"})
    void aLargeEntryNumberIsReadWithTheLocalesGrouping(String message) {
        BatchUpdateException e = new BatchUpdateException(message, "42703", 0, new int[0], null);
        assertThat(PostgresPipeline.refusedEntry(e, 2000)).isEqualTo(1366);
    }
}
