package io.graft.internal.verify;

import io.graft.SchemaDriftReport;
import io.graft.SchemaDriftReport.Difference;
import io.graft.SchemaDriftReport.Way;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.changelog.LoadedChangelog;
import io.graft.internal.schema.Change;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code graft drift}: the live schema against the schema the changelog gives at the applied
 * revisions, built on a scratch database (as {@code graft test} builds it).
 */
public final class SchemaDrift {

    private SchemaDrift() {
    }

    /**
     * @param applied the revisions the database has applied
     * @param live its schema, read with the history tables left out
     */
    public static SchemaDriftReport compare(LoadedChangelog loaded, Set<String> applied, Schema live,
            DialectId dialect, String devUrl) {
        List<Revision> steps = loaded.graph().topologicalOrder().stream().filter(r -> applied.contains(r.id()))
                .toList();
        Schema expected;
        try (Scratch db = Scratch.open(loaded, dialect, devUrl)) {
            db.apply(steps);
            expected = db.read();
        }
        List<Difference> out = new ArrayList<>();
        for (Change c : SchemaDiff.compare(expected, live.withName(expected.name()))) {
            Way way = switch (SchemaObjects.way(c)) {
                case ADDED -> Way.ADDED;
                case REMOVED -> Way.MISSING;
                case CHANGED -> Way.CHANGED;
            };
            out.add(new Difference(way, SchemaObjects.object(c), c.kind().key(), c.note()));
        }
        return new SchemaDriftReport(dialect, steps.stream().map(Revision::id).toList(), out);
    }
}
