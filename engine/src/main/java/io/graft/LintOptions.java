package io.graft;

import io.graft.changelog.DialectId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to lint.
 *
 * @param baseRef a git ref (branch, tag, commit) whose changelog holds the released revisions, or
 *     {@code null} for no history rules
 * @param dialect the dialect to read SQL as when the changelog declares no {@code dialects:}, or
 *     {@code null} to guess it from the SQL (dollar quotes and {@code CONCURRENTLY} mean PostgreSQL,
 *     backticks and {@code AUTO_INCREMENT} MySQL, {@code AUTOINCREMENT} and {@code PRAGMA} SQLite;
 *     PostgreSQL when nothing tells)
 * @param severities rule id -> severity, or an empty Optional to turn the rule off (graft.yaml's
 *     {@code lint: rules:}); rules not named keep their default
 */
public record LintOptions(String baseRef, DialectId dialect, Map<String, Optional<Severity>> severities) {

    public LintOptions {
        severities = Map.copyOf(severities);
    }

    public static LintOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String baseRef;
        private DialectId dialect;
        private final Map<String, Optional<Severity>> severities = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder baseRef(String ref) {
            this.baseRef = ref;
            return this;
        }

        /** The dialect of undeclared SQL; {@code null} guesses it. */
        public Builder dialect(DialectId dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * The dialect of the database {@code url} names, when Graft knows the URL; otherwise the
         * dialect is left as it was (guessed, unless {@link #dialect} set it).
         */
        public Builder dialectOfUrl(String url) {
            io.graft.internal.dialect.Dialects.idForUrl(url).ifPresent(d -> this.dialect = d);
            return this;
        }

        /** Re-grades a rule. */
        public Builder severity(String rule, Severity severity) {
            severities.put(rule, Optional.of(severity));
            return this;
        }

        /** Turns a rule off. */
        public Builder off(String rule) {
            severities.put(rule, Optional.empty());
            return this;
        }

        public LintOptions build() {
            return new LintOptions(baseRef, dialect, severities);
        }
    }
}
