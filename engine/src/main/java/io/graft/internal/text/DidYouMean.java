package io.graft.internal.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Close-spelling suggestions, for every "did you mean" Graft prints: unknown keys, ids, labels,
 * dialects, targets, configuration keys. One edit distance for all of them: optimal string
 * alignment (Levenshtein, plus a swap of two neighbours counting as one edit), cut off early.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The candidate closest to a mistyped keyword, case-insensitively: at most two edits away and
     * fewer edits than the word is long ({@code parnets} → {@code parents}).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.min(2, Math.max(0, word.length() - 1));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT), limit);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Up to {@code limit} candidates close to a mistyped name (ids, labels), closest first; the
     * allowed distance grows with the word's length.
     */
    public static List<String> closest(String word, Collection<String> candidates, int limit) {
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

    /** {@code "did you mean 'x'?"}, {@code "did you mean one of 'x', 'y'?"} or {@code null}. */
    public static String hint(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return null;
        }
        if (suggestions.size() == 1) {
            return "did you mean '" + suggestions.get(0) + "'?";
        }
        return "did you mean one of " + quoted(suggestions) + "?";
    }

    public static String quoted(Collection<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    /** Optimal string alignment distance, or {@code max + 1} as soon as it must exceed {@code max}. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] before = new int[b.length() + 1];
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
                int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
