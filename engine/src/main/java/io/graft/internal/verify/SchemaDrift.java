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
        return new SchemaDriftReport(dialect, applied, out, baseline, recordedAt, ignored);
    }
}
