package io.graft.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a fleet is rolled out: waves of targets, each started only once the one before succeeded
 * (or stayed within the failure budget). Written {@code 1,10%,rest}: a number of targets, a
 * percentage of all targets (rounded up), and {@code rest} for what is left; targets left after
 * the last wave written form one more wave, so {@code 1,10%} means {@code 1,10%,rest}.
 */
public final class Waves {

    /** Everything in one wave. */
    public static final Waves ONE = new Waves(List.of(), "rest");

    private final List<String> sizes;
    private final String text;

    private Waves(List<String> sizes, String text) {
        this.sizes = sizes;
        this.text = text;
    }

    /**
     * Parses {@code 1,10%,rest}; {@link IllegalArgumentException} naming the bad part otherwise.
     * Null or blank is {@link #ONE}.
     */
    public static Waves parse(String text) {
        if (text == null || text.isBlank()) {
            return ONE;
        }
        List<String> sizes = new ArrayList<>();
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip().toLowerCase(Locale.ROOT);
            if (part.equals("rest")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("waves '" + text + "': 'rest' must be the last wave");
                }
                continue;
            }
            try {
                if (part.endsWith("%")) {
                    double percent = Double.parseDouble(part.substring(0, part.length() - 1));
                    if (!(percent > 0 && percent <= 100)) {
                        throw new NumberFormatException();
                    }
                } else if (Integer.parseInt(part) < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("waves '" + text + "': '" + parts[i].strip() + "' is not a number of "
                        + "targets (1 or more), a percentage (e.g. 10%) or 'rest'; e.g. --waves 1,10%,rest");
            }
            sizes.add(part);
        }
        return new Waves(List.copyOf(sizes), text.strip());
    }

    /** The size of each wave for a fleet of {@code total} targets, empty waves left out; they add up to {@code total}. */
    public List<Integer> sizes(int total) {
        List<Integer> result = new ArrayList<>();
        int left = total;
        for (String size : sizes) {
            if (left == 0) {
                break;
            }
            int n = size.endsWith("%")
                    ? (int) Math.ceil(total * Double.parseDouble(size.substring(0, size.length() - 1)) / 100.0)
                    : Integer.parseInt(size);
            n = Math.max(1, Math.min(n, left));
            result.add(n);
            left -= n;
        }
        if (left > 0) {
            result.add(left);
        }
        return result;
    }

    /** {@code targets} cut into waves, in order. */
    public <T> List<List<T>> split(List<T> targets) {
        List<List<T>> waves = new ArrayList<>();
        int from = 0;
        for (int n : sizes(targets.size())) {
            waves.add(targets.subList(from, from + n));
            from += n;
        }
        return waves;
    }

    /** As written, e.g. {@code 1,10%,rest}. */
    @Override
    public String toString() {
        return text;
    }
}
