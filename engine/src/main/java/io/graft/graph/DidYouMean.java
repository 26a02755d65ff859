package io.graft.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Close-spelling suggestions for unknown ids and labels (bounded edit distance). */
final class DidYouMean {

    private DidYouMean() {
    }

    /** Up to {@code limit} candidates within a small edit distance of {@code word}, closest first. */
    static List<String> closest(String word, Collection<String> candidates, int limit) {
        int max = word.length() <= 3 ? 1 : Math.max(2, word.length() / 4);
        record Scored(String name, int distance) {
        }
        List<Scored> found = new ArrayList<>();
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - word.length()) > max) {
                continue;
            }
            int d = distance(word, candidate, max);
            if (d <= max && d < word.length()) {
                found.add(new Scored(candidate, d));
            }
        }
        found.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return found.stream().limit(limit).map(Scored::name).toList();
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code "did you mean 'x'?"}, {@code "did you mean one of 'x', 'y'?"} or {@code null}. */
    static String hint(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return null;
        }
        if (suggestions.size() == 1) {
            return "did you mean '" + suggestions.get(0) + "'?";
        }
        return "did you mean one of " + quoted(suggestions) + "?";
    }

    static String quoted(Collection<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
