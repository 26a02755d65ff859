package io.graft.sql;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL file into statements with one lexer driven by {@link SplitOptions}.
 *
 * <p>The text is read once, left to right: strings, quoted identifiers, dollar quotes and comments
 * are skipped as whole tokens, and a word is compared with a keyword only where it can matter (the
 * first words of a statement, and inside bodies). Line and column are computed only for the start
 * of each statement and for errors, by a cursor that moves forward with them, so the cost stays
 * linear in the size of the file.
 *
 * <p>Positions: a {@code \n} ends a line (so {@code \r\n} counts once; a lone {@code \r} does not
 * end a line); columns count UTF-16 characters from 1; a leading byte order mark is skipped and
 * not counted.
 */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    /**
     * Splits {@code text} into statements.
     *
     * @param fileName the file as the user names it, used in every {@link SourceSpan}
     * @throws ChangelogException for an unterminated string, identifier, dollar quote, block
     *     comment or COPY data (pointing at where it starts), a psql meta-command, or a bad
     *     {@code DELIMITER} line
     */
    public static List<SqlStatement> split(String text, String fileName, SplitOptions options) {
        return new Lexer(text, fileName, options).run();
    }

    /** Body tracking needed by the statement being read, decided by its first words. */
    private enum Body {
        NONE,
        /** PostgreSQL {@code CREATE ...}: may hold {@code BEGIN ATOMIC ... END}. */
        ATOMIC,
        /** SQLite {@code CREATE TRIGGER}: {@code BEGIN ... END}. */
        TRIGGER,
        /** MySQL {@code CREATE ... PROCEDURE|FUNCTION|TRIGGER|EVENT}: compound statements. */
        COMPOUND
    }

    private static final class Lexer {
        private final String s;
        private final int n;
        private final String file;
        private final SplitOptions o;
        private final List<SqlStatement> out = new ArrayList<>();

        private int pos;
        private boolean lineHasContent;
        private String delimiter = ";";
        private boolean customDelimiter;

        // the statement being read
        private int stmtStart = -1;
        private int stmtEnd;
        private int words;
        private boolean createOrAlter;
        private boolean firstIsBegin;
        private Body body = Body.NONE;
        private int depth;
        private int parens;
        private boolean pendingBegin;
        private boolean pendingEnd;
        private boolean copy;
        private int copyState;

        // forward-moving position cursor
        private int locPos;
        private int locLine = 1;
        private int locLineStart;

        Lexer(String text, String file, SplitOptions options) {
            this.s = text;
            this.n = text.length();
            this.file = file;
            this.o = options;
            if (n > 0 && text.charAt(0) == '\uFEFF') {
                pos = 1;
                locPos = 1;
                locLineStart = 1;
            }
        }

        List<SqlStatement> run() {
            while (pos < n) {
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
                    case '$' -> dollar();
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
                        if (o.rejectPsqlMetaCommands()) {
                            throw metaCommand();
                        }
                        symbol();
                    }
                    case '(' -> {
                        parens++;
                        symbol();
                    }
                    case ')' -> {
                        if (parens > 0) {
                            parens--;
                        }
                        symbol();
                    }
                    default -> {
                        if (isWordStart(c)) {
                            word();
                        } else {
                            symbol();
                        }
                    }
                }
            }
            resolvePendingEnd();
            endStatement();
            return out;
        }

        // ---- tokens

        private void semicolon() {
            resolvePendingEnd();
            pendingBegin = false;
            boolean ends = !customDelimiter && depth == 0 && (parens == 0 || !o.semicolonInParentheses());
            if (!ends) {
                mark(pos, pos + 1);
                pos++;
                return;
            }
            boolean copyData = copy && copyState == 2 && stmtStart >= 0;
            int copyAt = stmtStart;
            endStatement();
            pos++;
            lineHasContent = true;
            if (copyData) {
                readCopyData(copyAt);
            }
        }

        /** A one-character token that is not a word: an operator or punctuation. */
        private void symbol() {
            resolvePendingEnd();
            pendingBegin = false;
            if (copyState == 1) {
                copyState = 0;
            }
            mark(pos, pos + 1);
            pos++;
        }

        private void mark(int start, int end) {
            if (stmtStart < 0) {
                stmtStart = start;
            }
            stmtEnd = end;
            lineHasContent = true;
        }

        private void quoted(int start, int from, char q, boolean backslash, String what) {
            resolvePendingEnd();
            pendingBegin = false;
            if (copyState == 1) {
                copyState = 0;
            }
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
            resolvePendingEnd();
            pendingBegin = false;
            mark(pos, end + 1);
            pos = end + 1;
        }

        private void dollar() {
            if (!o.dollarQuotes()) {
                word();
                return;
            }
            int i = pos + 1;
            if (i < n && isTagStart(s.charAt(i))) {
                i++;
                while (i < n && isTagPart(s.charAt(i))) {
                    i++;
                }
            }
            if (i >= n || s.charAt(i) != '$') {
                // $1, or a lone $: a parameter or an operator, not a quote
                int start = pos;
                pos++;
                while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                resolvePendingEnd();
                pendingBegin = false;
                mark(start, pos);
                return;
            }
            String tag = s.substring(pos, i + 1);
            int close = s.indexOf(tag, i + 1);
            if (close < 0) {
                throw unterminated(pos, "unterminated dollar-quoted string " + tag, "close it with " + tag);
            }
            resolvePendingEnd();
            pendingBegin = false;
            if (copyState == 1) {
                copyState = 0;
            }
            mark(pos, close + tag.length());
            pos = close + tag.length();
        }

        private void lineComment() {
            int end = s.indexOf('\n', pos);
            pos = end < 0 ? n : end;
        }

        private void blockComment() {
            int start = pos;
            boolean executable = o.executableComments() && pos + 2 < n
                    && (s.charAt(pos + 2) == '!' || (s.charAt(pos + 2) == 'M' && pos + 3 < n && s.charAt(pos + 3) == '!'));
            int level = 1;
            int i = pos + 2;
            while (level > 0) {
                if (i + 1 >= n) {
                    throw unterminated(start, "unterminated block comment",
                            o.nestedBlockComments()
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
            if (executable) {
                resolvePendingEnd();
                pendingBegin = false;
                mark(start, i);
            } else {
                lineHasContent = true;
            }
            pos = i;
        }

        private void word() {
            int start = pos;
            char first = s.charAt(pos);
            if (o.escapeStrings() && (first == 'E' || first == 'e') && pos + 1 < n && s.charAt(pos + 1) == '\'') {
                quoted(start, pos + 2, '\'', true, "string literal");
                return;
            }
            if (o.delimiterCommand() && stmtStart < 0 && !lineHasContent && (first == 'D' || first == 'd')
                    && delimiterCommand()) {
                return;
            }
            pos++;
            if (customDelimiter) {
                char d0 = delimiter.charAt(0);
                while (pos < n) {
                    char c = s.charAt(pos);
                    if (!isWordPart(c) || c == d0 && s.startsWith(delimiter, pos)) {
                        break;
                    }
                    pos++;
                }
            } else {
                while (pos < n && isWordPart(s.charAt(pos))) {
                    pos++;
                }
            }
            onWord(start, pos);
            mark(start, pos);
        }

        // ---- statement structure

        private void onWord(int start, int end) {
            if (pendingEnd) {
                // END IF / END LOOP / END WHILE / END REPEAT close statements that were not
                // counted; END CASE, END label and a bare END close a counted BEGIN or CASE.
                // The word after END belongs to it and opens nothing.
                pendingEnd = false;
                boolean closesUncounted = is(start, end, "IF") || is(start, end, "LOOP")
                        || is(start, end, "WHILE") || is(start, end, "REPEAT");
                if (!closesUncounted && depth > 0) {
                    depth--;
                }
                words++;
                return;
            }
            boolean atomic = false;
            if (pendingBegin) {
                pendingBegin = false;
                atomic = is(start, end, "ATOMIC");
            }
            words++;
            if (words == 2 && firstIsBegin && o.compoundBodies() && is(start, end, "NOT")) {
                body = Body.COMPOUND; // MariaDB's anonymous BEGIN NOT ATOMIC ... END block
                depth = 1;
                return;
            }
            if (words == 1) {
                firstIsBegin = is(start, end, "BEGIN");
                createOrAlter = is(start, end, "CREATE") || is(start, end, "ALTER");
                if (createOrAlter && o.beginAtomicBodies()) {
                    body = Body.ATOMIC;
                }
                copy = o.copyFromStdin() && is(start, end, "COPY");
                return;
            }
            if (createOrAlter && body != Body.ATOMIC && words <= 8) {
                if (o.triggerBodies() && is(start, end, "TRIGGER")) {
                    body = Body.TRIGGER;
                } else if (o.compoundBodies() && (is(start, end, "PROCEDURE") || is(start, end, "FUNCTION")
                        || is(start, end, "TRIGGER") || is(start, end, "EVENT"))) {
                    body = Body.COMPOUND;
                }
            }
            if (copy) {
                if (copyState == 1) {
                    copyState = is(start, end, "STDIN") ? 2 : 0;
                } else if (copyState == 0 && is(start, end, "FROM")) {
                    copyState = 1;
                }
                return;
            }
            switch (body) {
                case NONE -> {
                }
                case ATOMIC -> {
                    if (atomic) {
                        depth++;
                    } else if (depth == 0) {
                        pendingBegin = is(start, end, "BEGIN");
                    } else if (is(start, end, "CASE")) {
                        depth++;
                    } else if (is(start, end, "END")) {
                        depth--;
                    }
                }
                case TRIGGER -> {
                    if (is(start, end, "BEGIN") || depth > 0 && is(start, end, "CASE")) {
                        depth++;
                    } else if (depth > 0 && is(start, end, "END")) {
                        depth--;
                    }
                }
                case COMPOUND -> {
                    if (is(start, end, "BEGIN") || depth > 0 && is(start, end, "CASE")) {
                        depth++;
                    } else if (depth > 0 && is(start, end, "END")) {
                        pendingEnd = true;
                    }
                }
            }
        }

        /** A MySQL {@code END} followed by something other than a word closes a BEGIN or CASE. */
        private void resolvePendingEnd() {
            if (pendingEnd) {
                pendingEnd = false;
                if (depth > 0) {
                    depth--;
                }
            }
        }

        private boolean is(int start, int end, String keyword) {
            return end - start == keyword.length() && s.regionMatches(true, start, keyword, 0, keyword.length());
        }

        private void endStatement() {
            if (stmtStart >= 0) {
                out.add(new SqlStatement(s.substring(stmtStart, stmtEnd), at(stmtStart)));
            }
            stmtStart = -1;
            words = 0;
            createOrAlter = false;
            body = Body.NONE;
            depth = 0;
            parens = 0;
            pendingBegin = false;
            pendingEnd = false;
            copy = false;
            copyState = 0;
        }

        /**
         * Reads the data after {@code COPY ... FROM stdin;}: from the next line up to a line holding
         * only {@code \.}. Replaces the statement just added with one that carries the data.
         */
        private void readCopyData(int copyAt) {
            int eol = s.indexOf('\n', pos);
            int restEnd = eol < 0 ? n : eol;
            int text = pos;
            while (text < restEnd && s.charAt(text) <= ' ') {
                text++;
            }
            if (text < restEnd && !s.startsWith("--", text)) {
                throw new ChangelogException(Problem.at(at(text),
                        "text after COPY ... FROM stdin; on the same line",
                        "the data must start on the line after the COPY statement"));
            }
            pos = eol < 0 ? n : eol + 1;
            StringBuilder data = new StringBuilder();
            while (true) {
                if (pos >= n) {
                    throw new ChangelogException(Problem.at(at(copyAt),
                            "the data of this COPY ... FROM stdin is not ended by a line \\.",
                            "end the data with a line holding only \\."));
                }
                int lineEnd = s.indexOf('\n', pos);
                int next = lineEnd < 0 ? n : lineEnd + 1;
                int contentEnd = lineEnd < 0 ? n : lineEnd;
                if (contentEnd > pos && s.charAt(contentEnd - 1) == '\r') {
                    contentEnd--;
                }
                if (contentEnd - pos == 2 && s.charAt(pos) == '\\' && s.charAt(pos + 1) == '.') {
                    pos = next;
                    break;
                }
                data.append(s, pos, contentEnd).append('\n');
                pos = next;
            }
            SqlStatement copyStatement = out.remove(out.size() - 1);
            out.add(new SqlStatement(copyStatement.sql(), copyStatement.span(), data.toString()));
            lineHasContent = false;
        }

        /**
         * {@code DELIMITER xx} at the start of a line, with no statement pending. Returns false
         * when the word is not {@code DELIMITER} followed by a blank (then it is an ordinary word).
         */
        private boolean delimiterCommand() {
            int kwEnd = pos + "DELIMITER".length();
            if (kwEnd > n || !s.regionMatches(true, pos, "DELIMITER", 0, "DELIMITER".length())
                    || kwEnd < n && !(s.charAt(kwEnd) == ' ' || s.charAt(kwEnd) == '\t'
                            || s.charAt(kwEnd) == '\n' || s.charAt(kwEnd) == '\r')) {
                return false;
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
                throw new ChangelogException(Problem.at(at(pos), "DELIMITER without a delimiter",
                        "write the new delimiter after it on the same line, e.g. DELIMITER $$"));
            }
            String value = s.substring(valueStart, i);
            if (value.indexOf('\\') >= 0) {
                throw new ChangelogException(Problem.at(at(valueStart),
                        "a DELIMITER may not contain a backslash", "choose another, e.g. DELIMITER $$"));
            }
            delimiter = value;
            customDelimiter = !value.equals(";");
            int eol = s.indexOf('\n', i);
            pos = eol < 0 ? n : eol;
            return true;
        }

        // ---- errors and positions

        private ChangelogException unterminated(int start, String message, String hint) {
            return new ChangelogException(Problem.at(at(start), message, hint));
        }

        private ChangelogException metaCommand() {
            int end = pos + 1;
            while (end < n && s.charAt(end) > ' ' && s.charAt(end) != '\\') {
                end++;
            }
            String command = s.substring(pos, end);
            return new ChangelogException(Problem.at(at(pos),
                    "psql meta-command " + command + " is not SQL",
                    "Graft sends each statement to the database itself, not through psql: remove the line"
                            + " (write variables out, put included files in revisions of their own,"
                            + " and choose the database with the connection URL)"));
        }

        private SourceSpan at(int p) {
            if (p < locPos) {
                locPos = n > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
                locLine = 1;
                locLineStart = locPos;
            }
            for (int i = locPos; i < p; i++) {
                if (s.charAt(i) == '\n') {
                    locLine++;
                    locLineStart = i + 1;
                }
            }
            locPos = p;
            return new SourceSpan(file, locLine, p - locLineStart + 1);
        }

        // ---- character classes

        private boolean isWordStart(char c) {
            return c < 128 ? WORD_START[c] : true;
        }

        private boolean isWordPart(char c) {
            if (c < 128) {
                return WORD_PART[c] || c == '$';
            }
            return true;
        }

        private static boolean isTagStart(char c) {
            return c < 128 ? LETTER[c] : true;
        }

        private static boolean isTagPart(char c) {
            return c < 128 ? WORD_PART[c] : true;
        }
    }

    private static final boolean[] LETTER = new boolean[128];
    private static final boolean[] WORD_START = new boolean[128];
    private static final boolean[] WORD_PART = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            WORD_START[c] = true;
            WORD_START[Character.toUpperCase(c)] = true;
        }
        WORD_START['_'] = true;
        System.arraycopy(WORD_START, 0, LETTER, 0, 128);
        System.arraycopy(WORD_START, 0, WORD_PART, 0, 128);
        for (char c = '0'; c <= '9'; c++) {
            WORD_START[c] = true; // numbers are scanned as words: 1e5, 0x1F
            WORD_PART[c] = true;
        }
    }
}
