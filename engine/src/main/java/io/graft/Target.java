package io.graft;

import java.util.Objects;

/**
 * A target as written by the user (DESIGN §3), parsed once. Syntax only: whether it names
 * anything is decided against a graph and an applied set when it is used. {@link #text()} gives
 * the target back in its canonical spelling.
 *
 * <p>Parse a target where it enters ({@link #parse}: a command line's argument, an application's
 * string), so that bad syntax is reported before anything connects; past that point targets
 * travel as this type. {@code up} without a target means {@link #HEADS}.
 */
public sealed interface Target {

    /** Every accepted form, for error hints. */
    String FORMS = "head, heads, base, an id, a unique id prefix (4+ chars), the name part of an id"
            + " (add_posts for 20261201213630_add_posts), a label, "
            + "LABEL@head, +N, -N, ID+N, ID-N, LABEL@+N or LABEL@-N";

    /** {@code heads}: what {@code up} without a target means. */
    Target HEADS = new Heads();

    String text();

    /** {@code head}: the single head of the changelog. */
    record Head() implements Target {
        @Override
        public String text() {
            return "head";
        }
    }

    /** {@code heads}: every head. */
    record Heads() implements Target {
        @Override
        public String text() {
            return "heads";
        }
    }

    /** {@code base}: nothing applied. */
    record Base() implements Target {
        @Override
        public String text() {
            return "base";
        }
    }

    /** An id, a label, a unique id prefix of 4+ characters, or the unique name part of an id. */
    record Named(String name) implements Target {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name;
        }
    }

    /** {@code NAME@head}: the head of the branch that starts at the revision {@code name} resolves to. */
    record BranchHead(String name) implements Target {
        public BranchHead {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name + "@head";
        }
    }

    /** {@code +N} / {@code -N}: steps from the single current head; {@code steps} is signed, never 0. */
    record Relative(int steps) implements Target {
        @Override
        public String text() {
            return signed(steps);
        }
    }

    /** {@code ID+N} / {@code ID-N}: steps from a named revision. */
    record Offset(String name, int steps) implements Target {
        public Offset {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name + signed(steps);
        }
    }

    /** {@code LABEL@+N} / {@code LABEL@-N}: steps from the applied head of a branch. */
    record BranchRelative(String name, int steps) implements Target {
        public BranchRelative {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name + "@" + signed(steps);
        }
    }

    /** Parses a target; {@link TargetException} on a syntax error, with the accepted forms as hint. */
    static Target parse(String text) {
        return TargetSyntax.parse(text);
    }

    /**
     * Parses the target a command cannot do without ({@code down}, {@code stamp}); a missing one
     * is a {@link TargetException} that says what to give.
     */
    static Target required(String text, String command) {
        if (text == null || text.isBlank()) {
            throw new TargetException("", Hints.append("`graft " + command + "` needs a target",
                    "'base' for nothing applied, '-1' for one revision back, or an id or label"));
        }
        return parse(text);
    }

    private static String signed(int steps) {
        return steps > 0 ? "+" + steps : Integer.toString(steps);
    }
}
