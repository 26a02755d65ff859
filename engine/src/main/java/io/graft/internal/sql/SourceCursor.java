package io.graft.internal.sql;

import io.graft.SourceSpan;

/**
 * Turns byte offsets in a UTF-8 text into line and column. Asked mostly for increasing offsets
 * (statement starts, then an error), it counts line breaks only between the previous offset and
 * the new one, so locating every statement of a file costs one pass over it.
 *
 * <p>A {@code \n} ends a line, so {@code \r\n} counts once and a lone {@code \r} not at all;
 * columns count UTF-16 characters from 1 (as the decoded text would); a leading byte order mark is
 * not counted.
 */
final class SourceCursor {

    private final byte[] s;
    private final String file;
    private final int origin;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** UTF-16 characters from {@code lineStart} to {@code pos}. */
    private int column;

    /** @param origin where the text starts: after its byte order mark, if it has one */
    SourceCursor(byte[] text, int origin, String file) {
        this.s = text;
        this.file = file;
        this.origin = origin;
        reset();
    }

    SourceSpan at(int offset) {
        moveTo(offset);
        return new SourceSpan(file, line, column + 1);
    }

    /** Moves to {@code offset}; then {@link #line()} and {@link #column()} are its position. */
    void moveTo(int offset) {
        if (offset < pos) {
            reset();
        }
        int from = pos;
        for (int i = pos; i < offset; i++) {
            if (s[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        column = lineStart > from ? SqlBytes.utf16Length(s, lineStart, offset)
                : column + SqlBytes.utf16Length(s, from, offset);
        pos = offset;
    }

    int line() {
        return line;
    }

    /** The column, from 1. */
    int column() {
        return column + 1;
    }

    private void reset() {
        pos = origin;
        line = 1;
        lineStart = origin;
        column = 0;
    }
}
