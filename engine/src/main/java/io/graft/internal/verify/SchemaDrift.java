package io.graft.internal.verify;

import io.graft.SchemaDriftReport;
import io.graft.SchemaDriftReport.Baseline;
import io.graft.SchemaDriftReport.Difference;
import io.graft.SchemaDriftReport.Way;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.internal.schema.Change;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaDiff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code graft drift}: the live schema against the schema the changelog gives at the applied
 * revisions, built on a scratch database (as {@code graft test} builds it), or against the schema
 * {@code graft up} recorded ({@link RecordedSchemas}).
 */
public final class SchemaDrift {

    private SchemaDrift() {
    }

    /**
     * @param applied the revisions the database has applied
     * @param live its schema, read with the history tables left out
     */
    public static SchemaDriftReport compare(LoadedChangelog loaded, Set<String> applied, Schema live,
            DialectId dialect, String devUrl, DriftIgnore ignore) {
        List<Revision> steps = loaded.graph().topologicalOrder().stream().filter(r -> applied.contains(r.id()))
                .toList();
        Schema expected;
        try (Scratch db = Scratch.open(loaded, dialect, devUrl)) {
            db.apply(steps);
            expected = db.read();
        }
        return report(dialect, steps.stream().map(Revision::id).toList(), expected, live, ignore, Baseline.CHANGELOG,
                null);
    }

    /**
     * An object the diff drops and creates again (a view redefined, a trigger changed) is one
     * object that changed, not one missing and one added.
     */
    private static List<Difference> redefined(List<Difference> differences) {
        java.util.Set<String> missing = new java.util.HashSet<>();
        java.util.Set<String> added = new java.util.HashSet<>();
        for (Difference d : differences) {
            (d.way() == Way.MISSING ? missing : d.way() == Way.ADDED ? added : new java.util.HashSet<String>())
                    .add(d.object());
        }
        List<Difference> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Difference d : differences) {
            boolean both = missing.contains(d.object()) && added.contains(d.object());
            if (!both) {
                out.add(d);
            } else if (done.add(d.object())) {
                out.add(new Difference(Way.CHANGED, d.object(), "redefine", "its definition differs"));
            }
        }
        return out;
    }

    /** Every difference between {@code expected} and {@code live}, the ignored ones counted and left out. */
    static SchemaDriftReport report(DialectId dialect, List<String> applied, Schema expected, Schema live,
            DriftIgnore ignore, Baseline baseline, Instant recordedAt) {
        List<Difference> out = new ArrayList<>();
        int ignored = 0;
        for (Change c : SchemaDiff.compare(expected, live.withName(expected.name()))) {
            Way way = switch (SchemaObjects.way(c)) {
                case ADDED -> Way.ADDED;
                case REMOVED -> Way.MISSING;
                case CHANGED -> Way.CHANGED;
            };
            Difference d = new Difference(way, SchemaObjects.object(c), c.kind().key(), c.note());
            if (ignore.ignores(d)) {
                ignored++;
            } else {
                out.add(d);
            }
        }
        return new SchemaDriftReport(dialect, applied, redefined(out), baseline, recordedAt, ignored);
    }
}
