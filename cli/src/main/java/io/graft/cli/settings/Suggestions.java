package io.graft.cli.settings;

import java.util.Collection;

/** Did-you-mean for mistyped keys and names. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to {@code word}, if it is near enough to be a typo; else null. */
    static String closest(String word, Collection<String> candidates) {
        return io.graft.internal.text.DidYouMean.closest(word, candidates).orElse(null);
    }
}
