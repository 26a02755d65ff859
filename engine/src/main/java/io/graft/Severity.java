package io.graft;

import java.util.Locale;
import java.util.Optional;

/** How much a lint finding matters. Only {@link #ERROR} fails {@code graft lint} (exit 3), unless {@code --strict}. */
public enum Severity {
    NOTE,
    WARNING,
    ERROR;

    /** The name used in output and in graft.yaml: {@code note}, {@code warning}, {@code error}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromKey(String key) {
        for (Severity s : values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
