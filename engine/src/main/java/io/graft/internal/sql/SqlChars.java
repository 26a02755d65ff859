package io.graft.internal.sql;

/** The characters of names and dollar-quote tags: ASCII by table, everything from U+0080 up may be part of a name. */
final class SqlChars {

    private static final boolean[] LETTER = new boolean[128];
    private static final boolean[] WORD_START = new boolean[128];
    private static final boolean[] WORD_PART = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            LETTER[c] = true;
            LETTER[Character.toUpperCase(c)] = true;
        }
        LETTER['_'] = true;
        System.arraycopy(LETTER, 0, WORD_START, 0, 128);
        System.arraycopy(LETTER, 0, WORD_PART, 0, 128);
        for (char c = '0'; c <= '9'; c++) {
            WORD_START[c] = true; // numbers are read as words: 1e5, 0x1F
            WORD_PART[c] = true;
        }
        WORD_PART['$'] = true; // a$b, c$ (PostgreSQL, MySQL)
    }

    private SqlChars() {
    }

    static boolean isWordStart(char c) {
        return c >= 128 || WORD_START[c];
    }

    static boolean isWordPart(char c) {
        return c >= 128 || WORD_PART[c];
    }

    static boolean isTagStart(char c) {
        return c >= 128 || LETTER[c];
    }

    static boolean isTagPart(char c) {
        return c >= 128 || LETTER[c] || c >= '0' && c <= '9';
    }
}
