package io.graft.internal.graph;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import static io.graft.testing.Revisions.withDependsOn;
import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small helpers for building graphs inline. */
final class Graphs {

    private Graphs() {
    }

    static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(List.of(revisions));
    }

    static Set<String> applied(String... ids) {
        return Set.of(ids);
    }

    /**
     * The revision as if read from {@code changelog.yaml} with its entry starting at {@code line}:
     * {@code id} on that line (col 9), then one line each for parents, labels and depends_on,
     * items 10 columns apart.
     */
    static Revision at(int line, Revision r) {
        Map<String, SourceSpan> spans = new HashMap<>();
        spans.put("id", span(line, 9));
        for (int j = 0; j < r.parents().size(); j++) {
            spans.put("parents[" + j + "]", span(line + 1, 14 + 10 * j));
        }
        for (int j = 0; j < r.labels().size(); j++) {
            spans.put("labels[" + j + "]", span(line + 2, 13 + 10 * j));
        }
        for (int j = 0; j < r.dependsOn().size(); j++) {
            spans.put("depends_on[" + j + "]", span(line + 3, 17 + 10 * j));
        }
        return new Revision(r.id(), r.parents(), r.description(), r.labels(), r.dependsOn(), r.up(), r.down(),
                r.transactional(), r.repeatable(), span(line, 5), spans);
    }

    static SourceSpan span(int line, int column) {
        return new SourceSpan("changelog.yaml", line, column);
    }

    /**
     * <pre>
     * a (core) - b - c ------ m
     *  \                    /
     *   f1 (feature) - f2 -
     * </pre>
     */
    static RevisionGraph mergedBranches() {
        return graph(withLabels(rev("a"), "core"), rev("b", "a"), rev("c", "b"),
                withLabels(rev("f1", "a"), "feature"), rev("f2", "f1"), rev("m", "c", "f2"));
    }

    /**
     * Two open branches from one root, and an auth line whose second revision users need:
     * <pre>
     * a (core) - b - c
     *  \
     *   f1 (feature) - f2          f2 depends_on auth2
     * auth1 (auth) - auth2
     * </pre>
     */
    static RevisionGraph openBranches() {
        return graph(withLabels(rev("a"), "core"), rev("b", "a"), rev("c", "b"),
                withLabels(rev("f1", "a"), "feature"), withDependsOn(rev("f2", "f1"), "auth2"),
                withLabels(rev("auth1"), "auth"), rev("auth2", "auth1"));
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
