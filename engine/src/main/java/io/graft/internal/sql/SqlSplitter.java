package io.graft.internal.sql;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an SQL file into statements with one lexer driven by {@link SplitOptions}.
 *
 * <p>The lexer reads the file's UTF-8 bytes, not decoded text: every character it looks for is
 * ASCII, and the statements it returns ({@link SqlStatements}) are offsets into those bytes,
 * decoded one at a time when asked for. The text is read once, left to right: strings, quoted names, dollar quotes and comments are
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
        return split(text.getBytes(StandardCharsets.UTF_8), fileName, options);
    }

    /**
     * Splits a file's UTF-8 bytes (with or without a byte order mark) into statements that keep
     * {@code utf8} as their text: the caller must not change it afterwards. Positions are those of
     * the decoded text, as {@link #split(String, String, SplitOptions)} gives them.
     *
     * @throws ChangelogException as {@link #split(String, String, SplitOptions)}
     */
    public static SqlStatements split(byte[] utf8, String fileName, SplitOptions options) {
        SqlStatements out = new SqlStatements(utf8, fileName);
        new Lexer(utf8, 0, utf8.length, fileName, options, out, null, 0).run();
        return out.done();
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
        if (sql.length() > TOKENS_PREFIX) {
            // The first words of a statement are nearly always in its first lines; a data load's
            // INSERT of a megabyte was encoded whole for each rule that looks at its first words.
            List<String> tokens = new ArrayList<>(Math.min(max, 16));
            byte[] head = sql.substring(0, TOKENS_PREFIX).getBytes(StandardCharsets.UTF_8);
            Lexer lexer = new Lexer(head, 0, head.length, "", options, null, tokens, max);
            try {
                lexer.run();
                // the last word ended before the cut: the whole text gives the same words
                if (tokens.size() == max && lexer.pos < head.length) {
                    return tokens;
                }
            } catch (ChangelogException e) {
                // the cut may have ended a string early: read the whole text below
            }
        }
        return tokensOfWhole(sql, options, max);
    }

    /** {@link #tokens}, the whole text encoded and read. */
    static List<String> tokensOfWhole(String sql, SplitOptions options, int max) {
        List<String> tokens = new ArrayList<>(Math.min(max, 16));
        byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
        try {
            new Lexer(utf8, 0, utf8.length, "", options, null, tokens, max).run();
        } catch (ChangelogException e) {
            // the tokens before the one the splitter refuses stay
        }
        return tokens;
    }

    /** How many characters of a statement {@link #tokens} reads first. */
    private static final int TOKENS_PREFIX = 4096;

    private static final class Lexer {
        private final byte[] s;
        /** Where the text ends in {@code s}. */
        private final int n;
        private final SplitOptions o;
        private final SourceCursor cursor;
        private final StatementShape shape;
        /** Where the statements go; null in token mode. */
        private final SqlStatements out;

        private int pos;
        /** Whether anything but blanks came before {@code pos} on its line. */
        private boolean lineHasContent;
        private byte[] delimiter = {';'};
        private boolean customDelimiter;

        /** Where the statement being read starts (-1: none yet) and where its last token ends. */
        private int stmtStart = -1;
        private int stmtEnd;

        /** In token mode ({@link SqlSplitter#tokens}), where the tokens go; null when splitting. */
        private final List<String> tokens;
        private final int maxTokens;

        /** Reads {@code text} from {@code from} to {@code to}, into {@code out} or, in token mode, {@code tokens}. */
        Lexer(byte[] text, int from, int to, String file, SplitOptions options, SqlStatements out,
                List<String> tokens, int maxTokens) {
            this.s = text;
            this.n = to;
            this.o = options;
            this.pos = from + SqlBytes.bomLength(text, from, to);
            this.cursor = new SourceCursor(text, pos, file);
            this.shape = new StatementShape(text, options);
            this.out = out;
            this.tokens = tokens;
            this.maxTokens = maxTokens;
        }

        void run() {
            while (pos < n && (tokens == null || tokens.size() < maxTokens)) {
                char c = (char) (s[pos] & 0xFF);
                if (customDelimiter && s[pos] == delimiter[0] && SqlBytes.startsWith(s, pos, n, delimiter)) {
                    endStatement();
                    pos += delimiter.length;
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
                        if (pos + 1 < n && s[pos + 1] == '-'
                                && (!o.dashCommentNeedsSpace() || pos + 2 >= n || (s[pos + 2] & 0xFF) <= ' ')) {
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
                        if (pos + 1 < n && s[pos + 1] == '*') {
                            blockComment();
                        } else {
                            symbol();
                        }
                    }
                    case '\\' -> {
                        if (o.rejectPsqlMetaCommands() && tokens == null) {
                            throw ClientCommands.metaCommand(s, pos, n, cursor);
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
            if (stmtStart >= 0 && out != null) {
                cursor.moveTo(stmtStart);
                out.add(stmtStart, stmtEnd, cursor.line(), cursor.column());
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
            SqlStatement copy = out.get(out.size() - 1);
            ClientCommands.CopyData data = ClientCommands.copyData(s, pos, n, cursor, copy.span());
            out.attachCopyData(data.start(), data.end());
            pos = data.next();
            lineHasContent = false;
        }

        // ---- tokens

        /** A one-character token that is not a word: an operator or punctuation. */
        private void symbol() {
            if (tokens != null) {
                tokens.add(String.valueOf(charAt(pos)));
            }
            shape.symbol(charAt(pos));
            mark(pos, pos + 1);
            pos++;
        }

        private void quoted(int start, int from, char q, boolean backslash, String what) {
            int i = from;
            while (true) {
                if (i >= n) {
                    throw unterminated(start, "unterminated " + what, hintFor(q, backslash));
                }
                byte c = s[i];
                if (c == q) {
                    if (i + 1 < n && s[i + 1] == q) {
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
            int end = SqlBytes.indexOf(s, pos + 1, n, ']');
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
            if (i < n && SqlChars.isTagStart(charAt(i))) {
                i++;
                while (i < n && SqlChars.isTagPart(charAt(i))) {
                    i++;
                }
            }
            int start = pos;
            if (i >= n || s[i] != '$') {
                pos++;
                while (pos < n && s[pos] >= '0' && s[pos] <= '9') {
                    pos++;
                }
                if (tokens != null) {
                    token(SqlBytes.decode(s, start, pos));
                }
                shape.other();
                mark(start, pos);
                return;
            }
            byte[] tag = Arrays.copyOfRange(s, start, i + 1);
            int close = SqlBytes.indexOf(s, i + 1, n, tag);
            if (close < 0) {
                String t = SqlBytes.decode(s, start, i + 1);
                throw unterminated(start, "unterminated dollar-quoted string " + t, "close it with " + t);
            }
            token("'");
            shape.other();
            pos = close + tag.length;
            mark(start, pos);
        }

        private void lineComment() {
            int end = SqlBytes.indexOf(s, pos, n, '\n');
            pos = end < 0 ? n : end;
        }

        private void blockComment() {
            int start = pos;
            boolean executable = o.executableComments() && pos + 2 < n
                    && (s[pos + 2] == '!' || s[pos + 2] == 'M' && pos + 3 < n && s[pos + 3] == '!');
            int level = 1;
            int i = pos + 2;
            while (level > 0) {
                if (i + 1 >= n) {
                    throw unterminated(start, "unterminated block comment", o.nestedBlockComments()
                            ? "close it with */; block comments nest here, so each /* inside it needs its own */"
                            : "close it with */");
                }
                byte c = s[i];
                if (c == '*' && s[i + 1] == '/') {
                    level--;
                    i += 2;
                } else if (c == '/' && s[i + 1] == '*' && o.nestedBlockComments()) {
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
            byte first = s[pos];
            if (o.escapeStrings() && (first == 'E' || first == 'e') && pos + 1 < n && s[pos + 1] == '\'') {
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
                byte d0 = delimiter[0];
                while (pos < n && SqlChars.isWordPart(charAt(pos)) && !(s[pos] == d0 && SqlBytes.startsWith(s, pos, n, delimiter))) {
                    pos++;
                }
            } else {
                while (pos < n && SqlChars.isWordPart(charAt(pos))) {
                    pos++;
                }
            }
            if (tokens != null) {
                tokens.add(SqlBytes.decode(s, start, pos).toUpperCase(java.util.Locale.ROOT));
            }
            shape.word(start, pos);
            mark(start, pos);
        }

        /** The byte at {@code i}, as the lexer classifies it: every byte of a non-ASCII character is 128 or more. */
        private char charAt(int i) {
            return (char) (s[i] & 0xFF);
        }

        /** In token mode: a string, quoted name or parameter, as one token. */
        private void token(String token) {
            if (tokens != null) {
                tokens.add(token);
            }
        }

        /** In token mode: the code inside <code>/*!50003 ... *&#47;</code>, after its version number. */
        private void executableCommentTokens(int start, int end) {
            int from = start + (s[start + 2] == '!' ? 3 : 4);
            while (from < end - 2 && s[from] >= '0' && s[from] <= '9') {
                from++;
            }
            new Lexer(s, from, end - 2, "", o, null, tokens, maxTokens).run();
        }

        /** A {@code DELIMITER xx} line of the mysql client; false when the word is not one. */
        private boolean delimiterCommand() {
            ClientCommands.Delimiter d = ClientCommands.delimiter(s, pos, n, cursor);
            if (d == null) {
                return false;
            }
            delimiter = d.value().getBytes(StandardCharsets.UTF_8);
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
