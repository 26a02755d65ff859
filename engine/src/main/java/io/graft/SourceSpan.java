package io.graft;

import java.util.Objects;

/**
 * A place in a source file: the changelog or an SQL file. Lines and columns count from 1;
 * 0 means "unknown" and is left out when the span is printed.
 *
 * @param file the file as the user named it (relative to the working directory where possible)
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 */
public record SourceSpan(String file, int line, int column) {

    public SourceSpan {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** A span naming a whole file, with no position inside it. */
    public static SourceSpan file(String file) {
        return new SourceSpan(file, 0, 0);
    }

    /** A span for something built in code (tests, generated revisions). */
    public static SourceSpan none() {
        return new SourceSpan("<inline>", 0, 0);
    }

    /** {@code file:line:col}, {@code file:line} or {@code file}, as compilers print them. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        if (column == 0) {
            return file + ":" + line;
        }
        return file + ":" + line + ":" + column;
    }
}
