package io.graft.internal.sql;

import io.graft.changelog.DialectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Quick questions the executor asks about one statement, answered from its first words (leading
 * comments skipped, case and line breaks ignored). No parser: these must be right for every
 * statement, including those JSqlParser cannot read.
 */
public final class StatementInspector {

    /** How many tokens of a statement are looked at: enough for every rule below. */
    private static final int MAX_TOKENS = 40;

    private StatementInspector() {
    }

    /**
     * Why {@code sql} cannot run inside a transaction on {@code dialect}, or empty when it can.
     * The reason names the command, e.g. "CREATE INDEX CONCURRENTLY cannot run inside a
     * transaction block".
     */
    public static Optional<String> nonTransactionalReason(String sql, DialectId dialect) {
        List<String> t = tokens(sql, dialect, MAX_TOKENS);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return switch (dialect) {
            case POSTGRESQL -> postgres(t);
            case SQLITE -> sqlite(t);
            case MYSQL -> Optional.empty();
        };
    }

    private static Optional<String> postgres(List<String> t) {
        String first = t.get(0);
        String what = null;
        switch (first) {
            case "CREATE", "DROP" -> {
                int i = 1;
                if (first.equals("CREATE") && at(t, i, "UNIQUE")) {
                    i++;
                }
                if (at(t, i, "INDEX") && at(t, i + 1, "CONCURRENTLY")) {
                    what = first + " INDEX CONCURRENTLY";
                } else if (at(t, 1, "DATABASE") || at(t, 1, "TABLESPACE") || at(t, 1, "SUBSCRIPTION")) {
                    what = first + " " + t.get(1);
                }
            }
            case "REINDEX" -> {
                if (t.contains("CONCURRENTLY")) {
                    what = "REINDEX CONCURRENTLY";
                } else {
                    for (String kind : List.of("SCHEMA", "DATABASE", "SYSTEM")) {
                        if (firstKeywordAfterOptions(t, 1).equals(kind)) {
                            what = "REINDEX " + kind;
                        }
                    }
                }
            }
            case "VACUUM" -> what = "VACUUM";
            case "ALTER" -> {
                if (at(t, 1, "SYSTEM")) {
                    what = "ALTER SYSTEM";
                } else if (at(t, 1, "TABLE")) {
                    int detach = t.indexOf("DETACH");
                    if (detach > 0 && at(t, detach + 1, "PARTITION") && t.subList(detach, t.size()).contains("CONCURRENTLY")) {
                        what = "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
                    }
                }
            }
            case "DISCARD" -> {
                if (at(t, 1, "ALL")) {
                    what = "DISCARD ALL";
                }
            }
            case "COMMIT", "ROLLBACK" -> {
                if (at(t, 1, "PREPARED")) {
                    what = first + " PREPARED";
                }
            }
            default -> {
            }
        }
        return Optional.ofNullable(what).map(w -> w + " cannot run inside a transaction block");
    }

