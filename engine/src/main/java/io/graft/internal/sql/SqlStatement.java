package io.graft.internal.sql;

import io.graft.SourceSpan;
import java.util.Objects;

/**
 * One statement of an SQL file, as {@link SqlSplitter} found it.
 *
 * @param sql the statement text exactly as written, without its terminating delimiter and without
 *     the whitespace and comments that separate it from its neighbours (comments inside it stay)
 * @param span file, line and column (1-based) of the statement's first character
 * @param copyData for a PostgreSQL {@code COPY ... FROM stdin}: the inline data lines that followed
 *     it, up to but excluding the {@code \.} line, each ending in {@code \n}; otherwise {@code null}
 */
public record SqlStatement(String sql, SourceSpan span, String copyData) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(span, "span");
    }

    public SqlStatement(String sql, SourceSpan span) {
        this(sql, span, null);
    }

    /** Whether this is a {@code COPY ... FROM stdin} whose data must go through the driver's copy API. */
    public boolean isCopyFromStdin() {
        return copyData != null;
    }
}
