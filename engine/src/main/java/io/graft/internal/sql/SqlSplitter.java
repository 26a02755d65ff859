package io.graft.internal.sql;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL file into statements with one lexer driven by {@link SplitOptions}.
 *
 * <p>The text is read once, left to right: strings, quoted names, dollar quotes and comments are
 * skipped as whole tokens; {@link StatementShape} follows the words that decide whether a
 * {@code ;} ends the statement (bodies, parentheses); {@link SourceCursor} turns the start of each
 * statement into line and column. No regular expressions, no second look at a statement: the
 * cost is linear in the size of the file.
 *
 * <p>Positions: a {@code \n} ends a line (so {@code \r\n} counts once), columns count UTF-16
 * characters from 1, and a leading byte order mark is skipped and not counted.
 *
 * <p>One lexer, one file: splitting it would scatter the state of the single left-to-right pass;
 * the client commands and the character classes are already in classes of their own.
 */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    /**
     * Splits {@code text} into statements.
     *
     * @param fileName the file as the user names it, used in every {@link SourceSpan}
     * @throws ChangelogException for an unterminated string, quoted name, dollar quote, block
     *     comment or COPY data (pointing at where it starts), a psql meta-command, or a bad
     *     {@code DELIMITER} line
     */
    public static List<SqlStatement> split(String text, String fileName, SplitOptions options) {
        return new Lexer(text, fileName, options).run();
    }

    /**
     * The first {@code max} tokens of one statement, read by the same lexer under {@code options}:
     * words upper-cased, a string or quoted name as its opening quote character ({@code '} also for
     * dollar-quoted and {@code E'...'} strings, {@code "} for a bracketed name), any other character
     * as itself. Comments are skipped; the inside of an executable comment is read as code, as
     * MySQL does. A {@code ;} is a token like any other. Never throws: where the splitter would
     * refuse the text (an unterminated string, a psql meta-command), the list ends.
     */
    public static List<String> tokens(String sql, SplitOptions options, int max) {
        List<String> tokens = new ArrayList<>(Math.min(max, 16));
        try {
            new Lexer(sql, "", options, tokens, max).run();
        } catch (ChangelogException e) {
            // the tokens before the one the splitter refuses stay
        }
        return tokens;
    }

    private static final class Lexer {
        private final String s;
        private final int n;
        private final SplitOptions o;
        private final SourceCursor cursor;
        private final StatementShape shape;
        private final List<SqlStatement> out = new ArrayList<>();

        private int pos;
        /** Whether anything but blanks came before {@code pos} on its line. */
        private boolean lineHasContent;
        private String delimiter = ";";
        private boolean customDelimiter;

        /** Where the statement being read starts (-1: none yet) and where its last token ends. */
        private int stmtStart = -1;
        private int stmtEnd;

        /** In token mode ({@link SqlSplitter#tokens}), where the tokens go; null when splitting. */
        private final List<String> tokens;
        private final int maxTokens;

        Lexer(String text, String file, SplitOptions options) {
            this(text, file, options, null, 0);
        }

        Lexer(String text, String file, SplitOptions options, List<String> tokens, int maxTokens) {
            this.s = text;
            this.n = text.length();
            this.o = options;
            this.cursor = new SourceCursor(text, file);
            this.shape = new StatementShape(text, options);
            this.pos = SourceCursor.startOf(text);
            this.tokens = tokens;
            this.maxTokens = maxTokens;
        }

        List<SqlStatement> run() {
            while (pos < n && (tokens == null || tokens.size() < maxTokens)) {
                char c = s.charAt(pos);
                if (customDelimiter && c == delimiter.charAt(0) && s.startsWith(delimiter, pos)) {
                    endStatement();
                    pos += delimiter.length();
                    lineHasContent = true;
                    continue;
                }
                switch (c) {
                    case ' ', '\t', '\r', '\f', '\u000B' -> pos++;
                    case '\n' -> {
                        pos++;
                        lineHasContent = false;
                    }
                    case ';' -> semicolon();
                    case '\'' -> quoted(pos, pos + 1, '\'', o.backslashEscapes(), "string literal");
                    case '"' -> quoted(pos, pos + 1, '"', o.backslashEscapes(),
                            o.backslashEscapes() ? "double-quoted string" : "quoted identifier");
                    case '`' -> {
                        if (o.backtickIdentifiers()) {
                            quoted(pos, pos + 1, '`', false, "backtick-quoted identifier");
                        } else {
                            symbol();
                        }
                    }
                    case '[' -> {
                        if (o.bracketIdentifiers()) {
                            bracketIdentifier();
                        } else {
                            symbol();
                        }
                    }
                    case '$' -> {
                        if (o.dollarQuotes()) {
                            dollar();
                        } else {
                            word();
                        }
                    }
                    case '-' -> {
                        if (pos + 1 < n && s.charAt(pos + 1) == '-'
                                && (!o.dashCommentNeedsSpace() || pos + 2 >= n || s.charAt(pos + 2) <= ' ')) {
                            lineComment();
                        } else {
                            symbol();
                        }
                    }
                    case '#' -> {
                        if (o.hashComments()) {
                            lineComment();
                        } else {
                            symbol();
                        }
                    }
                    case '/' -> {
                        if (pos + 1 < n && s.charAt(pos + 1) == '*') {
                            blockComment();
                        } else {
                            symbol();
                        }
                    }
                    case '\\' -> {
                        if (o.rejectPsqlMetaCommands() && tokens == null) {
                            throw ClientCommands.metaCommand(s, pos, cursor);
                        }
                        symbol();
                    }
                    default -> {
                        if (SqlChars.isWordStart(c)) {
                            word();
                        } else {
                            symbol();
                        }
                    }
                }
            }
            endStatement();
            return out;
        }

        // ---- statements

        /** The statement being read now extends to {@code end}. */
        private void mark(int start, int end) {
            if (stmtStart < 0) {
                stmtStart = start;
            }
            stmtEnd = end;
            lineHasContent = true;
        }

        private void endStatement() {
            if (stmtStart >= 0) {
                out.add(new SqlStatement(s.substring(stmtStart, stmtEnd), cursor.at(stmtStart)));
            }
            stmtStart = -1;
            shape.reset();
        }

        private void semicolon() {
            if (tokens != null) {
                symbol();
                return;
            }
            boolean ends = shape.semicolonEnds() && !customDelimiter;
            if (!ends) {
                mark(pos, pos + 1);
                pos++;
                return;
            }
            boolean copyData = shape.copyFromStdin() && stmtStart >= 0;
            endStatement();
            pos++;
            lineHasContent = true;
            if (copyData) {
                readCopyData();
            }
        }

        /** Attaches the data after {@code COPY ... FROM stdin;} to the statement just ended. */
        private void readCopyData() {
            SqlStatement copy = out.remove(out.size() - 1);
            ClientCommands.CopyData data = ClientCommands.copyData(s, pos, cursor, copy.span());
            out.add(new SqlStatement(copy.sql(), copy.span(), data.lines()));
            pos = data.next();
            lineHasContent = false;
        }

        // ---- tokens

        /** A one-character token that is not a word: an operator or punctuation. */
        private void symbol() {
            if (tokens != null) {
                tokens.add(String.valueOf(s.charAt(pos)));
            }
            shape.symbol(s.charAt(pos));
            mark(pos, pos + 1);
            pos++;
        }

        private void quoted(int start, int from, char q, boolean backslash, String what) {
            int i = from;
            while (true) {
                if (i >= n) {
                    throw unterminated(start, "unterminated " + what, hintFor(q, backslash));
                }
                char c = s.charAt(i);
                if (c == q) {
                    if (i + 1 < n && s.charAt(i + 1) == q) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += backslash && c == '\\' ? 2 : 1;
            }
            token(String.valueOf(q));
            shape.other();
            mark(start, i + 1);
            pos = i + 1;
        }

        private static String hintFor(char q, boolean backslash) {
            String doubled = q == '\'' ? "'it''s'" : q == '"' ? "\"a\"\"b\"" : "`a``b`";
            return "close it with " + q + "; inside it, write " + q + " twice (" + doubled + ")"
                    + (backslash ? " or escape it with a backslash" : "");
        }

        private void bracketIdentifier() {
            int end = s.indexOf(']', pos + 1);
            if (end < 0) {
                throw unterminated(pos, "unterminated bracket-quoted identifier", "close it with ]");
            }
            token("\"");
            shape.other();
            mark(pos, end + 1);
            pos = end + 1;
        }

        /** {@code $$...$$} or {@code $tag$...$tag$}; otherwise {@code $1} or a lone {@code $}. */
        private void dollar() {
            int i = pos + 1;
            if (i < n && SqlChars.isTagStart(s.charAt(i))) {
                i++;
                while (i < n && SqlChars.isTagPart(s.charAt(i))) {
                    i++;
                }
            }
            int start = pos;
            if (i >= n || s.charAt(i) != '$') {
                pos++;
                while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                token(s.substring(start, pos));
                shape.other();
                mark(start, pos);
                return;
            }
            String tag = s.substring(start, i + 1);
            int close = s.indexOf(tag, i + 1);
            if (close < 0) {
                throw unterminated(start, "unterminated dollar-quoted string " + tag, "close it with " + tag);
            }
            token("'");
            shape.other();
            pos = close + tag.length();
            mark(start, pos);
        }

        private void lineComment() {
            int end = s.indexOf('\n', pos);
            pos = end < 0 ? n : end;
        }

        private void blockComment() {
            int start = pos;
            boolean executable = o.executableComments() && pos + 2 < n
                    && (s.charAt(pos + 2) == '!' || s.startsWith("M!", pos + 2));
            int level = 1;
            int i = pos + 2;
            while (level > 0) {
                if (i + 1 >= n) {
                    throw unterminated(start, "unterminated block comment", o.nestedBlockComments()
                            ? "close it with */; block comments nest here, so each /* inside it needs its own */"
                            : "close it with */");
                }
                char c = s.charAt(i);
                if (c == '*' && s.charAt(i + 1) == '/') {
                    level--;
                    i += 2;
                } else if (c == '/' && s.charAt(i + 1) == '*' && o.nestedBlockComments()) {
                    level++;
                    i += 2;
                } else {
                    i++;
                }
            }
            pos = i;
            if (executable && tokens != null) {
                executableCommentTokens(start, i);
            }
            if (executable) {
                shape.other();
                mark(start, i);
            } else {
                lineHasContent = true;
            }
        }

        private void word() {
            int start = pos;
            char first = s.charAt(pos);
            if (o.escapeStrings() && (first == 'E' || first == 'e') && pos + 1 < n && s.charAt(pos + 1) == '\'') {
                quoted(start, pos + 2, '\'', true, "string literal");
                return;
            }
            if (o.delimiterCommand() && tokens == null && stmtStart < 0 && !lineHasContent && (first == 'D' || first == 'd')
                    && delimiterCommand()) {
                return;
            }
            pos++;
            if (customDelimiter) {
                // the mysql client ends a statement at its delimiter even inside a word: END$$
                char d0 = delimiter.charAt(0);
                while (pos < n && SqlChars.isWordPart(s.charAt(pos)) && !(s.charAt(pos) == d0 && s.startsWith(delimiter, pos))) {
                    pos++;
                }
            } else {
                while (pos < n && SqlChars.isWordPart(s.charAt(pos))) {
                    pos++;
                }
            }
            if (tokens != null) {
                tokens.add(s.substring(start, pos).toUpperCase(java.util.Locale.ROOT));
            }
            shape.word(start, pos);
            mark(start, pos);
        }

        /** In token mode: a string, quoted name or parameter, as one token. */
        private void token(String token) {
            if (tokens != null) {
                tokens.add(token);
            }
        }

        /** In token mode: the code inside <code>/*!50003 ... *&#47;</code>, after its version number. */
        private void executableCommentTokens(int start, int end) {
            int from = start + (s.charAt(start + 2) == '!' ? 3 : 4);
            while (from < end - 2 && Character.isDigit(s.charAt(from))) {
                from++;
            }
            new Lexer(s.substring(from, end - 2), "", o, tokens, maxTokens).run();
        }

        /** A {@code DELIMITER xx} line of the mysql client; false when the word is not one. */
        private boolean delimiterCommand() {
            ClientCommands.Delimiter d = ClientCommands.delimiter(s, pos, cursor);
            if (d == null) {
                return false;
            }
            delimiter = d.value();
            customDelimiter = !d.value().equals(";");
            pos = d.next();
            return true;
        }

        // ---- errors

        private ChangelogException unterminated(int start, String message, String hint) {
            return new ChangelogException(Problem.at(cursor.at(start), message, hint));
        }
    }
}
