package io.graft.internal.importer;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads XML, YAML and JSON changelogs ({@code databaseChangeLog}). Both shapes become one tree of
 * {@link Node}s with line numbers (a StAX reader for XML, SnakeYAML's node API for YAML and JSON),
 * which one interpreter walks: {@code include}, {@code includeAll}, and {@code changeSet}s whose
 * changes are {@code sql} or {@code sqlFile}; every other change type, precondition or
 * {@code modifySql} is a problem at its line.
 */
final class LiquibaseStructured {

    /** An element (XML) or a mapping key (YAML): scalar attributes, text, child nodes, the line it starts on. */
    record Node(String name, Map<String, String> attributes, String text, List<Node> children, int line) {

        String attribute(String key) {
            String v = attributes.get(key);
            return v == null || v.isBlank() ? null : v.trim();
        }

        boolean flag(String key, boolean otherwise) {
            String v = attribute(key);
            return v == null ? otherwise : Boolean.parseBoolean(v);
        }

        /** The child nodes, with YAML's {@code changes:} list flattened into them. */
        List<Node> items() {
            List<Node> out = new ArrayList<>();
            for (Node c : children) {
                if (c.name().equals("changes")) {
                    out.addAll(c.children());
                } else {
                    out.add(c);
                }
            }
            return out;
        }
    }

    private LiquibaseStructured() {
    }

    static void xml(Path file, String text, String filename, LiquibaseProject project) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(text));
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // up to the root element
            }
            if (!r.isStartElement()) {
                project.problem(file, 1, "no databaseChangeLog element", "check the file");
                return;
            }
            walk(element(r), file, filename, project);
        } catch (XMLStreamException e) {
            project.problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                    "cannot parse the XML changelog: " + e.getMessage(), "fix the XML");
        }
    }

    private static Node element(XMLStreamReader r) throws XMLStreamException {
        String name = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<Node> children = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(element(r));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new Node(name, attributes, text.toString(), children, line);
    }

    static void yaml(Path file, String text, String filename, LiquibaseProject project) {
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            project.problem(file, 0, "cannot parse the changelog: " + e.getMessage(), "fix the YAML");
            return;
        }
        if (!(root instanceof MappingNode map)) {
            project.problem(file, 1, "no databaseChangeLog key", "a Liquibase YAML changelog starts with"
                    + " 'databaseChangeLog:'");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("databaseChangeLog")) {
                walk(yamlNode("databaseChangeLog", t.getValueNode()), file, filename, project);
                return;
            }
        }
        project.problem(file, 1, "no databaseChangeLog key", "a Liquibase YAML changelog starts with 'databaseChangeLog:'");
    }

    private static Node yamlNode(String name, org.yaml.snakeyaml.nodes.Node value) {
        int line = value.getStartMark().getLine() + 1;
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Node> children = new ArrayList<>();
        String text = null;
        if (value instanceof ScalarNode s) {
            text = s.getValue();
        } else if (value instanceof SequenceNode seq) {
            for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                children.addAll(items(item));
            }
        } else if (value instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (t.getValueNode() instanceof ScalarNode s) {
                    attributes.put(key, s.getValue());
                } else {
                    Node child = yamlNode(key, t.getValueNode());
                    children.add(new Node(key, child.attributes(), child.text(), child.children(),
                            t.getKeyNode().getStartMark().getLine() + 1));
                }
            }
        }
        return new Node(name, attributes, text, children, line);
    }

    /** A list item: {@code - key: value} becomes a node named key. */
    private static List<Node> items(org.yaml.snakeyaml.nodes.Node item) {
        List<Node> out = new ArrayList<>();
        if (item instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                Node child = yamlNode(key, t.getValueNode());
                out.add(new Node(key, child.attributes(), child.text(), child.children(),
                        t.getKeyNode().getStartMark().getLine() + 1));
            }
        } else {
            out.add(yamlNode("", item));
        }
        return out;
    }

    /** The {@code databaseChangeLog} node: includes followed, changesets added to the project in order. */
    private static void walk(Node log, Path file, String filename, LiquibaseProject project) {
        if (!log.name().equals("databaseChangeLog")) {
            project.problem(file, log.line(), "the root is " + log.name() + ", not databaseChangeLog", "check the file");
            return;
        }
        String logical = log.attribute("logicalFilePath");
        String path = logical == null ? filename : LiquibaseProject.normalize(logical);
        for (Node n : log.items()) {
            switch (n.name()) {
                case "include" -> {
                    String f = n.attribute("file");
                    if (f == null) {
                        project.problem(file, n.line(), "include without 'file'", "name the changelog to include");
                    } else {
                        project.visit(project.resolve(f, n.flag("relativeToChangelogFile", false), file), n.line(), file);
                    }
                }
                case "includeAll" -> {
                    String p = n.attribute("path");
                    if (p == null) {
                        project.problem(file, n.line(), "includeAll without 'path'", "name the folder to include");
                    } else {
                        if (n.attribute("resourceComparator") != null || n.attribute("filter") != null) {
                            project.problem(file, n.line(), "includeAll with a resourceComparator or filter (Java"
                                    + " classes Graft cannot run)", "list the files with 'include' instead");
                        }
                        project.visitAll(project.resolve(p, n.flag("relativeToChangelogFile", false), file), n.line(),
                                file);
                    }
                }
                case "changeSet" -> changeSet(n, file, path, project);
                case "property" -> project.problem(file, n.line(), "'property' is not imported: Graft does not"
                        + " substitute Liquibase parameters", "write the values into the SQL, or import with"
                        + " --skip-unsupported");
                case "preConditions" -> project.problem(file, n.line(), "the changelog has preconditions: Graft runs"
                        + " none", "remove them, or import with --skip-unsupported to drop them");
                default -> {
                    // comments, the XML schema's attributes and other non-change content
                }
            }
        }
    }

    private static void changeSet(Node n, Path file, String filename, LiquibaseProject project) {
        String id = n.attribute("id");
        String author = n.attribute("author");
        if (id == null) {
            project.problem(file, n.line(), "changeSet without an id", "give it one");
            return;
        }
        String logical = n.attribute("logicalFilePath");
        if (logical != null) {
            filename = LiquibaseProject.normalize(logical);
        }
        List<LiquibaseChangeSet.Change> changes = new ArrayList<>();
        List<LiquibaseChangeSet.Change> rollback = null;
        if (n.attribute("rollback") != null) {
            rollback = List.of(new LiquibaseChangeSet.Change(n.attribute("rollback"), null, null));
        }
        String comment = n.attribute("comment");
        Map<String, String> extra = new LinkedHashMap<>();
        List<String> validCheckSums = new ArrayList<>();
        for (Node c : n.items()) {
            switch (c.name()) {
                case "comment" -> comment = c.text() == null ? comment : c.text().strip();
                case "validCheckSum" -> validCheckSums.add(c.text() != null ? c.text().strip()
                        : String.valueOf(c.attribute("value")));
                case "sql", "sqlFile" -> {
                    LiquibaseChangeSet.Change change = change(c, file, id, project);
                    if (change != null) {
                        changes.add(change);
                    }
                }
                case "rollback" -> {
                    List<LiquibaseChangeSet.Change> more = rollback(c, file, id, project);
                    if (rollback != null) {
                        more.addAll(0, rollback);
                    }
                    rollback = more;
                }
                case "preConditions" -> project.problem(file, c.line(), "changeset " + id + " has preconditions:"
                        + " Graft runs none", "remove them (Graft knows what is applied from its history), or import"
                        + " with --skip-unsupported to drop them");
                case "modifySql" -> project.problem(file, c.line(), "changeset " + id + " has modifySql, which"
                        + " rewrites its SQL at run time", "write the SQL as it should run, or import with"
                        + " --skip-unsupported");
                case "tagDatabase" -> project.problem(file, c.line(), "changeset " + id + " tags the database"
                        + " (tagDatabase): Graft has no tags in its history", "remove the changeset (a Graft revision"
                        + " id names that point), or import with --skip-unsupported to leave it out");
                case "", "id", "author" -> {
                    // YAML scalars inside lists
                }
                default -> project.problem(file, c.line(), "changeset " + id + " has a " + c.name() + " change: Graft"
                        + " imports SQL only (sql, sqlFile)", "generate its SQL ('liquibase update-sql') and put it in"
                        + " an sql change, or import with --skip-unsupported to leave the changeset out");
            }
        }
        if (!validCheckSums.isEmpty()) {
            extra.put("validCheckSum", String.join(",", validCheckSums));
        }
        String context = n.attribute("contextFilter") != null ? n.attribute("contextFilter") : n.attribute("context");
        if (context != null) {
            extra.put("context", context);
        }
        if (n.attribute("labels") != null) {
            extra.put("labels", n.attribute("labels"));
        }
        if (n.flag("ignore", false)) {
            extra.put("ignore", "true");
        }
        if (n.attribute("runWith") != null) {
            project.problem(file, n.line(), "changeset " + id + " has runWith=" + n.attribute("runWith")
                    + ": Graft runs SQL through JDBC only", "remove runWith, or import with --skip-unsupported");
        }
        if (changes.isEmpty()) {
            if (n.items().stream().noneMatch(c -> !c.name().equals("comment") && !c.name().equals("rollback"))) {
                changes.add(new LiquibaseChangeSet.Change("", null, null));
            } else {
                // every change was reported; the changeset is left out
                return;
            }
        }
        project.add(new LiquibaseChangeSet(id, author == null ? "" : author, filename, file, n.line(), changes,
                rollback, n.flag("runOnChange", false), n.flag("runAlways", n.flag("alwaysRun", false)),
                n.flag("runInTransaction", true), n.attribute("dbms"), comment, extra));
    }

    private static LiquibaseChangeSet.Change change(Node c, Path file, String id, LiquibaseProject project) {
        String delimiter = c.attribute("endDelimiter");
        if (delimiter != null && !delimiter.equals(";")) {
            project.problem(file, c.line(), "changeset " + id + " has endDelimiter " + delimiter + ": Graft splits"
                    + " statements with its own lexer (dollar quotes, BEGIN ... END bodies, MySQL DELIMITER)",
                    "end its statements with ';' and remove endDelimiter; or import with --skip-unsupported and check"
                            + " the statements");
        }
        if (!c.flag("splitStatements", true)) {
            project.note(file, c.line(), "changeset " + id + " has splitStatements false; Graft splits its SQL with its"
                    + " dialect-aware lexer, which keeps bodies ($$ ... $$, BEGIN ... END) whole");
        }
        if (c.name().equals("sql")) {
            String sql = c.text() != null && !c.text().isBlank() ? c.text() : c.attributes().get("sql");
            if (sql == null) {
                sql = "";
            }
            // an XML <sql> may hold a <comment> element beside its text; Liquibase keeps only the text
            return new LiquibaseChangeSet.Change(sql.strip(), null, c.attribute("dbms"));
        }
        String path = c.attribute("path");
        if (path == null) {
            project.problem(file, c.line(), "sqlFile without a path", "name the file");
            return null;
        }
        Path sqlFile = project.resolve(path, c.flag("relativeToChangelogFile", false), file);
        try {
            String text = Files.readString(sqlFile, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new LiquibaseChangeSet.Change(text, sqlFile, c.attribute("dbms"));
        } catch (java.io.IOException e) {
            project.problem(file, c.line(), "sqlFile " + path + " cannot be read (" + project.display(sqlFile) + ")",
                    "fix the path (relativeToChangelogFile decides what it is relative to)");
            return null;
        }
    }

    private static List<LiquibaseChangeSet.Change> rollback(Node r, Path file, String id, LiquibaseProject project) {
        List<LiquibaseChangeSet.Change> out = new ArrayList<>();
        if (r.text() != null && !r.text().isBlank()) {
            out.add(new LiquibaseChangeSet.Change(r.text().strip(), null, null));
        }
        String inline = r.attribute("sql");
        if (inline != null) {
            out.add(new LiquibaseChangeSet.Change(inline, null, null));
        }
        if (r.attribute("changeSetId") != null) {
            project.problem(file, r.line(), "changeset " + id + " rolls back with changeset " + r.attribute("changeSetId")
                    + "'s changes", "write that rollback's SQL here");
        }
        for (Node c : r.items()) {
            switch (c.name().toLowerCase(Locale.ROOT)) {
                case "sql", "sqlfile" -> {
                    LiquibaseChangeSet.Change change = change(c, file, id, project);
                    if (change != null) {
                        out.add(change);
                    }
                }
                case "" -> {
                    if (c.text() != null && !c.text().isBlank()) {
                        out.add(new LiquibaseChangeSet.Change(c.text().strip(), null, null));
                    }
                }
                case "comment" -> {
                    // not SQL
                }
                default -> project.problem(file, c.line(), "changeset " + id + " rolls back with a " + c.name()
                        + " change: Graft imports SQL only", "write the rollback as SQL");
            }
        }
        return out;
    }
}
