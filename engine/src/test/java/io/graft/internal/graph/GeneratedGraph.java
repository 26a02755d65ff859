package io.graft.internal.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small random revision graph (forks, labels, sub-branches with labels of their own, merges,
 * depends_on, sometimes two roots) and a random command sequence over it, for
 * {@link AlembicDifferentialTest}. Written as an Alembic script folder and as a Graft changelog.
 */
final class GeneratedGraph {

    record Node(String id, List<String> parents, List<String> labels, List<String> dependsOn) {
    }

    record Command(boolean up, String target) {
        @Override
        public String toString() {
            return (up ? "up " : "down ") + target;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();

    private GeneratedGraph() {
    }

    List<Command> commands() {
        return commands;
    }

    static GeneratedGraph generate(Random random) {
        GeneratedGraph g = new GeneratedGraph();
        int size = 3 + random.nextInt(10);
        List<String> heads = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String id = "r" + i;
            List<String> parents = new ArrayList<>();
            boolean labelled = false;
            int roll = random.nextInt(100);
            List<String> ids = new ArrayList<>(g.nodes.keySet());
            if (heads.isEmpty() || (roll < 5 && g.bases() < 2)) {
                labelled = random.nextInt(3) > 0 || heads.isEmpty() && random.nextBoolean();
                heads.add(id);
            } else if (roll < 30) {
                String from = ids.get(random.nextInt(ids.size()));
                parents.add(from);
                labelled = random.nextInt(10) < 6;
                heads.remove(from);
                heads.add(id);
            } else if (roll < 45 && heads.size() >= 2) {
                String a = heads.get(random.nextInt(heads.size()));
                String b = heads.get(random.nextInt(heads.size()));
                if (a.equals(b) || g.requires(a, b) || g.requires(b, a)) {
                    parents.add(a);
                    heads.set(heads.indexOf(a), id);
                } else {
                    parents.add(a);
                    parents.add(b);
                    heads.remove(a);
                    heads.remove(b);
                    heads.add(id);
                }
            } else {
                String from = heads.get(random.nextInt(heads.size()));
                parents.add(from);
                heads.set(heads.indexOf(from), id);
                labelled = random.nextInt(100) < 8;
            }
            List<String> dependsOn = new ArrayList<>();
            if (!ids.isEmpty() && random.nextInt(100) < 18) {
                String dep = ids.get(random.nextInt(ids.size()));
                if (!parents.contains(dep)) {
                    dependsOn.add(dep);
                }
            }
            g.nodes.put(id, new Node(id, parents, labelled ? List.of("l" + i) : List.of(), dependsOn));
        }
        g.commands.add(random.nextInt(3) == 0 ? new Command(true, g.anyUpTarget(random)) : new Command(true, "heads"));
        int count = 8 + random.nextInt(7);
        for (int c = 1; c < count; c++) {
            g.commands.add(random.nextInt(100) < 45 ? new Command(true, g.anyUpTarget(random))
                    : new Command(false, g.anyDownTarget(random)));
        }
        return g;
    }

    private String anyUpTarget(Random random) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return "heads";
        }
        if (roll < 20) {
            return "head";
        }
        if (roll < 40) {
            return anyId(random);
        }
        if (roll < 52 && hasLabels()) {
            return anyLabel(random) + "@head";
        }
        if (roll < 58 && hasLabels()) {
            return anyLabel(random);
        }
        if (roll < 72) {
            return "+" + (1 + random.nextInt(2));
        }
        if (roll < 88 && hasLabels()) {
            return anyLabel(random) + "@+" + (1 + random.nextInt(2));
        }
        return anyId(random) + "+" + (1 + random.nextInt(2));
    }

    private String anyDownTarget(Random random) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return "base";
        }
        if (roll < 35) {
            return anyId(random);
        }
        if (roll < 40 && hasLabels()) {
            return anyLabel(random);
        }
        if (roll < 65) {
            return "-" + (1 + random.nextInt(2));
        }
        if (roll < 85 && hasLabels()) {
            return anyLabel(random) + "@-" + (1 + random.nextInt(2));
        }
        return anyId(random) + "-" + (1 + random.nextInt(2));
    }

    private String anyId(Random random) {
        List<String> ids = new ArrayList<>(nodes.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private boolean hasLabels() {
        return nodes.values().stream().anyMatch(n -> !n.labels().isEmpty());
    }

    private String anyLabel(Random random) {
        List<String> labels = nodes.values().stream().flatMap(n -> n.labels().stream()).toList();
        return labels.get(random.nextInt(labels.size()));
    }

    private int bases() {
        return (int) nodes.values().stream().filter(n -> n.parents().isEmpty()).count();
    }

    /** Whether {@code a} requires {@code b} through parents and depends_on, transitively. */
    private boolean requires(String a, String b) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(a));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (next.equals(b)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(nodes.get(next).parents());
                todo.addAll(nodes.get(next).dependsOn());
            }
        }
        return false;
    }

    /** Alembic revision files: revision, down_revision, branch_labels, depends_on; upgrade and downgrade do nothing. */
    void writeAlembic(Path folder) throws IOException {
        Path versions = Files.createDirectories(folder.resolve("versions"));
        for (Node n : nodes.values()) {
            String down = n.parents().isEmpty() ? "None"
                    : n.parents().size() == 1 ? "'" + n.parents().get(0) + "'" : tuple(n.parents());
            Files.writeString(versions.resolve(n.id() + ".py"), "revision = '" + n.id() + "'\n"
                    + "down_revision = " + down + "\n"
                    + "branch_labels = " + (n.labels().isEmpty() ? "None" : tuple(n.labels())) + "\n"
                    + "depends_on = " + (n.dependsOn().isEmpty() ? "None" : tuple(n.dependsOn())) + "\n\n\n"
                    + "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
        }
    }

    /** The same graph as a Graft changelog; its SQL files are empty (valid no-ops). */
    void writeChangelog(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("sql"));
        StringBuilder yaml = new StringBuilder("changelog: 1\nrevisions:\n");
        for (Node n : nodes.values()) {
            yaml.append("  - id: ").append(n.id()).append('\n')
                    .append("    parents: [").append(String.join(", ", n.parents())).append("]\n");
            if (!n.labels().isEmpty()) {
                yaml.append("    labels: [").append(String.join(", ", n.labels())).append("]\n");
            }
            if (!n.dependsOn().isEmpty()) {
                yaml.append("    depends_on: [").append(String.join(", ", n.dependsOn())).append("]\n");
            }
            yaml.append("    up: sql/").append(n.id()).append(".up.sql\n")
                    .append("    down: sql/").append(n.id()).append(".down.sql\n");
            Files.writeString(folder.resolve("sql/" + n.id() + ".up.sql"), "");
            Files.writeString(folder.resolve("sql/" + n.id() + ".down.sql"), "");
        }
        Files.writeString(folder.resolve("changelog.yaml"), yaml);
    }

    /** One line per revision: {@code r4 <- r2, r3 [l4] depends_on r1}. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Node n : nodes.values()) {
            text.append("  ").append(n.id());
            if (!n.parents().isEmpty()) {
                text.append(" <- ").append(String.join(", ", n.parents()));
            }
            if (!n.labels().isEmpty()) {
                text.append(" ").append(n.labels());
            }
            if (!n.dependsOn().isEmpty()) {
                text.append(" depends_on ").append(String.join(", ", n.dependsOn()));
            }
            text.append('\n');
        }
        text.append("  commands: ").append(commands).append('\n');
        return text.toString();
    }

    private static String tuple(List<String> values) {
        return "(" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + ",)";
    }
}
