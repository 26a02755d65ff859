package io.graft.internal.sql;

import io.graft.SourceSpan;

/**
 * Turns offsets in a text into line and column. Asked mostly for increasing offsets (statement
 * starts, then an error), it counts line breaks only between the previous offset and the new one,
 * so locating every statement of a file costs one pass over it.
 *
 * <p>A {@code \n} ends a line, so {@code \r\n} counts once and a lone {@code \r} not at all;
 * columns count UTF-16 characters from 1; a leading byte order mark is not counted.
 */
final class SourceCursor {

    private final String text;
    private final String file;
    private final int origin;
    private int pos;
    private int line = 1;
    private int lineStart;

    SourceCursor(String text, String file) {
        this.text = text;
        this.file = file;
        this.origin = startOf(text);
        reset();
    }

    /** Where the text starts: after a byte order mark, if there is one. */
    static int startOf(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    SourceSpan at(int offset) {
        if (offset < pos) {
            reset();
        }
        for (int i = pos; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = offset;
        return new SourceSpan(file, line, offset - lineStart + 1);
    }

    private void reset() {
        pos = origin;
        line = 1;
        lineStart = origin;
    }
}
