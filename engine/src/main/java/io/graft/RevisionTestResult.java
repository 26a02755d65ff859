package io.graft;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one revision fared in {@code graft test}.
 *
 * @param revisionId the revision
 * @param outcome passed, failed, or skipped (not tested: outside {@code --from}, or after a
 *     revision whose up failed)
 * @param checks what was done, in order: {@code up}, {@code test}, {@code down}, {@code up again},
 *     {@code branch orders}
 * @param note why it was skipped, or that it is irreversible; null when there is nothing to say
 * @param elapsedMs its checks
 */
public record RevisionTestResult(String revisionId, Outcome outcome, List<String> checks, String note, long elapsedMs) {

    public enum Outcome {
        PASSED, FAILED, SKIPPED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RevisionTestResult {
        Objects.requireNonNull(revisionId, "revisionId");
        Objects.requireNonNull(outcome, "outcome");
        checks = List.copyOf(checks);
    }
}
