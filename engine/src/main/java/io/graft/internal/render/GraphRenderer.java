package io.graft.internal.render;

import io.graft.GraphFormat;
import io.graft.changelog.Revision;
import io.graft.internal.graph.RevisionGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revision graph as Mermaid or DOT: parent -> child edges, dashed {@code depends_on} edges,
 * labels under the id, merge points and heads shaped apart, and (when the database was read)
 * applied revisions filled and pending ones dashed. Output is deterministic: changelog order.
 */
public final class GraphRenderer {

    private GraphRenderer() {
    }

    /**
     * @param applied the applied revision ids, or {@code null} when the database was not read
     */
    public static String render(RevisionGraph graph, GraphFormat format, Set<String> applied) {
        return format == GraphFormat.DOT ? dot(graph, applied) : mermaid(graph, applied);
    }

    private static Map<String, String> nodeIds(List<Revision> revisions) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < revisions.size(); i++) {
            ids.put(revisions.get(i).id(), "r" + i);
        }
        return ids;
    }

    private static String mermaid(RevisionGraph graph, Set<String> applied) {
        List<Revision> revisions = graph.revisions();
        Map<String, String> node = nodeIds(revisions);
        Set<String> heads = Set.copyOf(graph.heads().stream().map(Revision::id).toList());
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (Revision r : revisions) {
            String text = r.id() + (r.labels().isEmpty() ? "" : "<br/>" + String.join(", ", r.labels().stream()
                    .map(l -> "[" + l + "]").toList())) + (heads.contains(r.id()) ? "<br/>(head)" : "");
            String label = "\"" + text.replace("\"", "#quot;") + "\"";
            String shape = r.isMerge() ? "{{" + label + "}}" : heads.contains(r.id()) ? "([" + label + "])" : "[" + label + "]";
            out.append("    ").append(node.get(r.id())).append(shape).append('\n');
        }
        for (Revision r : revisions) {
            for (String p : r.parents()) {
                out.append("    ").append(node.get(p)).append(" --> ").append(node.get(r.id())).append('\n');
            }
            for (String d : r.dependsOn()) {
                out.append("    ").append(node.get(d)).append(" -. depends_on .-> ").append(node.get(r.id())).append('\n');
            }
        }
        if (applied != null) {
            out.append("    classDef applied fill:#c8e6c9,stroke:#2e7d32\n");
            out.append("    classDef pending fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:4 3\n");
            StringBuilder a = new StringBuilder();
            StringBuilder p = new StringBuilder();
            for (Revision r : revisions) {
                (applied.contains(r.id()) ? a : p).append(node.get(r.id())).append(',');
            }
            if (a.length() > 0) {
                out.append("    class ").append(a, 0, a.length() - 1).append(" applied\n");
            }
            if (p.length() > 0) {
                out.append("    class ").append(p, 0, p.length() - 1).append(" pending\n");
            }
        }
        return out.toString();
    }

    private static String dot(RevisionGraph graph, Set<String> applied) {
        List<Revision> revisions = graph.revisions();
        Set<String> heads = Set.copyOf(graph.heads().stream().map(Revision::id).toList());
        StringBuilder out = new StringBuilder("digraph graft {\n");
        out.append("    rankdir=TB;\n");
        out.append("    node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n");
        out.append("    edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (Revision r : revisions) {
            String label = r.id() + (r.labels().isEmpty() ? "" : "\\n" + String.join(", ",
                    r.labels().stream().map(l -> "[" + l + "]").toList()));
            StringBuilder attrs = new StringBuilder("label=\"" + escape(label) + "\"");
            if (r.isMerge()) {
                attrs.append(", shape=hexagon");
            }
            if (heads.contains(r.id())) {
                attrs.append(", peripheries=2");
            }
            if (applied != null) {
                attrs.append(applied.contains(r.id())
                        ? ", style=\"rounded,filled\", fillcolor=\"#c8e6c9\", tooltip=\"applied\""
                        : ", style=\"rounded,dashed\", tooltip=\"pending\"");
            }
            out.append("    \"").append(escape(r.id())).append("\" [").append(attrs).append("];\n");
        }
        for (Revision r : revisions) {
            for (String p : r.parents()) {
                out.append("    \"").append(escape(p)).append("\" -> \"").append(escape(r.id())).append("\";\n");
            }
            for (String d : r.dependsOn()) {
                out.append("    \"").append(escape(d)).append("\" -> \"").append(escape(r.id()))
                        .append("\" [style=dashed, label=\"depends_on\"];\n");
            }
        }
        return out.append("}\n").toString();
    }

    private static String escape(String s) {
        return s.replace("\"", "\\\"");
    }
}
