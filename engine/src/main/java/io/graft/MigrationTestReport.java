package io.graft;

import io.graft.changelog.DialectId;
import java.util.List;

/**
 * What {@code graft test} found: every revision's outcome and every failure, all of them (the run
 * does not stop at the first).
 *
 * @param dialect the database the revisions ran on
 * @param revisions one entry per revision of the changelog, in the order they were applied
 * @param failures every failure, in the order found
 * @param notes what the reader should know about how the run went (e.g. MySQL's implicit commits)
 * @param elapsedMs the whole run
 */
public record MigrationTestReport(DialectId dialect, List<RevisionTestResult> revisions,
        List<MigrationTestFailure> failures, List<String> notes, long elapsedMs) {

    public MigrationTestReport {
        revisions = List.copyOf(revisions);
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    /** True when anything failed (the command exits 3). */
    public boolean failed() {
        return !failures.isEmpty();
    }

    public long count(RevisionTestResult.Outcome outcome) {
        return revisions.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The failures of one revision (a merge revision's include its branches' that do not commute). */
    public List<MigrationTestFailure> failuresOf(String revisionId) {
        return failures.stream().filter(f -> f.revisionId().equals(revisionId)).toList();
    }
}
