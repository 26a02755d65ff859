package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Flyway project: its configuration ({@link FlywayConfig}), the SQL migrations in its
 * locations (scanned recursively, as Flyway does), and turns them into revisions:
 * <ul>
 *   <li>{@code V<version>__<desc>.sql}: one revision each, in a line ordered as Flyway orders
 *       versions; id {@code V<version>__<desc>};</li>
 *   <li>{@code U<version>__<desc>.sql}: the down file of the revision of that version;</li>
 *   <li>{@code R__<desc>.sql}: a repeatable revision, id {@code R__<desc>}, in Flyway's order
 *       (by description);</li>
 *   <li>{@code B<version>__<desc>.sql}: the newest baseline migration becomes the first revision
 *       and stands for the versions up to its own, whose files are then not imported (a new
 *       database gets the baseline, as with Flyway).</li>
 * </ul>
 * Placeholders ({@code ${name}}) are replaced from the configuration; {@code executeInTransaction}
 * (in a {@code .sql.conf} file or a {@code -- flyway:} comment) becomes {@code transaction}.
 * Whatever cannot be carried over faithfully is a problem at its file and line; files that
 * Flyway ignores too are notes.
 */
final class FlywayLayout {

    /** Flyway's callback events: scripts named after them run around commands, which Graft has no notion of. */
    private static final Pattern CALLBACK = Pattern.compile("(?i)(before|after)(Each)?(Migrate|Clean|Validate|Info|"
            + "Baseline|Repair|Undo|Connect|Statement)(Error|Applied|Operation(Finish|Error)?)?([_.].*)?\\.sql");
    private static final Pattern INLINE_CONFIG = Pattern.compile("^\\s*--\\s*flyway:(\\w+)\\s*=\\s*(\\S*)\\s*$");
    private static final Set<String> RUNTIME_PLACEHOLDERS = Set.of("flyway:defaultschema", "flyway:user",
            "flyway:database", "flyway:timestamp", "flyway:workingdirectory", "flyway:table", "flyway:environment");

    private final Path dir;
    private final FlywayConfig config;
    private final List<Problem> problems;
    private final List<Problem> notes;
    private final String prefixV;
    private final String prefixU;
    private final String prefixR;
    private final String prefixB;
    private final String separator;
    private final List<String> suffixes;
    private final boolean replace;
    private final String placeholderPrefix;
    private final String placeholderSuffix;
    private final Map<String, String> placeholders;

    private FlywayLayout(Path dir, FlywayConfig config, List<Problem> problems, List<Problem> notes) {
        this.dir = dir;
        this.config = config;
        this.problems = problems;
        this.notes = notes;
        prefixV = config.get("sqlMigrationPrefix", "V");
        prefixU = config.get("undoSqlMigrationPrefix", "U");
        prefixR = config.get("repeatableSqlMigrationPrefix", "R");
        prefixB = config.get("baselineMigrationPrefix", "B");
        separator = config.get("sqlMigrationSeparator", "__");
        List<String> configured = config.list("sqlMigrationSuffixes");
        suffixes = configured.isEmpty() ? List.of(".sql") : configured;
        replace = !"false".equalsIgnoreCase(config.get("placeholderReplacement", "true"));
        placeholderPrefix = config.get("placeholderPrefix", "${");
        placeholderSuffix = config.get("placeholderSuffix", "}");
        placeholders = config.placeholders();
    }

    /** The revisions of the project in {@code dir}; what cannot be imported goes to {@code problems}, the rest of what is left out to {@code notes}. */
    static Imported read(Path dir, List<Problem> problems, List<Problem> notes) {
        FlywayConfig config = FlywayConfig.read(dir);
        FlywayLayout layout = new FlywayLayout(dir, config, problems, notes);
        List<String> schemas = config.list("schemas");
        return new Imported(layout.revisions(), config.get("defaultSchema", schemas.isEmpty() ? null : schemas.get(0)),
                config.get("table", "flyway_schema_history"));
    }

    /** One migration file, parsed from its name. */
    private record Script(char kind, FlywayVersion version, String description, Path file, String name) {
    }