    private static Optional<String> sqlite(List<String> t) {
        if (t.get(0).equals("VACUUM")) {
            return Optional.of("VACUUM cannot run inside a transaction");
        }
        if (t.get(0).equals("PRAGMA")) {
            int i = 1;
            if (at(t, 2, ".")) {
                i = 3; // PRAGMA main.journal_mode
            }
            boolean sets = at(t, i + 1, "=") || at(t, i + 1, "(");
            if (sets && at(t, i, "FOREIGN_KEYS")) {
                return Optional.of("PRAGMA foreign_keys has no effect inside a transaction");
            }
            if (sets && at(t, i, "JOURNAL_MODE")) {
                return Optional.of("PRAGMA journal_mode cannot change the journal mode inside a transaction");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code sql} starts, ends or abandons a transaction: {@code BEGIN} (not PostgreSQL's
     * {@code BEGIN ATOMIC}, not a MySQL compound block), {@code START TRANSACTION}, {@code COMMIT},
     * {@code END} (PostgreSQL, SQLite), {@code ABORT} (PostgreSQL), {@code ROLLBACK} (not
     * {@code ROLLBACK TO} a savepoint) and {@code PREPARE TRANSACTION}. Savepoints are not
     * transaction control: they work inside the revision's transaction.
     */
    public static boolean isTransactionControl(String sql, DialectId dialect) {
        List<String> t = tokens(sql, dialect, 6);
        if (t.isEmpty()) {
            return false;
        }
        String next = t.size() > 1 ? t.get(1) : "";
        return switch (t.get(0)) {
            case "BEGIN" -> switch (dialect) {
                case POSTGRESQL -> !next.equals("ATOMIC");
                case SQLITE -> true;
                // BEGIN; and BEGIN WORK; start a transaction; anything else opens a block
                case MYSQL -> next.isEmpty() || next.equals(";") || next.equals("WORK");
            };
            case "START" -> next.equals("TRANSACTION");
            case "COMMIT" -> !next.equals("PREPARED");
            case "END" -> dialect != DialectId.MYSQL;
            case "ABORT" -> dialect == DialectId.POSTGRESQL;
            case "ROLLBACK" -> {
                int i = 1;
                if (at(t, i, "WORK") || at(t, i, "TRANSACTION")) {
                    i++;
                }
                yield !at(t, i, "TO") && !next.equals("PREPARED");
            }
            case "PREPARE" -> next.equals("TRANSACTION");
            default -> false;
        };
    }

    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "GRANT", "REVOKE");

    /**
     * Whether {@code sql} is DDL in the sense of MySQL's implicit commit: {@code CREATE},
     * {@code ALTER}, {@code DROP}, {@code TRUNCATE}, {@code RENAME}, {@code COMMENT ON},
     * {@code GRANT}, {@code REVOKE}. MySQL executable comments (<code>/*!50003 CREATE*&#47;</code>) are
     * read as code, as MySQL does.
     */
    public static boolean isDdl(String sql) {
        List<String> t = tokens(sql, DialectId.MYSQL, 2);
        if (t.isEmpty()) {
            return false;
        }
        return DDL.contains(t.get(0)) || t.get(0).equals("COMMENT") && at(t, 1, "ON");
    }

    /** The statement's first non-blank line, trimmed and cut to 80 characters with an ellipsis, for messages. */
    public static String firstLine(String sql) {
        String line = "";
        int start = 0;
        while (start < sql.length()) {
            int nl = sql.indexOf('\n', start);
            int end = nl < 0 ? sql.length() : nl;
            String l = sql.substring(start, end).strip();
            if (!l.isEmpty()) {
                line = l;
                break;
            }
            start = end + 1;
        }
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    private static boolean at(List<String> t, int i, String token) {
        return i < t.size() && t.get(i).equals(token);
    }

    /** The first word after an optional parenthesised option list, e.g. {@code REINDEX (VERBOSE) SCHEMA}. */
    private static String firstKeywordAfterOptions(List<String> t, int i) {
        if (at(t, i, "(")) {
            int close = t.indexOf(")");
            if (close < 0) {
                return "";
            }
            i = close + 1;
        }
        return i < t.size() ? t.get(i) : "";
    }

    /** The offset after the block comment that starts at {@code i}; PostgreSQL's nest. */
    private static int afterBlockComment(String sql, int i, boolean nested) {
        int level = 0;
        int n = sql.length();
        while (i + 1 < n) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                level = nested || level == 0 ? level + 1 : level;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                i += 2;
                if (--level == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /**
     * The first {@code max} tokens of a statement: words upper-cased, quoted names and strings
     * as {@code "} / {@code '}, any other character as itself. Comments are skipped; for MySQL
     * the inside of an executable comment counts as code.
     */
    static List<String> tokens(String sql, DialectId dialect, int max) {
        List<String> out = new ArrayList<>();
        boolean mysql = dialect == DialectId.MYSQL;
        int n = sql.length();
        int i = 0;
        while (i < n && out.size() < max) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && mysql) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                if (mysql && i + 2 < n && (sql.charAt(i + 2) == '!' || sql.startsWith("M!", i + 2))) {
                    i += sql.charAt(i + 2) == '!' ? 3 : 4;
                    while (i < n && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                } else {
                    i = afterBlockComment(sql, i, dialect == DialectId.POSTGRESQL);
                }
            } else if (mysql && c == '*' && i + 1 < n && sql.charAt(i + 1) == '/') {
                i += 2; // the end of an executable comment
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n && sql.charAt(end) != c) {
                    end += sql.charAt(end) == '\\' && mysql ? 2 : 1;
                }
                out.add(String.valueOf(c));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                out.add(sql.substring(i, end).toUpperCase(Locale.ROOT));
                i = end;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
