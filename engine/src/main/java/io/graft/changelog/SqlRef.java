package io.graft.changelog;

import io.graft.SourceSpan;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code up} or {@code down} of a revision: either one file for every dialect, or a map
 * dialect -> file. Paths are as written in the changelog, relative to the changelog's folder.
 *
 * @param common the single file for every dialect, or {@code null} when per-dialect
 * @param perDialect dialect -> file; empty when {@link #common} is set
 * @param span where the value starts in the changelog
 */
public record SqlRef(String common, Map<DialectId, String> perDialect, SourceSpan span) {

    public SqlRef {
        Objects.requireNonNull(span, "span");
        perDialect = perDialect.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(perDialect));
        if ((common == null) == perDialect.isEmpty()) {
            throw new IllegalArgumentException("an SqlRef has either one common file or a per-dialect map");
        }
    }

    public static SqlRef of(String path) {
        return new SqlRef(path, Map.of(), SourceSpan.none());
    }

    public static SqlRef of(String path, SourceSpan span) {
        return new SqlRef(path, Map.of(), span);
    }

    public boolean isPerDialect() {
        return common == null;
    }

    /** The file to run on {@code dialect}, or empty when this revision does not cover it. */
    public Optional<String> pathFor(DialectId dialect) {
        return common != null ? Optional.of(common) : Optional.ofNullable(perDialect.get(dialect));
    }

    /** True when a file exists for {@code dialect}. */
    public boolean covers(DialectId dialect) {
        return common != null || perDialect.containsKey(dialect);
    }

    /** The dialects with a file of their own; empty for a common file. */
    public Set<DialectId> dialects() {
        return perDialect.keySet();
    }
}
