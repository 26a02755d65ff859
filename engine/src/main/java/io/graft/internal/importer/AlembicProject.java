package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Alembic project read without Python: {@code alembic.ini} ({@code script_location},
 * {@code version_locations}), the revision scripts in the version folders ({@link AlembicScript})
 * and the graph they form, with a Graft id for each revision, in an order that puts every
 * revision after its parents and its {@code depends_on} (ties: the scripts' {@code Create Date},
 * then file name).
 *
 * <p>A Graft id is the script's file name without {@code .py} ({@code ae1027a6acf_add_users},
 * as Alembic's default {@code file_template} writes it), with characters outside
 * {@code [A-Za-z0-9_.]} replaced by {@code _}: readable, and still found by its revision, as a
 * Graft target may be an id prefix.
 *
 * @param dir the folder holding alembic.ini (Alembic's working folder)
 * @param ini the [alembic] section
 * @param env the script location's env.py
 * @param versionTable the version table (env.py's {@code version_table='...'}, else {@code alembic_version})
 * @param versionSchema env.py's {@code version_table_schema='...'}, or null
 * @param nodes the revisions, in changelog order
 */
record AlembicProject(Path dir, AlembicIni ini, Path env, String versionTable, String versionSchema,
        List<Node> nodes) {

    /** The file Alembic reads its configuration from. */
    static final String INI = "alembic.ini";

    private static final Pattern VERSION_TABLE = Pattern.compile("\\bversion_table\\s*=\\s*[rRuU]?(['\"])([^'\"]+)\\1");
    private static final Pattern VERSION_SCHEMA =
            Pattern.compile("\\bversion_table_schema\\s*=\\s*[rRuU]?(['\"])([^'\"]+)\\1");

    /**
     * One revision with its place in the graph.
     *
     * @param id the Graft id
     * @param parents Graft ids of its {@code down_revision}s
     * @param dependsOn Graft ids of its {@code depends_on}
     * @param labels its {@code branch_labels}, as Graft labels
     */
    record Node(AlembicScript script, String id, List<String> parents, List<String> dependsOn, List<String> labels) {
    }

    /** Reads the project in {@code dir}; null (with problems) when there is no project to read. */
    static AlembicProject read(Path dir, List<Problem> problems, List<Problem> notes) {
        Path iniFile = dir.resolve(INI);
        if (!Files.isRegularFile(iniFile)) {
            problems.add(Problem.at(SourceSpan.file(display(dir)), "no " + INI + " in " + display(dir),
                    "name the folder that holds alembic.ini, where you run 'alembic upgrade'"));
            return null;
        }
        AlembicIni ini;
        try {
            ini = AlembicIni.parse(Files.readString(iniFile, StandardCharsets.UTF_8), display(iniFile), dir.toString());
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(display(iniFile)), "cannot read the file: " + e.getMessage()));
            return null;
        }
        String location = ini.get("script_location");
        if (location == null || location.isBlank()) {
            problems.add(Problem.at(ini.where("script_location"), "no script_location in the [alembic] section",
                    "set script_location to the folder that holds env.py and versions/"));
            return null;
        }
        if (location.contains(":") && !Path.of(location.substring(0, location.indexOf(':'))).isAbsolute()
                && !location.matches("[A-Za-z]:[\\\\/].*")) {
            problems.add(Problem.at(ini.where("script_location"), "script_location '" + location + "' names a Python"
                    + " package resource, which Graft does not look up", "set script_location to the folder itself"));
            return null;
        }
        Path scripts = dir.resolve(location).normalize();
        List<Path> folders = new ArrayList<>();
        String versions = ini.get("version_locations");
        if (versions == null || versions.isBlank()) {
            folders.add(scripts.resolve("versions"));
        } else {
            String separator = ini.get("version_path_separator");
            List<String> parts = separator == null ? List.of(versions.split(",\\s*|\\s+"))
                    : switch (separator) {
                        case "space" -> List.of(versions.split(" "));
                        case "os" -> List.of(versions.split(java.io.File.pathSeparator));
                        case ":", ";" -> List.of(versions.split(Pattern.quote(separator)));
                        default -> {
                            problems.add(Problem.at(ini.where("version_path_separator"), "version_path_separator '"
                                    + separator + "' is none of space, os, ':', ';' (Alembic refuses it too)",
                                    "set it to one of them"));
                            yield List.of();
                        }
                    };
            parts.stream().filter(p -> !p.isBlank()).forEach(p -> folders.add(dir.resolve(p.strip()).normalize()));
        }
        Path env = scripts.resolve("env.py");
        String envText = "";
        if (!Files.isRegularFile(env)) {
            problems.add(Problem.at(SourceSpan.file(display(env)), "no env.py in the script location " + display(scripts),
                    "Alembic runs env.py for every command; check script_location in " + display(iniFile)));
        } else {
            try {
                envText = Files.readString(env, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(Problem.at(SourceSpan.file(display(env)), "cannot read the file: " + e.getMessage()));
            }
        }
        String code = AlembicScript.mask(envText);
        String table = literal(VERSION_TABLE, envText, code, "alembic_version");
        String schema = literal(VERSION_SCHEMA, envText, code, null);

        List<AlembicScript> read = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                if (versions != null) {
                    notes.add(Problem.at(ini.where("version_locations"), "version location " + display(folder)
                            + " does not exist; skipped, as Alembic skips it", null));
                } else {
                    problems.add(Problem.at(SourceSpan.file(display(folder)), "no versions folder in the script"
                            + " location", "check script_location in " + display(iniFile)));
                }
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".py") || name.startsWith("__init__") || name.startsWith(".#")
                            || !Files.isRegularFile(file) || !seen.add(file.toRealPath())) {
                        continue;
                    }
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    AlembicScript script = AlembicScript.parse(file, display(file), text, problems);
                    if (script != null) {
                        read.add(script);
                    }
                }
            } catch (IOException e) {
                problems.add(Problem.at(SourceSpan.file(display(folder)), "cannot read: " + e.getMessage()));
            }
        }
        return new AlembicProject(dir, ini, env, table, schema, graph(read, problems, notes));
    }

    /** The value of the first {@code key='literal'} in env.py's code, or {@code otherwise}. */
    private static String literal(Pattern pattern, String text, String code, String otherwise) {
        Matcher m = pattern.matcher(code);
        if (m.find()) {
            Matcher value = pattern.matcher(text);
            if (value.find(m.start())) {
                return value.group(2);
            }
        }
        return otherwise;
    }

    /** Resolves parents and depends_on to Graft ids and orders the revisions; broken references are problems. */
    static List<Node> graph(List<AlembicScript> scripts, List<Problem> problems, List<Problem> notes) {
        Map<String, AlembicScript> byRevision = new LinkedHashMap<>();
        for (AlembicScript s : scripts) {
            AlembicScript other = byRevision.putIfAbsent(s.revision(), s);
            if (other != null) {
                problems.add(Problem.at(new SourceSpan(s.display(), s.line(), 1), "revision '" + s.revision()
                        + "' is declared twice: here and in " + other.display(),
                        "give one of them a new id ('alembic revision' makes one)"));
            }
        }
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (AlembicScript s : byRevision.values()) {
            String id = idOf(s);
            if (!taken.add(id.toLowerCase(java.util.Locale.ROOT))) {
                id = sanitize(id + "_" + s.revision());
                taken.add(id.toLowerCase(java.util.Locale.ROOT));
            }
            ids.put(s.revision(), id);
        }
        Map<String, AlembicScript> byLabel = new HashMap<>();
        Map<String, List<String>> labels = new HashMap<>();
        for (AlembicScript s : byRevision.values()) {
            List<String> own = new ArrayList<>();
            for (String label : s.branchLabels()) {
                AlembicScript other = byLabel.putIfAbsent(label, s);
                if (other != null) {
                    problems.add(Problem.at(new SourceSpan(s.display(), s.line(), 1), "branch label '" + label
                            + "' is also declared in " + other.display(), "keep it on one revision"));
                    continue;
                }
                String graftLabel = sanitize(label);
                if (!graftLabel.equals(label)) {
                    notes.add(Problem.at(new SourceSpan(s.display(), s.line(), 1), "branch label '" + label
                            + "' becomes label '" + graftLabel + "': Graft labels use " + Revision.ID_ALPHABET, null));
                }
                own.add(graftLabel);
            }
            labels.put(s.revision(), own);
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (AlembicScript s : byRevision.values()) {
            List<String> parents = new ArrayList<>();
            for (String down : s.downRevisions()) {
                if (ids.containsKey(down)) {
                    parents.add(ids.get(down));
                } else {
                    problems.add(Problem.at(new SourceSpan(s.display(), s.line(), 1), "down_revision '" + down
                            + "' is no revision of this project", "restore the script of revision " + down
                            + ", or point down_revision at an existing revision"));
                }
            }
            List<String> depends = new ArrayList<>();
            for (String dep : s.dependsOn()) {
                String target = ids.containsKey(dep) ? ids.get(dep)
                        : byLabel.containsKey(dep) ? ids.get(byLabel.get(dep).revision()) : null;
                if (target == null) {
                    problems.add(Problem.at(new SourceSpan(s.display(), s.line(), 1), "depends_on '" + dep
                            + "' is neither a revision nor a branch label of this project",
                            "name an existing revision id or branch label"));
                } else if (!parents.contains(target) && !depends.contains(target)) {
                    depends.add(target);
                }
            }
            nodes.put(ids.get(s.revision()), new Node(s, ids.get(s.revision()), parents, depends,
                    labels.get(s.revision())));
        }
        return order(nodes, problems);
    }

    /** Kahn's order, ties by Create Date, then file name; a cycle is a problem naming its revisions. */
    private static List<Node> order(Map<String, Node> nodes, List<Problem> problems) {
        Comparator<Node> authoring = Comparator
                .comparing((Node n) -> n.script().created() == null ? "" : n.script().created())
                .thenComparing(n -> n.script().file().getFileName().toString());
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<Node>> children = new HashMap<>();
        for (Node n : nodes.values()) {
            Set<String> before = new HashSet<>(n.parents());
            before.addAll(n.dependsOn());
            before.retainAll(nodes.keySet());
            waiting.put(n.id(), before.size());
            before.forEach(b -> children.computeIfAbsent(b, k -> new ArrayList<>()).add(n));
        }
        java.util.PriorityQueue<Node> ready = new java.util.PriorityQueue<>(authoring);
        nodes.values().stream().filter(n -> waiting.get(n.id()) == 0).forEach(ready::add);
        List<Node> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            out.add(n);
            for (Node c : children.getOrDefault(n.id(), List.of())) {
                if (waiting.merge(c.id(), -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() < nodes.size()) {
            Map<String, Node> left = new TreeMap<>(nodes);
            out.forEach(n -> left.remove(n.id()));
            Node first = left.values().iterator().next();
            problems.add(Problem.at(new SourceSpan(first.script().display(), first.script().line(), 1),
                    "the revisions " + left.values().stream().map(n -> n.script().revision()).toList()
                            + " form a cycle through down_revision / depends_on",
                    "break the cycle: a revision cannot come before itself"));
        }
        return out;
    }

    /** The Graft id of a script: its file name without {@code .py}, sanitised. */
    static String idOf(AlembicScript s) {
        String name = s.file().getFileName().toString();
        String stem = name.substring(0, name.length() - ".py".length());
        String id = sanitize(stem);
        return id.isEmpty() ? sanitize(s.revision()) : id;
    }

    /** {@code text} with every character outside the id alphabet replaced by {@code _}, at most 128 long. */
    static String sanitize(String text) {
        String id = text.replaceAll("[^" + Revision.ID_ALPHABET + "]", "_");
        return id.length() > Revision.ID_MAX_LENGTH ? id.substring(0, Revision.ID_MAX_LENGTH) : id;
    }

    static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
