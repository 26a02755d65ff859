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

    /**
     * The data lines, from {@code start} up to {@code end} (the start of the {@code \.} line; each
     * line ends in {@code \n}), and the offset after the {@code \.} line.
     */
    record CopyData(int start, int end, int next) {
    }

    /** The new delimiter, and the offset of the end of its line. */
    record Delimiter(String value, int next) {
    }

    private ClientCommands() {
    }

    /**
     * The data after {@code COPY ... FROM stdin;}, {@code pos} being just after the {@code ;}:
     * from the next line up to a line holding only {@code \.}; {@code n} is where the text ends.
     */
    static CopyData copyData(byte[] s, int pos, int n, SourceCursor cursor, SourceSpan copy) {
        int eol = SqlBytes.indexOf(s, pos, n, '\n');
        int lineEnd = eol < 0 ? n : eol;
        int text = pos;
        while (text < lineEnd && (s[text] & 0xFF) <= ' ') {
            text++;
        }
        if (text < lineEnd && !SqlBytes.regionIs(s, text, n, "--")) {
            throw new ChangelogException(Problem.at(cursor.at(text),
                    "text after COPY ... FROM stdin; on the same line",
                    "the data must start on the line after the COPY statement"));
        }
        pos = eol < 0 ? n : eol + 1;
        int start = pos;
        while (true) {
            if (pos >= n) {
                throw new ChangelogException(Problem.at(copy,
                        "the data of this COPY ... FROM stdin is not ended by a line \\.",
                        "end the data with a line holding only \\."));
            }
            int nl = SqlBytes.indexOf(s, pos, n, '\n');
            int next = nl < 0 ? n : nl + 1;
            int contentEnd = nl < 0 ? n : nl;
            if (contentEnd > pos && s[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            if (contentEnd - pos == 2 && s[pos] == '\\' && s[pos + 1] == '.') {
                return new CopyData(start, pos, next);
            }
            pos = next;
        }
    }

    /**
     * {@code DELIMITER xx} at {@code pos}, the start of a line with no statement pending (the
     * mysql client's command). Null when the word is not {@code DELIMITER} followed by a blank:
     * then it is an ordinary word, such as a column named {@code delimiter}.
     */
    static Delimiter delimiter(byte[] s, int pos, int n, SourceCursor cursor) {
        int kwEnd = pos + "DELIMITER".length();
        if (kwEnd > n || !SqlBytes.regionIs(s, pos, n, "DELIMITER") || kwEnd < n && (s[kwEnd] & 0xFF) > ' ') {
            return null;
        }
        int i = kwEnd;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        int valueStart = i;
        while (i < n && (s[i] & 0xFF) > ' ') {
            i++;
        }
        if (i == valueStart) {
            throw new ChangelogException(Problem.at(cursor.at(pos), "DELIMITER without a delimiter",
                    "write the new delimiter after it on the same line, e.g. DELIMITER $$"));
        }
        String value = SqlBytes.decode(s, valueStart, i);
        if (value.indexOf('\\') >= 0) {
            throw new ChangelogException(Problem.at(cursor.at(valueStart),
                    "a DELIMITER may not contain a backslash", "choose another, e.g. DELIMITER $$"));
        }
        int eol = SqlBytes.indexOf(s, i, n, '\n');
        return new Delimiter(value, eol < 0 ? n : eol);
    }

    /** The error for the psql meta-command at {@code pos} (a backslash outside strings and comments). */
    static ChangelogException metaCommand(byte[] s, int pos, int n, SourceCursor cursor) {
        int end = pos + 1;
        while (end < n && (s[end] & 0xFF) > ' ' && s[end] != '\\') {
            end++;
        }
        return new ChangelogException(Problem.at(cursor.at(pos),
                "psql meta-command " + SqlBytes.decode(s, pos, end) + " is not SQL",
                "Graft sends each statement to the database itself, not through psql: remove the line"
                        + " (write variables out, put included files in revisions of their own,"
                        + " and choose the database with the connection URL)"));
    }
}
