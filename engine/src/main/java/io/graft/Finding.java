package io.graft;

import java.util.Objects;

/**
 * One thing {@code graft lint} found.
 *
 * @param rule the rule's id, e.g. {@code multiple-heads}
 * @param severity as configured (the rule's default unless graft.yaml re-grades it)
 * @param where the file and position
 * @param message what is wrong, one sentence
 * @param hint how to fix or silence it, or {@code null}
 */
public record Finding(String rule, Severity severity, SourceSpan where, String message, String hint) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:col: severity [rule] message}. */
    public String render() {
        return where + ": " + severity.key() + " [" + rule + "] " + message;
    }

    /** This finding with another severity (as graft.yaml re-grades a rule). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, where, message, hint);
    }

    /** This finding at another place. */
    public Finding withWhere(SourceSpan newWhere) {
        return new Finding(rule, severity, newWhere, message, hint);
    }

    @Override
    public String toString() {
        return render();
    }
}