    private List<ImportedRevision> revisions() {
        List<Script> versioned = new ArrayList<>();
        Map<FlywayVersion, Script> undo = new LinkedHashMap<>();
        List<Script> repeatable = new ArrayList<>();
        List<Script> baselines = new ArrayList<>();
        for (Location location : locations()) {
            for (Path file : files(location.path())) {
                Script script = parse(location.path(), file);
                if (script == null) {
                    continue;
                }
                switch (script.kind()) {
                    case 'V' -> versioned.add(script);
                    case 'U' -> {
                        Script other = undo.putIfAbsent(script.version(), script);
                        if (other != null) {
                            duplicate(script, other);
                        }
                    }
                    case 'R' -> repeatable.add(script);
                    default -> baselines.add(script);
                }
            }
        }
        versioned.sort(Comparator.comparing(Script::version));
        for (int i = 1; i < versioned.size(); i++) {
            if (versioned.get(i).version().sameAs(versioned.get(i - 1).version())) {
                duplicate(versioned.get(i), versioned.get(i - 1));
            }
        }
        repeatable.sort(Comparator.comparing(Script::description));
        baselines.sort(Comparator.comparing(Script::version));

        List<ImportedRevision> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String parent = null;
        Script baseline = baselines.isEmpty() ? null : baselines.get(baselines.size() - 1);
        for (Script older : baselines.subList(0, Math.max(0, baselines.size() - 1))) {
            notes.add(Problem.at(SourceSpan.file(display(older.file())), "baseline migration " + older.name()
                    + " is not imported: Flyway starts a new database from the newest baseline, "
                    + baseline.name(), null));
        }
        if (baseline != null) {
            List<String> covered = new ArrayList<>();
            for (Script v : versioned) {
                if (v.version().compareTo(baseline.version()) <= 0) {
                    covered.add(v.version().text());
                    notes.add(Problem.at(SourceSpan.file(display(v.file())), v.name() + " is not imported: baseline "
                            + baseline.name() + " stands for it (adopt maps its history row to the baseline)", null));
                }
            }
            ImportedRevision b = revision(baseline, undo.remove(baseline.version()), List.of(), ids, covered);
            if (b != null) {
                out.add(b);
                parent = b.id();
            }
        }
        for (Script v : versioned) {
            if (baseline != null && v.version().compareTo(baseline.version()) <= 0) {
                undo.remove(v.version());
                continue;
            }
            ImportedRevision r = revision(v, undo.remove(v.version()), parent == null ? List.of() : List.of(parent),
                    ids, List.of());
            if (r != null) {
                out.add(r);
                parent = r.id();
            }
        }
        for (Script u : undo.values()) {
            problems.add(Problem.at(SourceSpan.file(display(u.file())), "undo migration " + u.name()
                    + " has no versioned migration " + prefixV + u.version() + separator + "*.sql to undo",
                    "add the versioned migration, or delete the undo file"));
        }
        for (Script r : repeatable) {
            ImportedRevision rev = revision(r, null, List.of(), ids, List.of());
            if (rev != null) {
                out.add(rev);
            }
        }
        return out;
    }

    private void duplicate(Script script, Script other) {
        problems.add(Problem.at(SourceSpan.file(display(script.file())), "version " + script.version()
                + " appears twice: " + script.name() + " and " + display(other.file()),
                "Flyway refuses this too: give one of them another version"));
    }

    private ImportedRevision revision(Script script, Script undo, List<String> parents, Set<String> ids,
            List<String> covers) {
        String text = read(script.file());
        if (text == null) {
            return null;
        }
        boolean transactional = transactional(script, text);
        ImportedRevision.Sql up = sql(script, text);
        ImportedRevision.Sql down = null;
        if (undo != null) {
            String undoText = read(undo.file());
            if (undoText != null) {
                down = sql(undo, undoText);
                if (transactional(undo, undoText) != transactional) {
                    problems.add(Problem.at(SourceSpan.file(display(undo.file())), "undo migration " + undo.name()
                            + " and " + script.name() + " differ in executeInTransaction, and a Graft revision has one"
                            + " transaction mode for both", "give both the same executeInTransaction"));
                }
            }
        }
        String type = String.valueOf(script.kind());
        String id = id(script, ids);
        String recordedType = script.kind() == 'B' ? "SQL_BASELINE" : "SQL";
        ImportedRevision.Identity identity = new ImportedRevision.Identity(recordedType,
                script.kind() == 'R' ? null : script.version().text(), script.description(),
                script.name(), String.valueOf(FlywayChecksum.of(text)), covers);
        return ImportedRevision.of(id, parents, script.description().isEmpty() ? null : script.description(), up,
                down, transactional, script.kind() == 'R', identity);
    }

