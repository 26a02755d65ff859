package io.graft.internal.importer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Flyway migration version compared as Flyway compares them: {@code _} and {@code .} both
 * separate numeric parts, each part a number ({@code 1.10} after {@code 1.9}), trailing zero
 * parts ignored ({@code 1.0} equals {@code 1}).
 *
 * @param text the version as Flyway displays and records it ({@code _} written as {@code .})
 */
record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {

    private static final Pattern VALID = Pattern.compile("\\d+(?:[._]\\d+)*");

    static boolean valid(String raw) {
        return VALID.matcher(raw).matches();
    }

    /** @throws IllegalArgumentException when {@code raw} is not digits separated by dots or underscores */
    static FlywayVersion parse(String raw) {
        if (!valid(raw)) {
            throw new IllegalArgumentException("not a Flyway version: " + raw);
        }
        String text = raw.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new FlywayVersion(text, List.copyOf(parts));
    }

    @Override
    public int compareTo(FlywayVersion o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    boolean sameAs(FlywayVersion o) {
        return compareTo(o) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlywayVersion v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
