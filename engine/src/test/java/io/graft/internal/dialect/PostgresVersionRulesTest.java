package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.SourceSpan;
import io.graft.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

class PostgresVersionRulesTest {

    private final PostgresDialect dialect = new PostgresDialect();
    private final SqlStatement addValue = new SqlStatement("ALTER TYPE mood ADD VALUE 'meh'", SourceSpan.none());

    @Test
    void addingAnEnumValueNeedsNoTransactionOnlyBeforeTwelve() {
        assertThat(dialect.statementRules().nonTransactionalReason(addValue, 11)).get().asString()
                .contains("before PostgreSQL 12").contains("this server is 11");
        assertThat(dialect.statementRules().nonTransactionalReason(addValue, 15)).isEmpty();
        assertThat(dialect.statementRules().nonTransactionalReason(addValue, 0)).isEmpty();
    }

    @Test
    void concurrentIndexesNeverRunInATransaction() {
        SqlStatement index = new SqlStatement("CREATE INDEX CONCURRENTLY i ON t (a)", SourceSpan.none());
        assertThat(dialect.statementRules().nonTransactionalReason(index, 15)).isPresent();
    }
}
