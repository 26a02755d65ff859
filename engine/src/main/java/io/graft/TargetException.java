package io.graft;

import java.util.List;

/**
 * A target (DESIGN §3) names nothing, names several revisions, or asks for something the graph
 * cannot do, such as {@code head} with several heads or a downgrade across an irreversible revision.
 */
public class TargetException extends GraftException {

    private final String target;
    private final List<String> candidates;

    public TargetException(String target, String message, List<String> candidates) {
        super(message);
        this.target = target;
        this.candidates = List.copyOf(candidates);
    }

    public TargetException(String target, String message) {
        this(target, message, List.of());
    }

    /** The target as the user wrote it. */
    public String target() {
        return target;
    }

    /** Revisions the user may have meant (heads, ids sharing a prefix, ...), possibly empty. */
    public List<String> candidates() {
        return candidates;
    }
}
