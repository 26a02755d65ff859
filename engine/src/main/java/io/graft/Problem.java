package io.graft;

import io.graft.internal.text.DidYouMean;
import java.util.Collection;
import java.util.Objects;

/**
 * One thing wrong with the user's input, where it is and how to fix it.
 *
 * @param where the place the problem was found
 * @param message what is wrong, one sentence, no trailing period needed
 * @param hint how to fix it, or {@code null} when there is nothing useful to say
 * @param kind which family of rule it breaks, for callers that treat families differently
 *     (lint reports each under its own rule); never part of {@link #render()}
 */
public record Problem(SourceSpan where, String message, String hint, Kind kind) {

    /** The families of problems; a problem made without one is {@link #INVALID_CHANGELOG}. */
    public enum Kind {
        /** The changelog or a file it names breaks a rule of the format. */
        INVALID_CHANGELOG,
        /** A revision's per-dialect files leave out a dialect that {@code dialects:} declares. */
        DIALECT_COVERAGE
    }

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    public Problem(SourceSpan where, String message, String hint) {
        this(where, message, hint, Kind.INVALID_CHANGELOG);
    }

    public static Problem at(SourceSpan where, String message) {
        return new Problem(where, message, null);
    }

    public static Problem at(SourceSpan where, String message, String hint) {
        return new Problem(where, message, hint);
    }

    public static Problem at(Kind kind, SourceSpan where, String message, String hint) {
        return new Problem(where, message, hint, kind);
    }

    /**
     * What every reader of Graft's YAML (the changelog, {@code graft.yaml}) reports for a key it
     * does not know: a did-you-mean when one of the known keys is a likely typo, else the known keys.
     */
    public static Problem unknownKey(SourceSpan where, String key, Collection<String> known) {
        String hint = DidYouMean.closest(key, known)
                .map(near -> "did you mean '" + near + "'?")
                .orElse("known keys: " + String.join(", ", known.stream().sorted().toList()));
        return new Problem(where, "unknown key '" + key + "'", hint);
    }

    /** {@code file:line:col: message} followed, when there is one, by an indented {@code hint:} line. */
    public String render() {
        return Hints.append(where + ": " + message, hint);
    }

    @Override
    public String toString() {
        return render();
    }
}
