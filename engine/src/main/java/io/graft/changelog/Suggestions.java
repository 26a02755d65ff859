package io.graft.changelog;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys, dialects and file names. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, if it is close enough to be a typo: at most two
     * edits away (a swap of two neighbours counts as one), and fewer edits than the word is long.
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        return io.graft.DidYouMean.closest(word, candidates);
    }

    static int distance(String a, String b) {
        return io.graft.DidYouMean.distance(a, b, Math.max(a.length(), b.length()));
    }
}
