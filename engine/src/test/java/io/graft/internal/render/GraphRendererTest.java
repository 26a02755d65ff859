package io.graft.internal.render;

import static io.graft.testing.Revisions.rev;
import static io.graft.testing.Revisions.withLabels;
import static io.graft.testing.Revisions.withDependsOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.GraphFormat;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.internal.graph.RevisionGraph;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphRendererTest {

    static final RevisionGraph GRAPH = RevisionGraph.of(List.of(
            rev("a"),
            withLabels(rev("b", "a"), "billing"),
            withDependsOn(rev("c", "a"), "b"),
            rev("m", "b", "c"),
            rev("d", "m"),
            rev("e", "m")));

    @Test
    void mermaid() {
        assertThat(GraphRenderer.render(GRAPH, GraphFormat.MERMAID, null)).isEqualTo("""
                flowchart TD
                    r0["a"]
                    r1["b<br/>[billing]"]
                    r2["c"]
                    r3{{"m"}}
                    r4(["d<br/>(head)"])
                    r5(["e<br/>(head)"])
                    r0 --> r1
                    r0 --> r2
                    r1 -. depends_on .-> r2
                    r1 --> r3
                    r2 --> r3
                    r3 --> r4
                    r3 --> r5
                """);
    }

    @Test
    void dot() {
        assertThat(GraphRenderer.render(GRAPH, GraphFormat.DOT, null)).isEqualTo("""
                digraph graft {
                    rankdir=TB;
                    node [shape=box, style="rounded", fontname="Helvetica"];
                    edge [fontname="Helvetica", fontsize=10];
                    "a" [label="a"];
                    "b" [label="b\\n[billing]"];
                    "c" [label="c"];
                    "m" [label="m", shape=hexagon];
                    "d" [label="d", peripheries=2];
                    "e" [label="e", peripheries=2];
                    "a" -> "b";
                    "a" -> "c";
                    "b" -> "c" [style=dashed, label="depends_on"];
                    "b" -> "m";
                    "c" -> "m";
                    "m" -> "d";
                    "m" -> "e";
                }
                """);
    }

    @Test
    void appliedAndPendingMarks() {
        String mermaid = GraphRenderer.render(GRAPH, GraphFormat.MERMAID, Set.of("a", "b"));
        assertThat(mermaid).contains("    class r0,r1 applied\n", "    class r2,r3,r4,r5 pending\n",
                "classDef applied fill:#c8e6c9");
        String dot = GraphRenderer.render(GRAPH, GraphFormat.DOT, Set.of("a"));
        assertThat(dot).contains("\"a\" [label=\"a\", style=\"rounded,filled\", fillcolor=\"#c8e6c9\", tooltip=\"applied\"];")
                .contains("\"b\" [label=\"b\\n[billing]\", style=\"rounded,dashed\", tooltip=\"pending\"];");
    }

    @Test
    void withASqliteDatabaseTheAppliedRevisionsAreMarked() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE);
                Graft graft = Graft.builder().changelog(Path.of("../samples/branches/changelog.yaml"))
                        .url(db.url(), db.user(), db.password()).build()) {
            graft.upgrade("0003_billing_payments");
            String mermaid = graft.graph(GraphFormat.MERMAID, true);
            assertThat(mermaid).contains("    class r0,r1,r2 applied\n", "    class r3,r4,r5,r6 pending\n");
            String dot = graft.graph(GraphFormat.DOT, true);
            assertThat(dot).contains("\"0003_billing_payments\" [label=\"0003_billing_payments\", style=\"rounded,filled\"")
                    .contains("\"0005_audit\" [label=\"0005_audit\", peripheries=2, style=\"rounded,dashed\"");
            assertThat(graft.graph(GraphFormat.MERMAID, false)).doesNotContain("classDef");
        }
    }
}
