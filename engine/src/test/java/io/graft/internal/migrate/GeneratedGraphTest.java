package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Graft;
import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A generated changelog of a few hundred revisions with branches, labels, merges and depends_on,
 * driven through random ups, downs and stamps. After every step the history and the schema must
 * be exactly what the target implies, computed here independently of Graft's planner: each
 * revision creates a table of its own, so the tables present are the applied set.
 */
class GeneratedGraphTest {

    private static final int REVISIONS = 240;

    @TempDir
    Path dir;

    private final Map<String, List<String>> parents = new LinkedHashMap<>();
    private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void everyStepLeavesExactlyWhatTheTargetImplies(DialectId dialect) throws IOException {
        long seed = 20261124L;
        Random random = new Random(seed);
        Path changelog = generate(random);
        List<String> ids = new ArrayList<>(parents.keySet());
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            Set<String> applied = new TreeSet<>();
            for (int step = 0; step < 14; step++) {
                String id = ids.get(random.nextInt(ids.size()));
                switch (step % 4) {
                    case 0, 1 -> {
                        graft.upgrade(id);
                        applied.addAll(ancestors(id));
                    }
                    case 2 -> {
                        if (applied.isEmpty()) {
                            continue;
                        }
                        String target = new ArrayList<>(applied).get(random.nextInt(applied.size()));
                        graft.downgrade(target);
                        // What descends from target's children goes; what only depends on target stays with it.
                        Set<String> gone = new HashSet<>();
                        parents.forEach((child, ps) -> {
                            if (ps.contains(target)) {
                                gone.addAll(descendants(child));
                            }
                        });
                        applied.removeAll(gone);
                    }
                    default -> {
                        graft.upgrade("heads");
                        applied.addAll(ids);
                    }
                }
                assertState(db, applied, "seed " + seed + ", step " + step + " (" + id + ")");
            }
            graft.downgrade("base");
            assertState(db, Set.of(), "down base");

            String stampTo = ids.get(ids.size() / 2);
            graft.stamp(stampTo);
            assertThat(new TreeSet<>(db.appliedIds())).isEqualTo(ancestors(stampTo));
            assertThat(db.userTables()).isEmpty();
            graft.stampPurge();
            graft.upgrade();
            assertState(db, new TreeSet<>(ids), "up heads");
        }
    }

    private static void assertState(TestDatabase db, Set<String> expected, String when) {
        Set<String> tables = db.userTables().stream().map(t -> t.substring(2)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(db.appliedIds())).as("history after " + when).isEqualTo(new TreeSet<>(expected));
        assertThat(tables).as("schema after " + when)
                .isEqualTo(expected.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Ancestors through parents and depends_on, the revision included. */
    private Set<String> ancestors(String id) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(parents.get(next));
                todo.addAll(dependsOn.get(next));
            }
        }
        return seen;
    }

    /** Descendants through parents and depends_on, the revision included. */
    private Set<String> descendants(String id) {
        Set<String> seen = new HashSet<>();
        for (String candidate : parents.keySet()) {
            if (ancestors(candidate).contains(id)) {
                seen.add(candidate);
            }
        }
        return seen;
    }

    /** Branches that fork off, grow, sometimes depend on each other, and sometimes merge. */
    private Path generate(Random random) throws IOException {
        List<String> heads = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("changelog: 1\nrevisions:\n");
        Files.createDirectories(dir.resolve("sql"));
        for (int i = 1; i <= REVISIONS; i++) {
            String id = String.format("r%03d", i);
            List<String> ps = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            String label = null;
            if (heads.isEmpty()) {
                heads.add(id);
            } else {
                int roll = random.nextInt(20);
                if (roll == 0 && heads.size() < 6) {
                    ps.add(heads.get(random.nextInt(heads.size())));
                    label = "branch_" + id;
                    heads.add(id);
                } else if (roll == 1 && heads.size() > 1) {
                    String a = heads.remove(random.nextInt(heads.size()));
                    String b = heads.remove(random.nextInt(heads.size()));
                    ps.add(a);
                    ps.add(b);
                    heads.add(id);
                } else {
                    int h = random.nextInt(heads.size());
                    ps.add(heads.get(h));
                    heads.set(h, id);
                    if (roll == 2) {
                        String dep = new ArrayList<>(parents.keySet()).get(random.nextInt(parents.size()));
                        if (!ps.contains(dep)) {
                            deps.add(dep);
                        }
                    }
                }
            }
            parents.put(id, ps);
            dependsOn.put(id, deps);
            yaml.append("  - id: ").append(id).append('\n')
                    .append("    parents: [").append(String.join(", ", ps)).append("]\n");
            if (label != null) {
                yaml.append("    labels: [").append(label).append("]\n");
            }
            if (!deps.isEmpty()) {
                yaml.append("    depends_on: [").append(String.join(", ", deps)).append("]\n");
            }
            yaml.append("    up: sql/").append(id).append(".up.sql\n")
                    .append("    down: sql/").append(id).append(".down.sql\n");
            Files.writeString(dir.resolve("sql/" + id + ".up.sql"),
                    "CREATE TABLE t_" + id + " (id INTEGER);\nINSERT INTO t_" + id + " (id) VALUES (" + i + ");\n");
            Files.writeString(dir.resolve("sql/" + id + ".down.sql"), "DROP TABLE t_" + id + ";\n");
        }
        Path changelog = dir.resolve("changelog.yaml");
        Files.writeString(changelog, yaml);
        return changelog;
    }

}
