package io.graft.internal.verify;

import io.graft.internal.schema.Change;
import io.graft.internal.schema.Change.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema objects behind the changes of a diff, in words: {@code table t_foo},
 * {@code column users.email}; and which of them a change adds, removes or alters.
 */
final class SchemaObjects {

    /** Which way a change goes, from the first schema of a comparison to the second. */
    enum Way {
        /** Only in the second schema. */
        ADDED,
        /** Only in the first. */
        REMOVED,
        /** In both, different. */
        CHANGED
    }

    private SchemaObjects() {
    }

    static Way way(Change c) {
        String key = c.kind().key();
        if (c.kind() == Kind.UNSUPPORTED) {
            String note = c.note() == null ? "" : c.note();
            return note.startsWith("only in the target") ? Way.ADDED
                    : note.startsWith("only in the source") ? Way.REMOVED : Way.CHANGED;
        }
        if (key.startsWith("create_") || key.startsWith("add_")) {
            return Way.ADDED;
        }
        if (key.startsWith("drop_")) {
            return Way.REMOVED;
        }
        return Way.CHANGED;
    }

    /** The object a change is about, in words: {@code table t_foo}, {@code enum value mood.ok}. */
    static String object(Change c) {
        String key = c.kind().key();
        if (c.kind() == Kind.UNSUPPORTED) {
            return c.subject();
        }
        if (c.kind() == Kind.COMMENT) {
            return "the comment on " + c.subject();
        }
        int verb = key.indexOf('_');
        String noun = verb < 0 ? key : key.substring(verb + 1).replace('_', ' ');
        return noun + " " + c.subject();
    }

    /** The objects a list of changes is about, each once, in order. */
    static List<String> objects(List<Change> changes) {
        Set<String> out = new LinkedHashSet<>();
        changes.forEach(c -> out.add(object(c)));
        return List.copyOf(out);
    }

    /**
     * The top-level objects (tables, views, types, routines) a list of changes touches: the first
     * part of each subject ({@code users} for {@code users.email}).
     */
    static Set<String> roots(List<Change> changes) {
        Set<String> out = new LinkedHashSet<>();
        for (Change c : changes) {
            String s = c.subject();
            int space = s.indexOf(' ');
            if (c.kind() == Kind.UNSUPPORTED && space > 0) {
                s = s.substring(space + 1);
            } else if (space > 0) {
                s = s.substring(0, space);
            }
            int dot = s.indexOf('.');
            out.add(dot > 0 && c.kind() != Kind.UNSUPPORTED ? s.substring(0, dot) : s);
        }
        return out;
    }

    /** What down left behind or lost, as the words after "down of 'X' ...". */
    static String afterDown(Change c) {
        return switch (way(c)) {
            case ADDED -> "leaves " + object(c);
            case REMOVED -> "drops " + object(c) + ", which existed before its up";
            case CHANGED -> "leaves " + object(c) + " changed" + (c.note() == null ? "" : " (" + c.note() + ")");
        };
    }

    /** How a schema differs from the one expected, as a short phrase: {@code table t is missing}. */
    static String difference(Change c) {
        return switch (way(c)) {
            case ADDED -> object(c) + " is extra";
            case REMOVED -> object(c) + " is missing";
            case CHANGED -> object(c) + " differs" + (c.note() == null ? "" : " (" + c.note() + ")");
        };
    }
}
