package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a dbmate project: the files {@code <version>_<name>.sql} of its migrations folder
 * ({@code DIR/db/migrations}, dbmate's default, else {@code DIR} itself), in dbmate's order (by
 * file name), each a revision whose parent is the one before. A file holds {@code -- migrate:up}
 * and {@code -- migrate:down} sections; {@code transaction:false} on the marker line becomes
 * {@code transaction: false}. dbmate 2 allows several up/down pairs in one file: they are joined,
 * in order, when they agree on the transaction mode.
 *
 * <p>What dbmate itself refuses (no up or no down section, statements before the first up, a
 * second down in a pair) and what a Graft revision cannot say (different transaction modes in one
 * file) are problems at their line.
 */
final class DbmateLayout {

    /** dbmate's {@code migrationFileRegexp}: the version is the leading digits. */
    private static final Pattern FILE = Pattern.compile("^(\\d+)(.*)\\.sql$");
    /** dbmate's {@code upRegExp} / {@code downRegExp}, one line at a time. */
    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)(?:\\s+(.*))?$");

    private final List<Problem> problems;
    private final List<Problem> notes;

    private DbmateLayout(List<Problem> problems, List<Problem> notes) {
        this.problems = problems;
        this.notes = notes;
    }

    /** The migrations folder dbmate would read for the project in {@code dir}. */
    static Path migrations(Path dir) {
        Path conventional = dir.resolve("db/migrations");
        return Files.isDirectory(conventional) ? conventional : dir;
    }

    static Imported read(Path dir, List<Problem> problems, List<Problem> notes) {
        return new Imported(new DbmateLayout(problems, notes).revisions(migrations(dir)), null, "schema_migrations");
    }

    private List<ImportedRevision> revisions(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(ImportFiles.display(folder)), "cannot read the folder: "
                    + e.getMessage(), "check its permissions"));
            return List.of();
        }
        List<ImportedRevision> out = new ArrayList<>();
        Map<String, Path> versions = new HashMap<>();
        Set<String> ids = new HashSet<>();
        String parent = null;
        // dbmate sorts by file name, as Java sorts these names (both compare UTF-16/byte order on ASCII)
        for (Path file : files.stream().sorted((a, b) -> a.getFileName().toString()
                .compareTo(b.getFileName().toString())).toList()) {
            String name = file.getFileName().toString();
            if (Files.isDirectory(file)) {
                if (!name.startsWith(".")) {
                    notes.add(Problem.at(SourceSpan.file(ImportFiles.display(file)), "folder not read: dbmate reads"
                            + " only the files directly in its migrations folder", null));
                }
                continue;
            }
            Matcher m = FILE.matcher(name);
            if (!m.matches()) {
                if (name.endsWith(".sql")) {
                    notes.add(Problem.at(SourceSpan.file(ImportFiles.display(file)), "not a dbmate migration name"
                            + " (<version>_<name>.sql, the version in digits), skipped: dbmate skips it too", null));
                }
                continue;
            }
            String version = m.group(1);
            Path other = versions.putIfAbsent(version, file);
            if (other != null) {
                problems.add(Problem.at(SourceSpan.file(ImportFiles.display(file)), "version " + version
                        + " appears twice: " + name + " and " + other.getFileName() + "; dbmate's history records the"
                        + " version only, so it cannot tell them apart", "give one of them another version"));
                continue;
            }
            ImportedRevision r = revision(file, version, m.group(2), parent, ids);
            if (r != null) {
                out.add(r);
                parent = r.id();
            }
        }
        return out;
    }

    /** One up/down pair of a file: its text, its transaction modes and where its markers are. */
    private record Section(int upLine, boolean upTransaction, StringBuilder up, int downLine, boolean downTransaction,
            StringBuilder down) {
    }

    private ImportedRevision revision(Path file, String version, String rest, String parent, Set<String> ids) {
        String text = ImportFiles.read(file, problems);
        if (text == null) {
            return null;
        }
        List<String> lines = ImportFiles.lines(text);
        List<Section> sections = new ArrayList<>();
        Section current = null;
        boolean inDown = false;
        int before = problems.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                boolean transaction = transaction(m.group(2), file, i + 1);
                if (m.group(1).equals("up")) {
                    current = new Section(i + 1, transaction, new StringBuilder(), 0, true, new StringBuilder());
                    sections.add(current);
                    inDown = false;
                } else if (current == null) {
                    problems.add(Problem.at(ImportFiles.at(file, i + 1), "'-- migrate:down' before any"
                            + " '-- migrate:up': dbmate refuses this file too", "put the up section first"));
                    return null;
                } else if (inDown) {
                    problems.add(Problem.at(ImportFiles.at(file, i + 1), "a second '-- migrate:down' for the"
                            + " '-- migrate:up' at line " + current.upLine() + ": dbmate refuses this file too",
                            "start a new pair with '-- migrate:up', or join the two down sections"));
                    return null;
                } else {
                    current = new Section(current.upLine(), current.upTransaction(), current.up(), i + 1, transaction,
                            current.down());
                    sections.set(sections.size() - 1, current);
                    inDown = true;
                }
                continue;
            }
            if (current == null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                    problems.add(Problem.at(ImportFiles.at(file, i + 1), "a statement before '-- migrate:up':"
                            + " dbmate refuses this file too", "move it below the '-- migrate:up' line"));
                    return null;
                }
                continue;
            }
            (inDown ? current.down() : current.up()).append(line).append('\n');
        }
        if (sections.isEmpty()) {
            problems.add(Problem.at(SourceSpan.file(ImportFiles.display(file)), "no '-- migrate:up' line: dbmate"
                    + " refuses this file too", "put '-- migrate:up' above the migration's statements"));
            return null;
        }
        for (Section s : sections) {
            if (s.downLine() == 0) {
                problems.add(Problem.at(ImportFiles.at(file, s.upLine()), "no '-- migrate:down' for this"
                        + " '-- migrate:up': dbmate refuses this file too", "add a '-- migrate:down' section"
                        + " (it may be empty)"));
                return null;
            }
        }
        Section first = sections.get(0);
        boolean transactional = first.upTransaction();
        for (Section s : sections) {
            if (s.upTransaction() != transactional) {
                problems.add(Problem.at(ImportFiles.at(file, s.upLine()), "this up section runs "
                        + mode(s.upTransaction()) + " and the one at line " + first.upLine() + " "
                        + mode(transactional) + ", and a Graft revision has one transaction mode",
                        "split the file into two migrations, one per mode"));
            }
            if (s.downTransaction() != transactional) {
                problems.add(Problem.at(ImportFiles.at(file, s.downLine()), "the down section runs "
                        + mode(s.downTransaction()) + " and the up section " + mode(transactional)
                        + ", and a Graft revision has one transaction mode for both", transactional
                                ? "remove transaction:false from this line, or add it to the up line"
                                : "add transaction:false to this line, or remove it from the up line"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (Section s : sections) {
            up.append(s.up());
            down.append(s.down());
        }
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".sql".length());
        String id = ImportFiles.id(stem, ids);
        String description = rest.replaceFirst("^_", "").replace('_', ' ').strip();
        String copy = stem;
        ImportedRevision.Sql upSql = new ImportedRevision.Sql(file, copy + ".up.sql", up.toString(), true);
        ImportedRevision.Sql downSql = new ImportedRevision.Sql(file, copy + ".down.sql", down.toString(), true);
        ImportedRevision.Identity identity = new ImportedRevision.Identity("migration", version,
                description.isEmpty() ? null : description, name, null, List.of());
        return ImportedRevision.of(id, parent == null ? List.of() : List.of(parent),
                description.isEmpty() ? null : description, upSql, downSql, transactional, false, identity);
    }

    private static String mode(boolean transaction) {
        return transaction ? "in a transaction" : "outside a transaction (transaction:false)";
    }

    /** dbmate's options on a marker line: {@code key:value} words; only {@code transaction} means anything. */
    private boolean transaction(String options, Path file, int line) {
        Map<String, String> values = new LinkedHashMap<>();
        if (options != null) {
            for (String word : options.strip().split("\\s+")) {
                String[] pair = word.split(":", -1);
                if (pair.length == 2) {
                    values.put(pair[0], pair[1]);
                }
            }
        }
        for (String key : values.keySet()) {
            if (!key.equals("transaction")) {
                notes.add(Problem.at(ImportFiles.at(file, line), "option '" + key + "' is not imported: dbmate knows"
                        + " only transaction and ignores it too", null));
            }
        }
        return !"false".equals(values.get("transaction"));
    }
}
