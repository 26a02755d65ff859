package io.graft.internal.migrate;

import static io.graft.testing.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;

import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.migrate.TransactionRules.Kind;
import io.graft.internal.migrate.TransactionRules.Violation;
import io.graft.internal.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionRulesTest {

    private final List<SqlStatement> statements = List.of(
            new SqlStatement("CREATE TABLE t (a int)", SourceSpan.none()),
            new SqlStatement("VACUUM", SourceSpan.none()),
            new SqlStatement("COMMIT", SourceSpan.none()));

    @Test
    void aTransactionalRevisionGetsEveryViolationAsData() {
        List<Violation> found = TransactionRules.check(Dialects.of(DialectId.POSTGRESQL), rev("r1"),
                statements, 0);
        assertThat(found).extracting(Violation::kind).containsExactly(Kind.NON_TRANSACTIONAL, Kind.TRANSACTION_CONTROL);
        assertThat(found).extracting(Violation::statement).containsExactly(statements.get(1), statements.get(2));
        assertThat(found.get(0).reason()).isEqualTo("VACUUM cannot run inside a transaction block");
    }

    @Test
    void aRevisionOutsideATransactionHasNone() {
        Revision r = rev("r1");
        Revision autocommit = new Revision(r.id(), r.parents(), null, r.labels(), r.dependsOn(), r.up(), r.down(),
                false, r.span(), r.spans());
        assertThat(TransactionRules.check(Dialects.of(DialectId.POSTGRESQL), autocommit, statements, 0)).isEmpty();
    }

    @Test
    void eachDialectAnswersForItself() {
        assertThat(TransactionRules.check(Dialects.of(DialectId.MYSQL), statements.get(1), 0)).isEmpty();
        assertThat(TransactionRules.check(Dialects.of(DialectId.SQLITE), statements.get(1), 0))
                .extracting(Violation::reason).containsExactly("VACUUM cannot run inside a transaction");
    }
}
