package io.graft.internal.sql;

import java.util.Set;

/**
 * Quick questions about one statement that hold for every database, answered from its first
 * words (leading comments skipped, case and line breaks ignored). No parser: these must be right
 * for every statement, including those JSqlParser cannot read. What differs per database (what
 * cannot run in a transaction, what controls one) is the dialect's {@code StatementRules}.
 */
public final class StatementInspector {

    /**
     * The lexer's flags for reading DDL keywords: MySQL's, so that the inside of an executable
     * comment (<code>/*!50003 CREATE*&#47;</code>, as mysqldump writes) counts as code; elsewhere
     * such a comment does not occur.
     */
    static final SplitOptions CODE_IN_COMMENTS = SplitOptions.MYSQL;

    private StatementInspector() {
    }

    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "GRANT", "REVOKE");

    /**
     * Whether {@code sql} is DDL in the sense of MySQL's implicit commit: {@code CREATE},
     * {@code ALTER}, {@code DROP}, {@code TRUNCATE}, {@code RENAME}, {@code COMMENT ON},
     * {@code GRANT}, {@code REVOKE}. MySQL executable comments (<code>/*!50003 CREATE*&#47;</code>) are
     * read as code, as MySQL does.
     */
    public static boolean isDdl(String sql) {
        Words t = Words.of(sql, CODE_IN_COMMENTS, 2);
        if (t.isEmpty()) {
            return false;
        }
        return DDL.contains(t.get(0)) || t.get(0).equals("COMMENT") && t.at(1, "ON");
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
}
