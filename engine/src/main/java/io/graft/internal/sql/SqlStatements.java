package io.graft.internal.sql;

import io.graft.SourceSpan;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The statements {@link SqlSplitter} found in one file, in file order, held as the file's UTF-8
 * bytes and, per statement, where it starts and ends and its line and column. A statement's text
 * is decoded each time it is asked for (its COPY data only when that is asked for) and dropped by
 * whoever asked, so a 100 MB data load is in memory once, as its bytes, and not again as text and
 * statements.
 * Immutable once the splitter returns it; {@link #get} may be called any number of times.
 */
public final class SqlStatements extends AbstractList<SqlStatement> implements RandomAccess {

    /** Per statement: start, end, line, column, start and end of its COPY data (-1: none). */
    private static final int FIELDS = 6;

    private final byte[] bytes;
    private final String file;
    private int[] at = new int[FIELDS * 4];
    private int size;

    SqlStatements(byte[] bytes, String file) {
        this.bytes = bytes;
        this.file = file;
    }

    void add(int start, int end, int line, int column) {
        if ((size + 1) * FIELDS > at.length) {
            at = Arrays.copyOf(at, at.length * 2);
        }
        int k = size * FIELDS;
        at[k] = start;
        at[k + 1] = end;
        at[k + 2] = line;
        at[k + 3] = column;
        at[k + 4] = -1;
        at[k + 5] = -1;
        size++;
    }

    /** The inline data of the last statement, a {@code COPY ... FROM stdin}: whole lines up to the {@code \.} line. */
    void attachCopyData(int start, int end) {
        int k = (size - 1) * FIELDS;
        at[k + 4] = start;
        at[k + 5] = end;
    }

    SqlStatements done() {
        at = Arrays.copyOf(at, size * FIELDS);
        return this;
    }

    @Override
    public SqlStatement get(int index) {
        Objects.checkIndex(index, size);
        int k = index * FIELDS;
        String sql = SqlBytes.decode(bytes, at[k], at[k + 1]);
        SourceSpan span = new SourceSpan(file, at[k + 2], at[k + 3]);
        return at[k + 4] < 0 ? new SqlStatement(sql, span) : new SqlStatement(sql, span, bytes, at[k + 4], at[k + 5]);
    }

    @Override
    public int size() {
        return size;
    }
}
