package io.graft.internal.dialect;

import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.Words;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

/**
 * PostgreSQL's {@link Pipeline}: pgjdbc sends a {@link Statement} batch as one message stream
 * ({@code BEGIN} first in a transaction) and one {@code Sync}, and reads the answers after. The
 * server skips everything after a refused entry until that {@code Sync}, so a failed revision ran
 * nothing past its failing statement, and its transaction is rolled back as before.
 */
final class PostgresPipeline implements Pipeline {

    static final PostgresPipeline INSTANCE = new PostgresPipeline();

    /**
     * Statements that return no rows, by their first word. Anything else ({@code SELECT},
     * {@code WITH}, {@code CALL}, {@code EXECUTE}, {@code FETCH}, {@code SHOW}, {@code VALUES},
     * {@code TABLE}, {@code EXPLAIN}) runs alone.
     */
    private static final Set<String> NO_ROWS = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE",
            "TRUNCATE", "INSERT", "UPDATE", "DELETE", "DO", "SET", "RESET", "REFRESH", "CLUSTER", "REINDEX",
            "ANALYZE", "LOCK", "SECURITY");

    /** A data change that returns rows; a word in a comment or a string counts too, which only costs a round trip. */
    private static final Pattern RETURNING = Pattern.compile("(?i)\\breturning\\b");

    /**
     * Bodies whose semicolons pgjdbc's own parser may take for statement ends ({@code BEGIN ATOMIC},
     * a rule's list of actions); such a statement runs alone, as one query, as it always did.
     */
    private static final Pattern INNER_SEMICOLONS = Pattern.compile("(?i)\\b(atomic|rule)\\b");

    /**
     * pgjdbc's "Batch entry {0} {1} was aborted" (also translated): the first number is the entry,
     * written by {@code MessageFormat} with the locale's grouping ("1,366", "1.366", "1 366").
     */
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,3}(?:[,.'\u00a0\u202f ]\\d{3})+|\\d+)");

    private PostgresPipeline() {
    }

    @Override
    public boolean batchable(SqlStatement statement) {
        if (statement.isCopyFromStdin()) {
            return false;
        }
        String sql = statement.sql();
        Words first = Words.of(sql, SplitOptions.POSTGRESQL, 1);
        if (first.isEmpty() || !NO_ROWS.contains(first.get(0))) {
            return false;
        }
        if (RETURNING.matcher(sql).find()) {
            return false;
        }
        return sql.indexOf(';') < 0 || !INNER_SEMICOLONS.matcher(sql).find();
    }

    @Override
    public HistorySql.Values literals(Connection connection) throws SQLException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        return new Literals(standardStrings);
    }

    @Override
    public String commit() {
        return "COMMIT";
    }

    @Override
    public void run(Connection connection, List<String> statements, Dialect.Cancellable cancellable)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (!cancellable.starting(s::cancel)) {
                throw new SQLException("canceled before it started", "57014");
            }
            for (String sql : statements) {
                s.addBatch(sql);
            }
            s.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException error = e.getNextException() != null ? e.getNextException() : e;
            int index = refusedEntry(e, statements.size());
            if (index < 0) {
                throw error;
            }
            throw new BatchFailure(index, error);
        }
    }

    /**
     * The entry pgjdbc names in its message; -1 when it names none that exists. Its update counts
     * cannot say: inside a transaction they are all {@code EXECUTE_FAILED}.
     */
    static int refusedEntry(BatchUpdateException e, int size) {
        Matcher m = ENTRY.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return -1;
        }
        String digits = m.group(1).replaceAll("\\D", "");
        if (digits.length() > 9) {
            return -1;
        }
        int index = Integer.parseInt(digits);
        return index < size ? index : -1;
    }

    /**
     * History values as literals, escaped by pgjdbc itself for the session's
     * {@code standard_conforming_strings}; times from the server's clock.
     */
    private record Literals(boolean standardStrings) implements HistorySql.Values {

        @Override
        public String text(String value) {
            if (value == null) {
                return "NULL";
            }
            // PostgreSQL text cannot hold NUL (a parameter with one is refused too); pgjdbc's escaping refuses it.
            String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
            try {
                return Utils.escapeLiteral(new StringBuilder(clean.length() + 8).append('\''), clean, standardStrings)
                        .append('\'').toString();
            } catch (SQLException e) {
                throw new IllegalStateException("pgjdbc refused to escape a text without NUL", e);
            }
        }

        @Override
        public String number(int value) {
            return Integer.toString(value);
        }

        @Override
        public String number(long value) {
            return Long.toString(value);
        }

        @Override
        public String instant(Instant value) {
            return value == null ? "NULL" : "clock_timestamp()";
        }

        @Override
        public String started(Instant value) {
            return "now()";
        }

        @Override
        public String elapsedMs(long value) {
            return "CAST(EXTRACT(EPOCH FROM clock_timestamp() - now()) * 1000 AS BIGINT)";
        }

        @Override
        public String user(String value) {
            return text(value);
        }
    }
}
