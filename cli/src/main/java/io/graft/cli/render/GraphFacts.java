package io.graft.cli.render;

import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the renderers need to know about the graph around a revision (its children, whether it
 * is a head or a branch point), computed once from the loaded changelog.
 */
public final class GraphFacts {

    private final Map<String, Revision> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final Set<String> heads = new LinkedHashSet<>();

    public GraphFacts(Changelog changelog, List<Revision> heads) {
        for (Revision r : changelog.revisions()) {
            byId.put(r.id(), r);
            children.putIfAbsent(r.id(), new ArrayList<>());
        }
        for (Revision r : changelog.revisions()) {
            for (String parent : r.parents()) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r.id());
            }
        }
        heads.forEach(h -> this.heads.add(h.id()));
    }

    public Revision revision(String id) {
        return byId.get(id);
    }

    public boolean known(String id) {
        return byId.containsKey(id);
    }

    public List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    public boolean isHead(String id) {
        return heads.contains(id);
    }

    public boolean isBranchPoint(String id) {
        return children(id).size() > 1;
    }

    public Set<String> heads() {
        return heads;
    }

    public List<Revision> branchPoints() {
        return byId.values().stream().filter(r -> isBranchPoint(r.id())).toList();
    }
}
