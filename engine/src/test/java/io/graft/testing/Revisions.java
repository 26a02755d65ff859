package io.graft.testing;

import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import java.util.List;
import java.util.Map;

/** Revisions built inline, with only the graph's fields that a test cares about. */
public final class Revisions {

    private Revisions() {
    }

    /** A revision whose up file is {@code <id>.up.sql} and which has a down file. */
    public static Revision rev(String id, String... parents) {
        return new Revision(id, List.of(parents), null, List.of(), List.of(),
                SqlRef.of(id + ".up.sql"), SqlRef.of(id + ".down.sql"), true,
                SourceSpan.none(), Map.of());
    }

    public static Revision withLabels(Revision r, String... labels) {
        return new Revision(r.id(), r.parents(), r.description(), List.of(labels), r.dependsOn(), r.up(), r.down(),
                r.transactional(), r.repeatable(), r.span(), r.spans());
    }

    public static Revision withDependsOn(Revision r, String... ids) {
        return new Revision(r.id(), r.parents(), r.description(), r.labels(), List.of(ids), r.up(), r.down(),
                r.transactional(), r.repeatable(), r.span(), r.spans());
    }

    public static Revision withoutDown(Revision r) {
        return new Revision(r.id(), r.parents(), r.description(), r.labels(), r.dependsOn(), r.up(), null,
                r.transactional(), r.repeatable(), r.span(), r.spans());
    }

    /** The revision marked {@code repeatable: true}. */
    public static Revision repeatable(Revision r) {
        return new Revision(r.id(), r.parents(), r.description(), r.labels(), r.dependsOn(), r.up(), r.down(),
                r.transactional(), true, r.span(), r.spans());
    }
}
