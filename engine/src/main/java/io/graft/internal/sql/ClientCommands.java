package io.graft.internal.sql;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;

/**
 * What the command-line clients read between statements, not SQL themselves: the inline data of
 * psql's {@code COPY ... FROM stdin}, the mysql client's {@code DELIMITER} lines, and psql
 * meta-commands, which Graft refuses. Used by {@link SqlSplitter}'s lexer.
 */
final class ClientCommands {

    /** The data lines, each ending in {@code \n}, and the offset after the {@code \.} line. */
    record CopyData(String lines, int next) {
    }

    /** The new delimiter, and the offset of the end of its line. */
    record Delimiter(String value, int next) {
    }

    private ClientCommands() {
    }

    /**
     * The data after {@code COPY ... FROM stdin;}, {@code pos} being just after the {@code ;}:
     * from the next line up to a line holding only {@code \.}.
     */
    static CopyData copyData(String s, int pos, SourceCursor cursor, SourceSpan copy) {
        int n = s.length();
        int eol = s.indexOf('\n', pos);
        int lineEnd = eol < 0 ? n : eol;
        int text = pos;
        while (text < lineEnd && s.charAt(text) <= ' ') {
            text++;
        }
        if (text < lineEnd && !s.startsWith("--", text)) {
            throw new ChangelogException(Problem.at(cursor.at(text),
                    "text after COPY ... FROM stdin; on the same line",
                    "the data must start on the line after the COPY statement"));
        }
        pos = eol < 0 ? n : eol + 1;
        StringBuilder data = new StringBuilder();
        while (true) {
            if (pos >= n) {
                throw new ChangelogException(Problem.at(copy,
                        "the data of this COPY ... FROM stdin is not ended by a line \\.",
                        "end the data with a line holding only \\."));
            }
            int nl = s.indexOf('\n', pos);
            int next = nl < 0 ? n : nl + 1;
            int contentEnd = nl < 0 ? n : nl;
            if (contentEnd > pos && s.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            if (contentEnd - pos == 2 && s.charAt(pos) == '\\' && s.charAt(pos + 1) == '.') {
                return new CopyData(data.toString(), next);
            }
            data.append(s, pos, contentEnd).append('\n');
            pos = next;
        }
    }

    /**
     * {@code DELIMITER xx} at {@code pos}, the start of a line with no statement pending (the
     * mysql client's command). Null when the word is not {@code DELIMITER} followed by a blank:
     * then it is an ordinary word, such as a column named {@code delimiter}.
     */
    static Delimiter delimiter(String s, int pos, SourceCursor cursor) {
        int n = s.length();
        int kwEnd = pos + "DELIMITER".length();
        if (kwEnd > n || !s.regionMatches(true, pos, "DELIMITER", 0, "DELIMITER".length())
                || kwEnd < n && s.charAt(kwEnd) > ' ') {
            return null;
        }
        int i = kwEnd;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        int valueStart = i;
        while (i < n && s.charAt(i) > ' ') {
            i++;
        }
        if (i == valueStart) {
            throw new ChangelogException(Problem.at(cursor.at(pos), "DELIMITER without a delimiter",
                    "write the new delimiter after it on the same line, e.g. DELIMITER $$"));
        }
        String value = s.substring(valueStart, i);
        if (value.indexOf('\\') >= 0) {
            throw new ChangelogException(Problem.at(cursor.at(valueStart),
                    "a DELIMITER may not contain a backslash", "choose another, e.g. DELIMITER $$"));
        }
        int eol = s.indexOf('\n', i);
        return new Delimiter(value, eol < 0 ? n : eol);
    }

    /** The error for the psql meta-command at {@code pos} (a backslash outside strings and comments). */
    static ChangelogException metaCommand(String s, int pos, SourceCursor cursor) {
        int n = s.length();
        int end = pos + 1;
        while (end < n && s.charAt(end) > ' ' && s.charAt(end) != '\\') {
            end++;
        }
        return new ChangelogException(Problem.at(cursor.at(pos),
                "psql meta-command " + s.substring(pos, end) + " is not SQL",
                "Graft sends each statement to the database itself, not through psql: remove the line"
                        + " (write variables out, put included files in revisions of their own,"
                        + " and choose the database with the connection URL)"));
    }
}
