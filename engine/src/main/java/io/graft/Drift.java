package io.graft;

/**
 * A disagreement between the changelog and the database that blocks {@code up} until it is
 * resolved: an edited applied file, a row the changelog does not know, a revision left running.
 *
 * @param kind what disagrees
 * @param revisionId the revision concerned
 * @param message what is wrong, naming the file where there is one
 * @param hint how to resolve it
 * @param row the history row concerned (its state, checksum as applied, statements done), or null
 * @param file for {@link Kind#CHECKSUM_CHANGED}: the up file that changed, as the message names it; else null
 * @param currentChecksum for {@link Kind#CHECKSUM_CHANGED}: the file's checksum now (the applied
 *        one is the row's); else null
 */
public record Drift(Kind kind, String revisionId, String message, String hint, AppliedRevision row, String file,
        String currentChecksum) {

    /** The kinds of disagreement. */
    public enum Kind {
        /** An applied revision's up file no longer has the checksum recorded when it ran. */
        CHECKSUM_CHANGED,
        /** The database holds a revision that the changelog does not declare. */
        UNKNOWN_REVISION,
        /** A non-transactional revision stopped half way; {@code graft repair} decides. */
        RUNNING
    }

    /** A drift without its row's details. */
    public Drift(Kind kind, String revisionId, String message, String hint) {
        this(kind, revisionId, message, hint, null, null, null);
    }

    /** {@code revision: message}, then the hint on lines of its own. */
    public String render() {
        return Hints.append(revisionId + ": " + message, hint);
    }
}
