package io.graft.graph;

import java.util.Collection;
import java.util.List;

/** The graph's use of {@link io.graft.DidYouMean}. */
final class DidYouMean {

    private DidYouMean() {
    }

    static List<String> closest(String word, Collection<String> candidates, int limit) {
        return io.graft.DidYouMean.closest(word, candidates, limit);
    }

    static String hint(List<String> suggestions) {
        return io.graft.DidYouMean.hint(suggestions);
    }

    static String quoted(Collection<String> names) {
        return io.graft.DidYouMean.quoted(names);
    }
}
