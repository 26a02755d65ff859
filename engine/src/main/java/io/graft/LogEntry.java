package io.graft;

import java.time.Instant;

/**
 * A row of the append-only {@code graft_log}.
 *
 * @param id row number
 * @param operation {@code up}, {@code down}, {@code stamp}, {@code repair}
 * @param revisionId the revision concerned, or null for a whole-run entry
 * @param startedAt when the operation started
 * @param finishedAt when it ended, or null if it never did
 * @param outcome {@code success}, {@code failure}
 * @param error the error text on failure, or null
 * @param user who ran it
 */
public record LogEntry(long id, String operation, String revisionId, Instant startedAt, Instant finishedAt,
        String outcome, String error, String user) {
}
