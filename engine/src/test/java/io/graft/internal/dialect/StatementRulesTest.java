package io.graft.internal.dialect;

import static io.graft.changelog.DialectId.MYSQL;
import static io.graft.changelog.DialectId.POSTGRESQL;
import static io.graft.changelog.DialectId.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.sql.SqlStatement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each dialect's {@link StatementRules}, from the first words of a statement (moved from StatementInspectorTest). */
class StatementRulesTest {

    private static Optional<String> reason(String sql, DialectId dialect) {
        return Dialects.of(dialect).statementRules().nonTransactionalReason(new SqlStatement(sql, SourceSpan.none()), 0);
    }

    private static boolean control(String sql, DialectId dialect) {
        return Dialects.of(dialect).statementRules().isTransactionControl(new SqlStatement(sql, SourceSpan.none()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE INDEX CONCURRENTLY i ON t (a)                  | CREATE INDEX CONCURRENTLY cannot run inside a transaction block",
        "create unique index concurrently i on t (a)           | CREATE INDEX CONCURRENTLY cannot run inside a transaction block",
        "DROP INDEX CONCURRENTLY IF EXISTS i                   | DROP INDEX CONCURRENTLY cannot run inside a transaction block",
        "REINDEX INDEX CONCURRENTLY i                          | REINDEX CONCURRENTLY cannot run inside a transaction block",
        "REINDEX (CONCURRENTLY) TABLE t                        | REINDEX CONCURRENTLY cannot run inside a transaction block",
        "REINDEX SCHEMA public                                 | REINDEX SCHEMA cannot run inside a transaction block",
        "REINDEX (VERBOSE) DATABASE app                        | REINDEX DATABASE cannot run inside a transaction block",
        "REINDEX SYSTEM app                                    | REINDEX SYSTEM cannot run inside a transaction block",
        "VACUUM (ANALYZE) t                                    | VACUUM cannot run inside a transaction block",
        "ALTER SYSTEM SET work_mem = '64MB'                    | ALTER SYSTEM cannot run inside a transaction block",
        "CREATE DATABASE app                                   | CREATE DATABASE cannot run inside a transaction block",
        "DROP DATABASE IF EXISTS app                           | DROP DATABASE cannot run inside a transaction block",
        "CREATE TABLESPACE fast LOCATION '/ssd'                | CREATE TABLESPACE cannot run inside a transaction block",
        "DROP TABLESPACE fast                                  | DROP TABLESPACE cannot run inside a transaction block",
        "CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p    | CREATE SUBSCRIPTION cannot run inside a transaction block",
        "DISCARD ALL                                           | DISCARD ALL cannot run inside a transaction block",
        "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY    | ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction block",
        "COMMIT PREPARED 'tx1'                                 | COMMIT PREPARED cannot run inside a transaction block",
    })
    void postgresNonTransactional(String sql, String reason) {
        assertThat(reason(sql, POSTGRESQL)).contains(reason);
    }

    @Test
    void skipsLeadingCommentsAndLineBreaks() {
        assertThat(reason(
                "-- speed up lookups\n/* big table */\nCREATE\n  INDEX\n\tCONCURRENTLY users_email ON users (email)",
                POSTGRESQL)).isPresent();
        assertThat(reason("/* a /* nested */ comment */ VACUUM", POSTGRESQL)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX i ON t (a)",
        "CREATE TABLE concurrently (a int)",
        "DROP INDEX i",
        "REINDEX TABLE t",
        "ALTER TABLE m DETACH PARTITION m_2020",
        "ALTER TABLE m DETACH PARTITION m_2020 FINALIZE",
        "DISCARD PLANS",
        "SELECT 'VACUUM'",
        "-- VACUUM\nSELECT 1",
        "CREATE FUNCTION vacuum_all() RETURNS void AS $$ VACUUM $$ LANGUAGE sql",
        "",
    })
    void postgresTransactional(String sql) {
        assertThat(reason(sql, POSTGRESQL)).isEmpty();
    }

    @Test
    void sqlite() {
        assertThat(reason("VACUUM", SQLITE)).contains("VACUUM cannot run inside a transaction");
        assertThat(reason("pragma foreign_keys = off", SQLITE))
                .contains("PRAGMA foreign_keys has no effect inside a transaction");
        assertThat(reason("PRAGMA main.journal_mode=WAL", SQLITE))
                .contains("PRAGMA journal_mode cannot change the journal mode inside a transaction");
        assertThat(reason("PRAGMA foreign_keys", SQLITE)).isEmpty();
        assertThat(reason("PRAGMA user_version = 3", SQLITE)).isEmpty();
        assertThat(reason("CREATE INDEX CONCURRENTLY i ON t (a)", SQLITE)).isEmpty();
    }

    @Test
    void mysqlHasNoSuchStatements() {
        assertThat(reason("CREATE DATABASE x", MYSQL)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BEGIN                             | postgresql | true",
        "begin transaction isolation level serializable | postgresql | true",
        "BEGIN ATOMIC SELECT 1; END        | postgresql | false",
        "START TRANSACTION                 | postgresql | true",
        "COMMIT                            | postgresql | true",
        "COMMIT AND CHAIN                  | postgresql | true",
        "END                               | postgresql | true",
        "ABORT                             | postgresql | true",
        "ROLLBACK                          | postgresql | true",
        "ROLLBACK TO SAVEPOINT s           | postgresql | false",
        "ROLLBACK WORK TO s                | postgresql | false",
        "SAVEPOINT s                       | postgresql | false",
        "RELEASE SAVEPOINT s               | postgresql | false",
        "PREPARE TRANSACTION 'x'           | postgresql | true",
        "COMMIT PREPARED 'x'               | postgresql | false",
        "SELECT 1                          | postgresql | false",
        "BEGIN                             | sqlite     | true",
        "BEGIN IMMEDIATE TRANSACTION       | sqlite     | true",
        "END TRANSACTION                   | sqlite     | true",
        "ROLLBACK TRANSACTION TO s         | sqlite     | false",
        "BEGIN                             | mysql      | true",
        "BEGIN WORK                        | mysql      | true",
        "BEGIN NOT ATOMIC SELECT 1; END    | mysql      | false",
        "START TRANSACTION READ ONLY       | mysql      | true",
        "END                               | mysql      | false",
        "ROLLBACK                          | mysql      | true",
    })
    void transactionControl(String sql, String dialect, boolean expected) {
        DialectId d = DialectId.fromKey(dialect).orElseThrow();
        assertThat(control(sql, d)).isEqualTo(expected);
    }

    @Test
    void transactionControlSkipsComments() {
        assertThat(control("/* done */ -- now\nCOMMIT", POSTGRESQL)).isTrue();
        assertThat(control("# mysql\nCOMMIT", MYSQL)).isTrue();
    }
}
