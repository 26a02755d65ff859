package io.graft;

/**
 * The one way a message and its fix are printed: the message, then, when there is a hint, a line
 * of its own indented by two spaces, {@code hint: ...}. Every engine message that carries a hint
 * ({@link Problem#render()}, {@link Drift#render()}, target, plan, lock and migration errors) is
 * built here, and the command line labels the hints it lays out itself with {@link #LABEL}, so
 * the shape is the same wherever a hint is shown.
 */
public final class Hints {

    /** What starts a hint's line, after its indentation. */
    public static final String LABEL = "hint: ";

    private Hints() {
    }

    /**
     * {@code message}, followed, when {@code hint} is not {@code null}, by a new line, two spaces,
     * {@link #LABEL} and the hint.
     */
    public static String append(String message, String hint) {
        return hint == null ? message : message + "\n  " + LABEL + hint;
    }
}