    /** {@code V1.1__add_users}, {@code R__views}, {@code B5__baseline}: Flyway's name, in the id alphabet, unique. */
    private String id(Script script, Set<String> ids) {
        String stem = script.name().substring(0, script.name().length() - suffixOf(script.name()).length());
        String raw = script.kind() == 'R' ? "R__" + stem.substring(prefixR.length() + separator.length())
                : script.kind() + script.version().text() + "__"
                        + stem.substring(stem.indexOf(separator) + separator.length());
        String id = raw.replaceAll("[^" + Revision.ID_ALPHABET + "]", "_");
        if (id.length() > Revision.ID_MAX_LENGTH) {
            id = id.substring(0, Revision.ID_MAX_LENGTH);
        }
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            String suffix = "_" + n;
            unique = id.substring(0, Math.min(id.length(), Revision.ID_MAX_LENGTH - suffix.length())) + suffix;
        }
        return unique;
    }

    // ---- names ------------------------------------------------------------------------------------

    private Script parse(Path location, Path file) {
        String name = file.getFileName().toString();
        String relative = location.relativize(file).toString().replace('\\', '/');
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".conf") || lower.endsWith(".md") || lower.endsWith(".txt") || name.startsWith(".")) {
            return null; // script configuration files are read beside their script; docs are no migrations
        }
        String suffix = suffixOf(name);
        if (suffix == null) {
            if ((lower.endsWith(".java") || lower.endsWith(".class") || lower.endsWith(".kt"))
                    && (name.startsWith(prefixV) || name.startsWith(prefixR) || name.startsWith(prefixU))) {
                problems.add(Problem.at(SourceSpan.file(display(file)), "Java migration " + name
                        + " cannot be imported: Graft runs SQL files only",
                        "rewrite it as an SQL migration of the same version (or, with --skip-unsupported,"
                                + " apply its effect by hand)"));
            } else {
                notes.add(Problem.at(SourceSpan.file(display(file)), "not an SQL migration, skipped (Flyway skips it too)",
                        null));
            }
            return null;
        }
        if (CALLBACK.matcher(name).matches()) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "Flyway callback " + name
                    + " cannot be imported: Graft has no callbacks",
                    "put its SQL into a revision (a repeatable one if it must run on every change), or drop it"));
            return null;
        }
        String stem = name.substring(0, name.length() - suffix.length());
        int sep = stem.indexOf(separator);
        if (stem.startsWith(prefixR) && sep == prefixR.length()) {
            return new Script('R', null, description(stem.substring(sep + separator.length())), file, relative);
        }
        for (String prefix : List.of(prefixV, prefixU, prefixB)) {
            if (stem.startsWith(prefix) && sep > prefix.length()) {
                String version = stem.substring(prefix.length(), sep);
                if (!FlywayVersion.valid(version)) {
                    problems.add(Problem.at(SourceSpan.file(display(file)), "invalid version '" + version + "' in "
                            + name, "Flyway versions are digits separated by '.' or '_' (V1_2__x.sql); rename the file"));
                    return null;
                }
                char kind = prefix.equals(prefixV) ? 'V' : prefix.equals(prefixU) ? 'U' : 'B';
                return new Script(kind, FlywayVersion.parse(version), description(stem.substring(sep + separator.length())),
                        file, relative);
            }
        }
        notes.add(Problem.at(SourceSpan.file(display(file)), "not a Flyway migration name (" + prefixV + "<version>"
                + separator + "<description>" + suffix + "), skipped: Flyway ignores it too", null));
        return null;
    }

    private String suffixOf(String name) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return suffix;
            }
        }
        return null;
    }

    private static String description(String raw) {
        return raw.replace('_', ' ');
    }

    // ---- locations and files -------------------------------------------------------------------

    private record Location(String written, Path path) {
    }

    private List<Location> locations() {
        List<String> written = config.list("locations");
        List<Location> out = new ArrayList<>();
        if (written.isEmpty()) {
            for (String candidate : List.of("sql", "src/main/resources/db/migration", "db/migration")) {
                if (Files.isDirectory(dir.resolve(candidate))) {
                    out.add(new Location(candidate, dir.resolve(candidate)));
                    return out;
                }
            }
            out.add(new Location(".", dir));
            return out;
        }
        for (String location : written) {
            String path = location;
            List<Path> candidates = new ArrayList<>();
            if (location.startsWith("filesystem:")) {
                path = location.substring("filesystem:".length());
                candidates.add(dir.resolve(path));
            } else if (location.startsWith("classpath:")) {
                path = location.substring("classpath:".length()).replaceFirst("^/", "");
                candidates.add(dir.resolve("src/main/resources").resolve(path));
                candidates.add(dir.resolve(path));
            } else if (location.contains(":")) {
                problems.add(Problem.at(SourceSpan.file(config.where()), "location '" + location
                        + "' cannot be read: only filesystem: and classpath: locations can be imported",
                        "copy its migrations into a folder and import that"));
                continue;
            } else {
                candidates.add(dir.resolve(path));
                candidates.add(dir.resolve("src/main/resources").resolve(path));
            }
            Path found = candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
            if (found == null) {
                problems.add(Problem.at(SourceSpan.file(config.where()), "location '" + location + "' is not a folder"
                        + " (looked for " + candidates.stream().map(this::display).toList() + ")",
                        "run the import from the project's folder, or fix flyway.locations"));
            } else {
                out.add(new Location(location, found));
            }
        }
        return out;
    }

    private List<Path> files(Path location) {
        try (Stream<Path> walk = Files.walk(location)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.at(SourceSpan.file(display(location)), "cannot read the folder: " + e.getMessage(),
                    "check its permissions"));
            return List.of();
        }
    }

    // ---- contents ------------------------------------------------------------------------------

    /** The file as UTF-8 text, or null (with a problem) when it is not UTF-8. */
    private String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "the file is not UTF-8, and Graft reads SQL as UTF-8",
                    "convert it (iconv -f LATIN1 -t UTF-8), then import again"));
            return null;
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "cannot read the file: " + e.getMessage()));
            return null;
        }
    }

    /** {@code executeInTransaction} from the script's {@code .sql.conf} file or its {@code -- flyway:} comments. */
    private boolean transactional(Script script, String text) {
        Map<String, SourceSpan> settings = new TreeMap<>();
        Map<String, String> values = new TreeMap<>();
        Path conf = script.file().resolveSibling(script.file().getFileName() + ".conf");
        if (Files.isRegularFile(conf)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(Problem.at(SourceSpan.file(display(conf)), "cannot read the script configuration: "
                        + e.getMessage()));
            }
            for (String key : p.stringPropertyNames()) {
                settings.put(key.trim(), SourceSpan.file(display(conf)));
                values.put(key.trim(), p.getProperty(key).trim());
            }
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INLINE_CONFIG.matcher(lines[i].replace("\r", ""));
            if (m.matches()) {
                settings.put(m.group(1), new SourceSpan(display(script.file()), i + 1, 1));
                values.put(m.group(1), m.group(2));
            }
        }
        boolean transactional = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            SourceSpan where = settings.get(e.getKey());
            switch (e.getKey()) {
                case "executeInTransaction" -> transactional = !"false".equalsIgnoreCase(e.getValue());
                case "encoding" -> {
                    if (!e.getValue().replace("-", "").equalsIgnoreCase("UTF8")) {
                        problems.add(Problem.at(where, "encoding " + e.getValue() + " cannot be imported: Graft reads"
                                + " SQL as UTF-8", "convert the file to UTF-8 and remove the setting"));
                    }
                }
                default -> problems.add(Problem.at(where, "script setting '" + e.getKey() + "' cannot be imported:"
                        + " Graft knows only executeInTransaction (as 'transaction: false')",
                        "remove the setting, or handle what it does by hand"));
            }
        }
        return transactional;
    }

    /** The SQL to write: placeholders replaced; a placeholder without a value is a problem at its place. */
    private ImportedRevision.Sql sql(Script script, String text) {
        if (!replace || !text.contains(placeholderPrefix)) {
            return new ImportedRevision.Sql(script.file(), script.name(), text, false);
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (true) {
            int start = text.indexOf(placeholderPrefix, at);
            int end = start < 0 ? -1 : text.indexOf(placeholderSuffix, start + placeholderPrefix.length());
            if (start < 0 || end < 0) {
                out.append(text, at, text.length());
                break;
            }
            String name = text.substring(start + placeholderPrefix.length(), end);
            out.append(text, at, start);
            String value = value(name, script);
            if (value == null) {
                SourceSpan where = position(script.file(), text, start);
                if (RUNTIME_PLACEHOLDERS.contains(name.toLowerCase(Locale.ROOT))) {
                    problems.add(Problem.at(where, "placeholder " + placeholderPrefix + name + placeholderSuffix
                            + " is filled in by Flyway when it runs, so the import cannot know its value",
                            "write the value into the file, or define it in " + config.where() + " as flyway.placeholders."
                                    + name.replace("flyway:", "") + " and use " + placeholderPrefix
                                    + name.replace("flyway:", "") + placeholderSuffix));
                } else {
                    problems.add(Problem.at(where, "placeholder " + placeholderPrefix + name + placeholderSuffix
                            + " has no value in " + config.where(),
                            "define flyway.placeholders." + name + " there (Flyway would refuse this too), or pass"
                                    + " the value by hand into the file"));
                }
                out.append(text, start, end + placeholderSuffix.length());
            } else {
                out.append(value);
            }
            at = end + placeholderSuffix.length();
        }
        String replaced = out.toString();
        return new ImportedRevision.Sql(script.file(), script.name(), replaced, !replaced.equals(text));
    }

    private String value(String name, Script script) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("flyway:filename")) {
            return script.file().getFileName().toString();
        }
        return placeholders.get(key);
    }

    private SourceSpan position(Path file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceSpan(display(file), line, column);
    }

    private String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
