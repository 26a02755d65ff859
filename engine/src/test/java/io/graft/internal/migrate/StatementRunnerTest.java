package io.graft.internal.migrate;

import static io.graft.testing.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Direction;
import io.graft.MigrationException;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** A refused statement's error carries where it is, as data and in its message. */
class StatementRunnerTest {

    private final Script script = new Script(rev("r1"), Direction.UP, "sql/r1.up.sql", "x", List.of(
            new SqlStatement("CREATE TABLE a (id int)", new SourceSpan("sql/r1.up.sql", 1, 1)),
            new SqlStatement("INSERT INTO\n  missing VALUES (1)", new SourceSpan("sql/r1.up.sql", 3, 5))));

    @Test
    void theFailingStatementsPlaceIsData() {
        StatementRunner runner = new StatementRunner(Dialects.of(DialectId.SQLITE));
        MigrationException e = runner.failure(script, 1, new SQLException("no such table: missing", "HY000"), null);
        assertThat(e.where()).contains(new SourceSpan("sql/r1.up.sql", 3, 5));
        assertThat(e.getMessage()).startsWith("sql/r1.up.sql:3:5: revision 'r1' failed at statement 2 of 2: INSERT INTO");
        assertThat(e.revisionId()).isEqualTo("r1");
    }

    @Test
    void thePlaceIsTheDatabasesWhereItSaysOne() {
        StatementRunner runner = new StatementRunner(Dialects.of(DialectId.POSTGRESQL));
        PSQLException refused = new PSQLException(new ServerErrorMessage(
                "SERROR\0C42P01\0Mrelation \"missing\" does not exist\0P15\0"));
        MigrationException e = runner.failure(script, 1, refused, null);
        assertThat(e.where()).contains(new SourceSpan("sql/r1.up.sql", 4, 3));
        assertThat(e.getMessage()).startsWith("sql/r1.up.sql:4:3: ");
    }

    @Test
    void otherFailuresHaveNoPlace() {
        assertThat(new MigrationException("database error").where()).isEmpty();
    }
}
