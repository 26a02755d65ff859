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
 */
public record Problem(SourceSpan where, String message, String hint) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    public static Problem at(SourceSpan where, String message) {
        return new Problem(where, message, null);
    }

    public static Problem at(SourceSpan where, String message, String hint) {
        return new Problem(where, message, hint);
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
        String text = where + ": " + message;
        return hint == null ? text : text + "\n  hint: " + hint;
    }

    @Override
    public String toString() {
        return render();
    }
}
