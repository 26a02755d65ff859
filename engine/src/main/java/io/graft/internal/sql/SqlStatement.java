package io.graft.internal.sql;

import io.graft.SourceSpan;
import java.util.Objects;

/**
 * One statement of an SQL file, as {@link SqlSplitter} found it: a value, equal to another with
 * the same text, place and COPY data.
 *
 * <p>Not a record only because of {@link #copyData()}: the data of a {@code COPY ... FROM stdin}
 * can be a large part of a data load, and the checks before a run look at every statement of a
 * file, so a statement of {@link SqlStatements} decodes its data from the file's bytes only when
 * asked, once.
 */
public final class SqlStatement {

    private final String sql;
    private final SourceSpan span;
    /** The file's bytes and where the COPY data lies in them; null when the data is given (or none). */
    private final byte[] file;
    private final int copyStart;
    private final int copyEnd;
    private String copyData;

    /**
     * @param sql the statement text exactly as written, without its terminating delimiter and
     *     without the whitespace and comments that separate it from its neighbours (comments inside
     *     it stay)
     * @param span file, line and column (1-based) of the statement's first character
     * @param copyData for a PostgreSQL {@code COPY ... FROM stdin}: the inline data lines that
     *     followed it, up to but excluding the {@code \.} line, each ending in {@code \n};
     *     otherwise {@code null}
     */
    public SqlStatement(String sql, SourceSpan span, String copyData) {
        this(sql, span, null, 0, 0);
        this.copyData = copyData;
    }

    public SqlStatement(String sql, SourceSpan span) {
        this(sql, span, null);
    }

    /** A statement whose COPY data is the lines from {@code copyStart} to {@code copyEnd} of {@code file}. */
    SqlStatement(String sql, SourceSpan span, byte[] file, int copyStart, int copyEnd) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.span = Objects.requireNonNull(span, "span");
        this.file = file;
        this.copyStart = copyStart;
        this.copyEnd = copyEnd;
    }

    public String sql() {
        return sql;
    }

    public SourceSpan span() {
        return span;
    }

    /** The inline data of a {@code COPY ... FROM stdin}, each line ending in {@code \n}; otherwise {@code null}. */
    public String copyData() {
        if (copyData == null && file != null) {
            String data = SqlBytes.decode(file, copyStart, copyEnd);
            // a line that ended in CR LF loses its CR
            copyData = data.indexOf('\r') < 0 ? data : data.replace("\r\n", "\n");
        }
        return copyData;
    }

    /** Whether this is a {@code COPY ... FROM stdin} whose data must go through the driver's copy API. */
    public boolean isCopyFromStdin() {
        return file != null || copyData != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlStatement s && sql.equals(s.sql) && span.equals(s.span)
                && Objects.equals(copyData(), s.copyData());
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, span, copyData());
    }

    @Override
    public String toString() {
        return "SqlStatement[sql=" + sql + ", span=" + span + ", copyData=" + copyData() + "]";
    }
}
