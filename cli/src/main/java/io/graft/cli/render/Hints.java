package io.graft.cli.render;

import java.util.List;

/**
 * How text output shows a hint: a line of its own, {@code hint: ...}, under the line it is about
 * and indented further; the shape {@link io.graft.Hints#append} gives every engine message
 * ({@link io.graft.Problem#render()} among them, which the renderers print as the engine renders
 * it), with the same {@link io.graft.Hints#LABEL}. Every other hint the cli prints (drift, lint
 * findings, workflow annotations) is put under its line here.
 */
final class Hints {

    private Hints() {
    }

    /** {@code line}, then, when there is a hint, {@code indent + io.graft.Hints.LABEL + hint}. */
    static List<String> under(String line, String hint, String indent) {
        return hint == null ? List.of(line) : List.of(line, indent + io.graft.Hints.LABEL + hint);
    }
}
