package io.graft.internal.dialect;

import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.Words;
import java.util.Optional;
import java.util.Set;

/**
 * What one dialect says about a single statement before it runs: whether it cannot run inside a
 * transaction, and whether it starts, ends or abandons one itself. Answered from the statement's
 * first words as the dialect's own lexer reads them ({@link Words}), never by a parser: these must
 * be right for every statement, including those JSqlParser cannot read.
 */
public final class StatementRules {

    /** How many words the non-transactional rules look at: enough for each of them. */
    static final int MAX_WORDS = 40;

    /** Why a statement cannot run inside a transaction, from its first words; empty when it can. */
    @FunctionalInterface
    interface NonTransactional {
        Optional<String> reason(Words words, SqlStatement statement, int serverMajorVersion);
    }

    /** What a statement that starts with {@code BEGIN} is. */
    enum Begin {
        /** PostgreSQL: a transaction, except {@code BEGIN ATOMIC}, the body of an SQL-standard routine. */
        TRANSACTION_UNLESS_ATOMIC {
            @Override
            boolean startsTransaction(String next) {
                return !next.equals("ATOMIC");
            }
        },
        /** SQLite: always a transaction ({@code BEGIN IMMEDIATE TRANSACTION} too). */
        TRANSACTION {
            @Override
            boolean startsTransaction(String next) {
                return true;
            }
        },
        /** MySQL: {@code BEGIN;} and {@code BEGIN WORK} start a transaction; anything else opens a block. */
        TRANSACTION_WHEN_BARE {
            @Override
            boolean startsTransaction(String next) {
                return next.isEmpty() || next.equals(";") || next.equals("WORK");
            }
        };

        abstract boolean startsTransaction(String next);
    }

    private final SplitOptions lexer;
    private final NonTransactional nonTransactional;
    private final Begin begin;
    private final Set<String> endWords;
    private final boolean concurrentIndexBuilds;

    /**
     * @param lexer the dialect's splitter options, to read the first words with
     * @param begin what {@code BEGIN} starts
     * @param endWords words besides {@code COMMIT} and {@code ROLLBACK} that end a transaction
     *     ({@code END}, {@code ABORT})
     * @param concurrentIndexBuilds whether an index can be built without blocking writes
     *     ({@code CREATE INDEX CONCURRENTLY})
     */
    StatementRules(SplitOptions lexer, NonTransactional nonTransactional, Begin begin, Set<String> endWords,
            boolean concurrentIndexBuilds) {
        this.lexer = lexer;
        this.nonTransactional = nonTransactional;
        this.begin = begin;
        this.endWords = Set.copyOf(endWords);
        this.concurrentIndexBuilds = concurrentIndexBuilds;
    }

    /**
     * Why {@code statement} cannot run inside a transaction, or empty when it can. The reason
     * names the command, e.g. "CREATE INDEX CONCURRENTLY cannot run inside a transaction block".
     *
     * @param serverMajorVersion the server's major version, or 0 when unknown (offline scripts, lint):
     *     then the newest rules apply
     */
    public Optional<String> nonTransactionalReason(SqlStatement statement, int serverMajorVersion) {
        Words words = Words.of(statement.sql(), lexer, MAX_WORDS);
        return words.isEmpty() ? Optional.empty() : nonTransactional.reason(words, statement, serverMajorVersion);
    }

    /**
     * Whether {@code statement} starts, ends or abandons a transaction: {@code BEGIN} (see
     * {@link Begin}), {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK} (not
     * {@code ROLLBACK TO} a savepoint), {@code PREPARE TRANSACTION}, and the dialect's other words
     * for the end ({@code END}, {@code ABORT}). Savepoints are not transaction control: they work
     * inside the revision's transaction.
     */
    public boolean isTransactionControl(SqlStatement statement) {
        Words t = Words.of(statement.sql(), lexer, 6);
        if (t.isEmpty()) {
            return false;
        }
        String next = t.get(1);
        return switch (t.get(0)) {
            case "BEGIN" -> begin.startsTransaction(next);
            case "START" -> next.equals("TRANSACTION");
            case "COMMIT" -> !next.equals("PREPARED");
            case "ROLLBACK" -> {
                int i = t.at(1, "WORK") || t.at(1, "TRANSACTION") ? 2 : 1;
                yield !t.at(i, "TO") && !next.equals("PREPARED");
            }
            case "PREPARE" -> next.equals("TRANSACTION");
            default -> endWords.contains(t.get(0));
        };
    }

    /**
     * Whether the dialect builds an index without blocking writes ({@code CREATE INDEX
     * CONCURRENTLY}), so that lint may ask for it on a table that already holds data.
     */
    public boolean concurrentIndexBuilds() {
        return concurrentIndexBuilds;
    }

    /** For a dialect where every statement can run in a transaction. */
    static Optional<String> none(Words words, SqlStatement statement, int serverMajorVersion) {
        return Optional.empty();
    }
}
