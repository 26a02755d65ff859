package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Sqitch's database clients do with a script that Graft must do otherwise.
 *
 * <p>Sqitch hands each script to the engine's command-line client ({@code psql -f},
 * {@code sqlite3}, {@code mysql}); it opens no transaction itself. A script that wants one writes
 * {@code BEGIN; ... COMMIT;} around its statements (what {@code sqitch add} writes); a script
 * without them runs statement by statement, each committed on its own. So:
 * <ul>
 *   <li>an outer {@code BEGIN}/{@code COMMIT} pair (the first and the last statement) is taken out
 *       of the copy and the revision runs in Graft's transaction, which holds exactly the same
 *       statements and also commits Graft's history row with them;</li>
 *   <li>a script with no transaction control at all runs with {@code transaction: false}, one
 *       statement after the other, as the client ran it;</li>
 *   <li>anything else ({@code COMMIT} half-way, {@code ROLLBACK}, a {@code BEGIN} with options
 *       that change its meaning) is a problem at its line.</li>
 * </ul>
 * psql's meta-commands ({@code \set}, {@code \i}, ...) and variables ({@code :name},
 * {@code :'name'}, {@code :"name"}, which Sqitch fills from {@code --set} and the target's
 * variables), and sqlite3's dot-commands, exist in those clients only: each one is a problem at
 * its line.
 */
final class SqitchScripts {

