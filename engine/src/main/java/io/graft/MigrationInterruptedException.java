package io.graft;

import java.util.List;

/**
 * A run stopped by {@link Graft#cancel()}: the statement that was running was cancelled on the
 * server, and no further revision started. Carries exactly what happened: the revision that was
 * running (if any), how many of its statements completed, whether the database undid it whole,
 * and the revisions of the plan that did not run; {@link #partialRun()} lists those that did.
 */
public class MigrationInterruptedException extends MigrationException {

    private final int statementsDone;
    private final int statementsTotal;
    private final Boolean rolledBack;
    private final List<String> notRun;

    /**
     * @param revisionId the revision that was running, or null when the run stopped between revisions
     * @param statementsDone how many of its statements completed (0 without a revision)
     * @param statementsTotal how many it has (0 without a revision)
     * @param rolledBack true when its transaction was rolled back (nothing of it remains), false
     *        when its completed statements stay (no transaction), null without a revision
     * @param where the statement that was cancelled, or null
     * @param notRun the revisions of the plan that are not applied (or, going down, not reverted), in plan order
     */
    public MigrationInterruptedException(String message, String revisionId, int statementsDone, int statementsTotal,
            Boolean rolledBack, SourceSpan where, List<String> notRun, Throwable cause) {
        super(message, revisionId, null, where, cause);
        this.statementsDone = statementsDone;
        this.statementsTotal = statementsTotal;
        this.rolledBack = rolledBack;
        this.notRun = List.copyOf(notRun);
    }

    /** How many statements of the interrupted revision completed (and, unless rolled back, stay). */
    public int statementsDone() {
        return statementsDone;
    }

    /** How many statements the interrupted revision has; 0 when the run stopped between revisions. */
    public int statementsTotal() {
        return statementsTotal;
    }

    /**
     * True when the interrupted revision's transaction was rolled back, false when its completed
     * statements stay and its history row is left {@code running} (MySQL/MariaDB DDL,
     * {@code transaction: false}); null when the run stopped between revisions.
     */
    public Boolean rolledBack() {
        return rolledBack;
    }

    /** The revisions of the plan that did not run to the end, in plan order (the interrupted one first, if any). */
    public List<String> notRun() {
        return notRun;
    }
}
