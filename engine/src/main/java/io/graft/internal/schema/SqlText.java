package io.graft.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough of SQL's lexical rules to read what a catalog keeps only as text (SQLite's
 * {@code CREATE TABLE} and {@code CREATE INDEX} statements): quoted names and strings, comments,
 * parentheses. Positions returned are offsets into the original text.
 */
final class SqlText {

    private SqlText() {
    }

    /** The offset just past the quoted string, identifier or comment that starts at {@code i}, or i. */
    static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (c == '[') {
            int end = sql.indexOf(']', i);
            return end < 0 ? sql.length() : end + 1;
        }
        if (c == '-' && sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end + 1;
        }
        if (c == '/' && sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }

    /** The offset of the parenthesis that closes the one at {@code open}. */
    static int closing(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            int skipped = skipQuoted(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return sql.length();
    }

    /** The first top-level {@code (} at or after {@code from}. */
    static int firstParen(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            int skipped = skipQuoted(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (sql.charAt(i) == '(') {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The comma-separated items of the list between {@code open} and its closing parenthesis, trimmed. */
    static List<String> items(String sql, int open) {
        int close = closing(sql, open);
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        int i = open + 1;
        while (i < close) {
            int skipped = skipQuoted(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(sql.substring(start, i).strip());
                start = i + 1;
            }
            i++;
        }
        out.add(sql.substring(start, close).strip());
        return out;
    }

    /**
     * The offset of {@code word} (a keyword, any case) at parenthesis depth 0 of {@code sql}, as a
     * whole word outside strings and comments, or -1.
     */
    static int keyword(String sql, String word, int from) {
        String upper = word.toUpperCase(Locale.ROOT);
        // compared whole only where its first letter is, in either case: a schema of a thousand
        // tables asks this for every column, and the comparison at each offset was most of it
        char first = upper.charAt(0);
        char firstLower = Character.toLowerCase(first);
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            int skipped = skipQuoted(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == first || c == firstLower)
                    && sql.regionMatches(true, i, upper, 0, upper.length())
                    && (i == 0 || !wordChar(sql.charAt(i - 1)))
                    && (i + upper.length() == sql.length() || !wordChar(sql.charAt(i + upper.length())))) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The first word or quoted name of {@code text}, unquoted. */
    static String firstName(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        int end = skipQuoted(t, 0);
        if (end != 0) {
            return unquote(t.substring(0, end));
        }
        int i = 0;
        while (i < t.length() && wordChar(t.charAt(i))) {
            i++;
        }
        return t.substring(0, i);
    }

    static String unquote(String name) {
        if (name.length() >= 2) {
            char c = name.charAt(0);
            if (c == '"' || c == '`' || c == '\'') {
                return name.substring(1, name.length() - 1).replace(String.valueOf(c) + c, String.valueOf(c));
            }
            if (c == '[') {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }

    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
