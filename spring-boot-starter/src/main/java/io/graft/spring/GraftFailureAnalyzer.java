package io.graft.spring;

import io.graft.GraftException;
import io.graft.Hints;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start-up stopped by Graft is reported as Spring Boot reports its own failures: Graft's located
 * message as the description, its hint (or where to look) as the action, without a stack trace.
 */
class GraftFailureAnalyzer extends AbstractFailureAnalyzer<GraftException> {

    private static final String HINT = "\n  " + Hints.LABEL;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GraftException cause) {
        String message = cause.getMessage();
        int hint = message.indexOf(HINT);
        String description = "Graft could not migrate the database at start-up:\n" + (hint < 0 ? message : message.substring(0, hint));
        String action = hint < 0 ? "Correct the changelog, the graft.* properties or the database, then start again."
                : message.substring(hint + HINT.length());
        return new FailureAnalysis(description, action, cause);
    }
}
