package io.graft;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code graft_revisions}: a revision the database holds as applied, or as
 * {@code running} when a non-transactional run stopped half way.
 *
 * @param id the revision id
 * @param parents its parents when it was applied
 * @param checksum SHA-256 (hex) of the up file as applied, line endings and BOM normalised
 * @param state {@code applied} or {@code running}
 * @param statementsDone how many statements completed (all of them once applied)
 * @param statementsTotal how many statements the file held when the run started
 * @param failedStatement where a failed non-transactional run stopped ({@code file:line:col}), or null
 * @param appliedAt when the row was last written
 * @param appliedBy the database user or OS user that ran it
 * @param executionMs how long the revision took to apply
 * @param description the revision's description, or null
 * @param direction for a {@code running} row, whether it was being applied ({@code UP}) or
 *     reverted ({@code DOWN}); {@code UP} for an applied row
 */
public record AppliedRevision(
        String id,
        List<String> parents,
        String checksum,
        State state,
        int statementsDone,
        int statementsTotal,
        String failedStatement,
        Instant appliedAt,
        String appliedBy,
        long executionMs,
        String description,
        Direction direction) {

    public AppliedRevision {
        parents = List.copyOf(parents);
        direction = direction == null ? Direction.UP : direction;
    }

    /** A row being applied, or applied: direction {@code UP}. */
    public AppliedRevision(String id, List<String> parents, String checksum, State state, int statementsDone,
            int statementsTotal, String failedStatement, Instant appliedAt, String appliedBy, long executionMs,
            String description) {
        this(id, parents, checksum, state, statementsDone, statementsTotal, failedStatement, appliedAt, appliedBy,
                executionMs, description, Direction.UP);
    }

    /** True for a row a run left {@code running}: not applied, whatever part of it completed. */
    public boolean running() {
        return state == State.RUNNING;
    }

    public enum State {
        APPLIED("applied"),
        RUNNING("running");

        private final String key;

        State(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static State fromKey(String key) {
            for (State s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown revision state '" + key + "'");
        }
    }
}
