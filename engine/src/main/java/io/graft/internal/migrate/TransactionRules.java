package io.graft.internal.migrate;

import io.graft.changelog.Revision;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.dialect.StatementRules;
import io.graft.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that break the transaction a revision runs in: those that cannot run inside one,
 * and those that start or end one themselves. Found here once, as data; the executor refuses the
 * run with them, lint reports them, each in its own words.
 */
public final class TransactionRules {

    public enum Kind {
        /** The database refuses the statement inside a transaction (or ignores it there). */
        NON_TRANSACTIONAL,
        /** The statement starts, ends or abandons the transaction Graft runs the revision in. */
        TRANSACTION_CONTROL
    }

    /**
     * @param reason for {@link Kind#NON_TRANSACTIONAL}, the dialect's words, naming the command
     *     ("VACUUM cannot run inside a transaction block")
     */
    public record Violation(SqlStatement statement, Kind kind, String reason) {
    }

    private TransactionRules() {
    }

    /**
     * What in {@code statements} breaks the transaction {@code revision} runs in, statement by
     * statement; nothing when the revision runs in none ({@code transaction: false}).
     *
     * @param serverMajorVersion the server's major version, or 0 when unknown: then the newest rules apply
     */
    public static List<Violation> check(Dialect dialect, Revision revision, List<SqlStatement> statements,
            int serverMajorVersion) {
        if (!revision.transactional()) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        for (SqlStatement s : statements) {
            found.addAll(check(dialect, s, serverMajorVersion));
        }
        return found;
    }

    /** What {@code statement} would break if it ran in a revision's transaction. */
    public static List<Violation> check(Dialect dialect, SqlStatement statement, int serverMajorVersion) {
        StatementRules rules = dialect.statementRules();
        List<Violation> found = new ArrayList<>(1);
        rules.nonTransactionalReason(statement, serverMajorVersion)
                .ifPresent(reason -> found.add(new Violation(statement, Kind.NON_TRANSACTIONAL, reason)));
        if (rules.isTransactionControl(statement)) {
            found.add(new Violation(statement, Kind.TRANSACTION_CONTROL, "it controls the transaction itself"));
        }
        return found;
    }
}
