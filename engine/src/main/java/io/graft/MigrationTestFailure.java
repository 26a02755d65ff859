package io.graft;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing {@code graft test} proved wrong.
 *
 * @param kind what failed
 * @param revisionId the revision it is about (for branches that do not commute: the merge revision)
 * @param where the file to fix: the down file for a down that leaves or loses objects, the failing
 *     statement for an SQL error, the merge revision's entry in the changelog for branches
 * @param message one sentence, without the place
 * @param objects the schema objects concerned ({@code table t_foo}, {@code column users.email}); empty when none
 * @param hint how to fix it, or null
 */
public record MigrationTestFailure(Kind kind, String revisionId, SourceSpan where, String message, List<String> objects,
        String hint) {

    /** What failed; {@link #key()} is its id in JSON, JUnit and SARIF output. */
    public enum Kind {
        /** The up file failed to run. */
        UP_FAILED("Up fails: the revision cannot be applied."),
        /** The test file's statements did not all succeed after up. */
        TEST_FAILED("A statement of the revision's test file fails after its up."),
        /** The down file failed to run. */
        DOWN_FAILED("Down fails: the revision cannot be reverted."),
        /** After down, the schema is not what it was before up: objects left behind, lost or changed. */
        DOWN_MISMATCH("Down does not restore the schema as it was before up."),
        /** The down file has no statements while up changes the schema. */
        DOWN_DOES_NOTHING("The revision is declared reversible, but its down does nothing while its up changes the schema."),
        /** Up failed when run again after down. */
        UP_AGAIN_FAILED("Up fails when run again after down (down drops too little, or up is not re-runnable)."),
        /** Up run again after down gave another schema than the first time. */
        UP_AGAIN_MISMATCH("Up run again after down gives another schema than the first time."),
        /** The parent branches of a merge give different schemas (or fail) in different orders. */
        BRANCHES_DO_NOT_COMMUTE("Revisions on parallel branches of a merge do not commute: the order they run in changes the schema.");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** One sentence: what this kind of failure means. */
        public String description() {
            return description;
        }
    }

    public MigrationTestFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(revisionId, "revisionId");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
        objects = List.copyOf(objects);
    }

    /** {@code file:line:col: message}. */
    public String render() {
        return where + ": " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
