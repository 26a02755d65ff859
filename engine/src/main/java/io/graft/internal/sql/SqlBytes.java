package io.graft.internal.sql;

import java.nio.charset.StandardCharsets;

/**
 * What the lexer needs of a file's UTF-8 bytes. Every character the lexer looks for (quotes,
 * delimiters, keywords, blanks) is ASCII, and in UTF-8 no byte of a longer character is an ASCII
 * byte, so searching the bytes finds what searching the decoded text would.
 */
final class SqlBytes {

    private SqlBytes() {
    }

    /** Where a UTF-8 byte order mark ends: 3 when the bytes at {@code from} start with one, else 0. */
    static int bomLength(byte[] s, int from, int to) {
        return to - from >= 3 && (s[from] & 0xFF) == 0xEF && (s[from + 1] & 0xFF) == 0xBB
                && (s[from + 2] & 0xFF) == 0xBF ? 3 : 0;
    }

    static int indexOf(byte[] s, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] s, int from, int to, byte[] needle) {
        byte first = needle[0];
        for (int i = from, last = to - needle.length; i <= last; i++) {
            if (s[i] == first && startsWith(s, i, to, needle)) {
                return i;
            }
        }
        return -1;
    }

    static boolean startsWith(byte[] s, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (s[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes at {@code at} spell the ASCII {@code word}, letters in any case. */
    static boolean regionIs(byte[] s, int at, int to, String word) {
        if (to - at < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            int c = s[at + k];
            int w = word.charAt(k);
            boolean letter = (w | 0x20) >= 'a' && (w | 0x20) <= 'z';
            if (c != w && !(letter && (c | 0x20) == (w | 0x20))) {
                return false;
            }
        }
        return true;
    }

    static String decode(byte[] s, int from, int to) {
        return new String(s, from, to - from, StandardCharsets.UTF_8);
    }

    /** How many UTF-16 characters the UTF-8 bytes from {@code from} to {@code to} decode to. */
    static int utf16Length(byte[] s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int b = s[i];
            if ((b & 0xC0) != 0x80) {
                n += (b & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return n;
    }
}