    private static final Pattern BEGIN = Pattern.compile(
            "(?i)(BEGIN|START)(\\s+(WORK|TRANSACTION|DEFERRED|IMMEDIATE|EXCLUSIVE)(\\s+TRANSACTION)?)?");
    private static final Pattern COMMIT = Pattern.compile("(?i)(COMMIT|END)(\\s+(WORK|TRANSACTION))?");
    private static final Pattern START_TRANSACTION = Pattern.compile("(?i)START\\s+TRANSACTION");
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)(\\s.*)?");

    private SqitchScripts() {
    }

    /**
     * A script as Graft runs it.
     *
     * @param text the SQL, without an outer {@code BEGIN}/{@code COMMIT} pair
     * @param changed whether a pair was taken out
     * @param transactional whether the script ran in one transaction under Sqitch (it had the pair,
     *        or it has no statement at all)
     * @param clientOnly whether it holds client commands (then it was not split)
     */
    record Script(String text, boolean changed, boolean transactional, boolean clientOnly) {
    }

    /** Reads {@code text} of {@code file} for {@code dialect}; what cannot be carried over goes to {@code problems}. */
    static Script read(String file, String text, DialectId dialect, List<Problem> problems) {
        List<Problem> client = clientCommands(file, text, dialect);
        if (!client.isEmpty()) {
            problems.addAll(client);
            return new Script(text, false, true, true);
        }
        List<SqlStatement> statements;
        try {
            statements = SqlSplitter.split(text, file, Dialects.of(dialect).splitOptions());
        } catch (ChangelogException e) {
            problems.addAll(e.problems());
            return new Script(text, false, true, true);
        }
        if (statements.isEmpty()) {
            return new Script(text, false, true, false);
        }
        List<SqlStatement> control = statements.stream().filter(s -> isTransactionControl(s, dialect)).toList();
        if (control.isEmpty()) {
            return new Script(text, false, false, false);
        }
        SqlStatement first = statements.get(0);
        SqlStatement last = statements.get(statements.size() - 1);
        boolean pair = statements.size() >= 2 && isPlainBegin(first, dialect) && COMMIT.matcher(squeeze(last)).matches();
        for (SqlStatement s : control) {
            if (pair && (s.span().equals(first.span()) || s.span().equals(last.span()))) {
                continue;
            }
            problems.add(Problem.at(s.span(), "'" + squeeze(s) + "' controls the transaction in the middle of the script;"
                    + " Graft runs a revision in one transaction (or, with 'transaction: false', statement by statement)",
                    "in the Sqitch project, make the script one BEGIN; ... COMMIT; around all its statements, or none,"
                            + " or split the change in two"));
        }
        if (!pair) {
            return new Script(text, false, true, false);
        }
        String stripped = blank(blank(text, last, "COMMIT"), first, "BEGIN");
        return new Script(stripped, true, true, false);
    }

    /** The statement with its blanks squeezed to one space. */
    private static String squeeze(SqlStatement s) {
        return s.sql().strip().replaceAll("\\s+", " ");
    }

    private static boolean isTransactionControl(SqlStatement s, DialectId dialect) {
        String sql = squeeze(s);
        if (!TRANSACTION_CONTROL.matcher(sql).matches()) {
            return false;
        }
        String upper = sql.toUpperCase(Locale.ROOT);
        // MariaDB's compound statement outside a stored program, not a transaction
        return !(dialect == DialectId.MYSQL && upper.startsWith("BEGIN NOT ATOMIC"));
    }

    private static boolean isPlainBegin(SqlStatement s, DialectId dialect) {
        String sql = squeeze(s);
        if (START_TRANSACTION.matcher(sql).matches()) {
            return true;
        }
        return BEGIN.matcher(sql).matches() && !sql.regionMatches(true, 0, "START", 0, 5);
    }

    /**
     * {@code text} with the statement {@code s} and its terminating semicolon replaced by a comment
     * of the same lines, so that every other statement keeps its line.
     */
    private static String blank(String text, SqlStatement s, String word) {
        int start = offset(text, s.span().line(), s.span().column());
        int end = start + s.sql().length();
        int after = end;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        if (after < text.length() && text.charAt(after) == ';') {
            end = after + 1;
        }
        String original = text.substring(start, end);
        String comment = "/* " + original.replace("*/", "* /") + " -- taken out on import: Graft runs the revision in"
                + " its own transaction */";
        if (!original.contains("\n")) {
            comment = "-- " + original + "  (taken out on import: Graft runs the revision in its own transaction)";
            if (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                comment = "/* " + original + " -- taken out on import: Graft runs the revision in its own transaction */";
            }
        }
        return text.substring(0, start) + comment + text.substring(end);
    }

    private static int offset(String text, int line, int column) {
        int pos = 0;
        for (int l = 1; l < line; l++) {
            pos = text.indexOf('\n', pos) + 1;
        }
        return pos + Math.max(0, column - 1);
    }

    /**
     * psql meta-commands and variables (PostgreSQL) or sqlite3 dot-commands (SQLite), each as a
     * problem at its line; strings, quoted names, comments and dollar-quoted bodies are skipped.
     */
    static List<Problem> clientCommands(String file, String text, DialectId dialect) {
        List<Problem> out = new ArrayList<>();
        if (dialect == DialectId.MYSQL) {
            return out;
        }
        int line = 1;
        boolean lineStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                line++;
                lineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                continue;
            }
            boolean atStart = lineStart;
            lineStart = false;
            if (c == '-' && next == '-') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int depth = 0;
                for (; i < n; i++) {
                    if (text.startsWith("/*", i)) {
                        depth++;
                        i++;
                    } else if (text.startsWith("*/", i)) {
                        depth--;
                        i++;
                        if (depth == 0) {
                            break;
                        }
                    } else if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
            } else if (c == '\'' || c == '"') {
                boolean escapes = c == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && dialect == DialectId.POSTGRESQL;
                for (i++; i < n; i++) {
                    char d = text.charAt(i);
                    if (d == '\n') {
                        line++;
                    } else if (escapes && d == '\\') {
                        i++;
                    } else if (d == c) {
                        if (i + 1 < n && text.charAt(i + 1) == c) {
                            i++;
                        } else {
                            break;
                        }
                    }
                }
            } else if (c == '$' && dialect == DialectId.POSTGRESQL && (i == 0 || !isWord(text.charAt(i - 1)))) {
                int close = text.indexOf('$', i + 1);
                String tag = close < 0 ? null : text.substring(i, close + 1);
                if (tag != null && tag.substring(1, tag.length() - 1).matches("[A-Za-z_][A-Za-z0-9_]*|")) {
                    int end = text.indexOf(tag, close + 1);
                    int stop = end < 0 ? n : end + tag.length() - 1;
                    for (int k = i; k < stop; k++) {
                        if (text.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    i = stop;
                }
            } else if (atStart && c == '\\' && dialect == DialectId.POSTGRESQL) {
                int end = i + 1;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                out.add(Problem.at(new SourceSpan(file, line, 0), "psql meta-command " + text.substring(i, end)
                        + " runs in psql only: Graft sends the statements to the database itself",
                        "replace it by SQL in the Sqitch project (or remove it), then import again"));
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (atStart && c == '.' && dialect == DialectId.SQLITE && i + 1 < n && Character.isLetter(next)) {
                int end = i + 1;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                out.add(Problem.at(new SourceSpan(file, line, 0), "sqlite3 dot-command " + text.substring(i, end)
                        + " runs in the sqlite3 shell only: Graft sends the statements to the database itself",
                        "replace it by SQL in the Sqitch project (or remove it), then import again"));
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == ':' && dialect == DialectId.POSTGRESQL && next != ':' && next != '='
                    && (i == 0 || !(isWord(text.charAt(i - 1)) || ":])".indexOf(text.charAt(i - 1)) >= 0))
                    && (Character.isLetter(next) || next == '_' || ((next == '\'' || next == '"')
                            && i + 2 < n && (Character.isLetter(text.charAt(i + 2)) || text.charAt(i + 2) == '_')))) {
                int end = i + 1;
                if (next == '\'' || next == '"') {
                    int close = text.indexOf(next, i + 2);
                    end = close < 0 ? i + 2 : close + 1;
                } else {
                    while (end < n && isWord(text.charAt(end))) {
                        end++;
                    }
                }
                out.add(Problem.at(new SourceSpan(file, line, 0), "psql variable " + text.substring(i, end)
                        + " is filled in by psql (from Sqitch's --set or the target's variables); Graft runs the SQL"
                        + " as written", "write the value into the script in the Sqitch project, then import again"));
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
