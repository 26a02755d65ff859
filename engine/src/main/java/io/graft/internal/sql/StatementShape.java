package io.graft.internal.sql;

/**
 * What the words of the statement being read say about where it may end: inside a
 * {@code BEGIN ATOMIC}, trigger or compound body, or inside parentheses (PostgreSQL), a {@code ;}
 * does not end it; a {@code COPY ... FROM stdin} is followed by data.
 *
 * <p>The lexer reports each significant token once; a word is compared with keywords only where
 * that matters (the first words, and inside statements that may have a body), so ordinary
 * statements cost nothing here beyond their first word.
 */
final class StatementShape {

    /** The kind of body the statement may hold, decided by its first words. */
    private enum Body {
        NONE,
        /** PostgreSQL {@code CREATE|ALTER ...}: {@code BEGIN ATOMIC ... END}. */
        ATOMIC,
        /** SQLite {@code CREATE TRIGGER}: {@code BEGIN ... END}. */
        TRIGGER,
        /** MySQL {@code CREATE ... PROCEDURE|FUNCTION|TRIGGER|EVENT}: compound statements. */
        COMPOUND
    }

    /** The routine kind may follow {@code CREATE OR REPLACE DEFINER = x AGGREGATE ...}: look this far. */
    private static final int ROUTINE_KIND_WITHIN = 8;

    private final byte[] s;
    private final SplitOptions o;

    private int words;
    private boolean createOrAlter;
    private boolean firstIsBegin;
    private Body body = Body.NONE;
    /** Open BEGIN and CASE in a body. */
    private int depth;
    private int parens;
    /** PostgreSQL: the last word was BEGIN; ATOMIC would open a body. */
    private boolean pendingBegin;
    /** MySQL: the last word was END; the next token tells what it closes. */
    private boolean pendingEnd;
    /**
     * The last token was {@code (}, {@code ,} or {@code .}: a BEGIN or END here is a name (a
     * column {@code begin}, {@code NEW.end}), never a keyword.
     */
    private boolean afterNamePunctuation;
    private boolean copy;
    /** 0: nothing yet, 1: COPY ... FROM, 2: COPY ... FROM STDIN. */
    private int copyState;

    StatementShape(byte[] text, SplitOptions options) {
        this.s = text;
        this.o = options;
    }

    void reset() {
        words = 0;
        createOrAlter = false;
        firstIsBegin = false;
        body = Body.NONE;
        depth = 0;
        parens = 0;
        pendingBegin = false;
        pendingEnd = false;
        afterNamePunctuation = false;
        copy = false;
        copyState = 0;
    }

    /** A significant token that is not a word: a string, quoted name, executable comment. */
    void other() {
        closePendingEnd();
        pendingBegin = false;
        afterNamePunctuation = false;
        if (copyState == 1) {
            copyState = 0;
        }
    }

    /** An operator or punctuation character. */
    void symbol(char c) {
        other();
        afterNamePunctuation = c == '(' || c == ',' || c == '.';
        if (c == '(') {
            parens++;
        } else if (c == ')' && parens > 0) {
            parens--;
        }
    }

    /** At a {@code ;}: whether it ends the statement. */
    boolean semicolonEnds() {
        other();
        return depth == 0 && (parens == 0 || !o.semicolonInParentheses());
    }

    /** Whether the statement is a {@code COPY ... FROM stdin}, to be followed by data. */
    boolean copyFromStdin() {
        return copy && copyState == 2;
    }

    void word(int start, int end) {
        boolean name = afterNamePunctuation;
        afterNamePunctuation = false;
        if (pendingEnd) {
            // END IF / END LOOP / END WHILE / END REPEAT close statements that were not counted;
            // END CASE, END label and a bare END close a counted BEGIN or CASE. The word after
            // END belongs to it and opens nothing.
            pendingEnd = false;
            boolean closesUncounted = is(start, end, "IF") || is(start, end, "LOOP")
                    || is(start, end, "WHILE") || is(start, end, "REPEAT");
            if (!closesUncounted && depth > 0) {
                depth--;
            }
            words++;
            return;
        }
        boolean atomic = pendingBegin && is(start, end, "ATOMIC");
        pendingBegin = false;
        words++;
        if (words == 1) {
            firstWord(start, end);
            return;
        }
        if (words == 2 && firstIsBegin && o.compoundBodies() && is(start, end, "NOT")) {
            body = Body.COMPOUND; // MariaDB's anonymous BEGIN NOT ATOMIC ... END block
            depth = 1;
            return;
        }
        if (createOrAlter && body != Body.ATOMIC && words <= ROUTINE_KIND_WITHIN) {
            routineKind(start, end);
        }
        if (copy) {
            if (copyState == 1) {
                copyState = is(start, end, "STDIN") ? 2 : 0;
            } else if (copyState == 0 && is(start, end, "FROM")) {
                copyState = 1;
            }
            return;
        }
        if (name && (is(start, end, "BEGIN") || is(start, end, "END"))) {
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

    private void firstWord(int start, int end) {
        createOrAlter = is(start, end, "CREATE") || is(start, end, "ALTER");
        firstIsBegin = is(start, end, "BEGIN");
        if (createOrAlter && o.beginAtomicBodies()) {
            body = Body.ATOMIC;
        }
        copy = o.copyFromStdin() && is(start, end, "COPY");
    }

    private void routineKind(int start, int end) {
        if (o.triggerBodies() && is(start, end, "TRIGGER")) {
            body = Body.TRIGGER;
        } else if (o.compoundBodies() && (is(start, end, "PROCEDURE") || is(start, end, "FUNCTION")
                || is(start, end, "TRIGGER") || is(start, end, "EVENT"))) {
            body = Body.COMPOUND;
        }
    }

    /** A MySQL {@code END} followed by something other than a word closes a BEGIN or CASE. */
    private void closePendingEnd() {
        if (pendingEnd) {
            pendingEnd = false;
            if (depth > 0) {
                depth--;
            }
        }
    }

    private boolean is(int start, int end, String keyword) {
        return end - start == keyword.length() && SqlBytes.regionIs(s, start, end, keyword);
    }
}
