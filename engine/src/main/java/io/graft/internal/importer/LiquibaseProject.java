package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Liquibase project: its folder (the search path Liquibase resolves changelog paths against),
 * its master changelog, its {@code liquibase.properties}, and the changesets of the master and of
 * every changelog it includes, in the order Liquibase runs them.
 *
 * <p>The master changelog is {@code changeLogFile} (or {@code changelog-file}) of
 * {@code liquibase.properties} in the folder; else the first of {@code db.changelog-master.yaml},
 * {@code .yml}, {@code .xml}, {@code .json}, {@code .sql}, {@code changelog.xml}, {@code .yaml}, {@code .yml},
 * {@code .sql}, in the folder, in {@code db/changelog/} below it, or in Spring Boot's
 * {@code src/main/resources/db/changelog/} (whose search path is then {@code src/main/resources}).
 * {@code FILENAME} is each changelog's path relative to the search path, as Liquibase records it.
 */
final class LiquibaseProject {

    private static final List<String> MASTERS = List.of("db.changelog-master.yaml", "db.changelog-master.yml",
            "db.changelog-master.xml", "db.changelog-master.json", "db.changelog-master.sql", "changelog.xml",
            "changelog.yaml", "changelog.yml", "changelog.sql");

    private final Path dir;
    private final List<Problem> problems;
    private final List<Problem> notes;
    private final Properties properties = new Properties();
    private Path root;
    private final Set<Path> read = new HashSet<>();
    private final List<LiquibaseChangeSet> changeSets = new ArrayList<>();

    LiquibaseProject(Path dir, List<Problem> problems, List<Problem> notes) {
        this.dir = dir;
        this.root = dir;
        this.problems = problems;
        this.notes = notes;
    }

    /** A setting of liquibase.properties under any of its spellings ({@code changeLogFile}, {@code changelog-file}, {@code liquibase.command.changelogFile}). */
    String property(String name) {
        String wanted = key(name);
        for (String k : properties.stringPropertyNames()) {
            if (key(k).equals(wanted)) {
                String v = properties.getProperty(k).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (String prefix : List.of("liquibase.command.", "liquibase.")) {
            if (k.startsWith(prefix)) {
                k = k.substring(prefix.length());
            }
        }
        return k.replace(".", "");
    }

    /** The changesets in the order Liquibase runs them; problems and notes go to the lists given. */
    List<LiquibaseChangeSet> read() {
        Path file = dir.resolve("liquibase.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                problem(file, 0, "cannot read liquibase.properties: " + e.getMessage(), "check the file");
            }
        }
        Path master = master();
        if (master == null) {
            return List.of();
        }
        visit(master, 0, null);
        return changeSets;
    }

    private Path master() {
        String configured = property("changeLogFile");
        if (configured != null) {
            Path master = dir.resolve(configured.replaceFirst("^classpath:", "")).normalize();
            if (!Files.isRegularFile(master)) {
                problem(dir.resolve("liquibase.properties"), 0, "changeLogFile " + configured + " does not exist in "
                        + display(dir), "name the changelog's path relative to the project folder");
                return null;
            }
            return master;
        }
        for (String folder : List.of("", "db/changelog/", "src/main/resources/db/changelog/")) {
            for (String name : MASTERS) {
                Path master = dir.resolve(folder + name);
                if (Files.isRegularFile(master)) {
                    if (folder.startsWith("src/")) {
                        root = dir.resolve("src/main/resources");
                    }
                    return master;
                }
            }
        }
        return null;
    }

    /** The changelog table as liquibase.properties names it. */
    String historyTable() {
        String table = property("databaseChangeLogTableName");
        return table == null ? "DATABASECHANGELOG" : table;
    }

    /** The lock table as liquibase.properties names it, or null for Liquibase's default. */
    String lockTable() {
        return property("databaseChangeLogLockTableName");
    }

    /** The schema of the changelog table, or null for the connection's default. */
    String historySchema() {
        String schema = property("liquibaseSchemaName");
        return schema == null ? property("defaultSchemaName") : schema;
    }

    /** Reads one changelog and what it includes; {@code from}/{@code line} name the include, if any. */
    void visit(Path file, int line, Path from) {
        file = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            problem(from == null ? file : from, line, "included changelog " + display(file) + " does not exist",
                    "fix the path (relativeToChangelogFile decides what it is relative to)");
            return;
        }
        if (!read.add(file)) {
            note(from, line, display(file) + " is included more than once; Liquibase reads it once, and so does the"
                    + " import");
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem(file, 0, "cannot read " + display(file) + " as UTF-8: " + e.getMessage(), "save it as UTF-8");
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String filename = filename(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            changeSets.addAll(LiquibaseFormattedSql.read(file, text, filename, this));
        } else if (name.endsWith(".xml")) {
            LiquibaseStructured.xml(file, text, filename, this);
        } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            LiquibaseStructured.yaml(file, text, filename, this);
        } else {
            problem(from == null ? file : from, line, "changelog " + display(file) + " is of a kind Graft cannot read",
                    "use a formatted SQL, XML, YAML or JSON changelog");
        }
    }

    /** The changelogs of {@code folder} that {@code includeAll} reads, in Liquibase's order (by path, recursively). */
    void visitAll(Path folder, int line, Path from) {
        if (!Files.isDirectory(folder)) {
            problem(from, line, "includeAll path " + display(folder) + " is not a folder", "fix the path");
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".sql") || n.endsWith(".xml") || n.endsWith(".yaml") || n.endsWith(".yml")
                        || n.endsWith(".json");
            }).sorted((a, b) -> filename(a).compareTo(filename(b))).toList();
        } catch (IOException e) {
            problem(from, line, "cannot list " + display(folder) + ": " + e.getMessage(), "check the folder");
            return;
        }
        for (Path f : files) {
            visit(f, line, from);
        }
    }

    void add(LiquibaseChangeSet changeSet) {
        changeSets.add(changeSet);
    }

    /** The path Liquibase records for {@code file}: relative to the search path. */
    String filename(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString().replace('\\', '/');
    }

    /** Resolves {@code path} of an include or sqlFile as Liquibase does. */
    Path resolve(String path, boolean relativeToChangelogFile, Path changelog) {
        String p = path.replaceFirst("^classpath:", "");
        if (relativeToChangelogFile) {
            return changelog.toAbsolutePath().getParent().resolve(p).normalize();
        }
        return root.resolve(p.replaceFirst("^/+", "")).normalize();
    }

    /** Liquibase's {@code DatabaseChangeLog.normalizePath} for paths written in a changelog. */
    static String normalize(String path) {
        String p = path.replaceFirst("^classpath:", "").replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    void problem(Path file, int line, String message, String hint) {
        problems.add(Problem.at(span(file, line), message, hint));
    }

    void note(Path file, int line, String message) {
        notes.add(Problem.at(span(file, line), message, null));
    }

    private SourceSpan span(Path file, int line) {
        String name = file == null ? display(dir) : display(file);
        return line > 0 ? new SourceSpan(name, line, 1) : SourceSpan.file(name);
    }

    String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
