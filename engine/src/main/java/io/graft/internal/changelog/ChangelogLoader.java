package io.graft.internal.changelog;

import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.SourceSpan;
import io.graft.internal.concurrent.Background;
import io.graft.internal.graph.GraphCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a changelog file (DESIGN.md §2) into a {@link Changelog}: YAML, safely, then the JSON
 * Schema, then the rules about ids, files and dialects, then the graph's rules (parents exist,
 * no cycles, unique ids and labels), which are {@code RevisionGraph}'s. Never throws for bad
 * input: every problem is collected, each with its place and, where there is one, the fix. A
 * changelog read before without a problem may come from {@link KeptChangelog} instead of the YAML;
 * its graph and SQL files are checked all the same.
 */
public final class ChangelogLoader {

    private static final Comparator<Problem> BY_PLACE = Comparator
            .comparing((Problem p) -> p.where().file())
            .thenComparingInt(p -> p.where().line())
            .thenComparingInt(p -> p.where().column());

    private ChangelogLoader() {
    }

    /** Starts building the schema validator on a thread of its own, once per process; see {@code Graft.prepare()}. */
    public static void prepare() {
        SchemaCheck.prepare();
    }

    /**
     * The load pipeline, the one way in for every command: the changelog read (YAML, schema, the
     * model), its SQL files checked as {@code checks} asks, and its graph validated once and
     * built. Never throws for bad input: see {@link LoadedChangelog#orThrow()}.
     */
    public static LoadedChangelog loadGraph(Path changelogFile, FileChecks checks) {
        return loadGraph(changelogFile, checks, KnownChecksums.NONE);
    }

    /** As {@link #loadGraph(Path, FileChecks)}, with the checksums computed before that its files' may be. */
    public static LoadedChangelog loadGraph(Path changelogFile, FileChecks checks, KnownChecksums known) {
        return loadGraph(changelogFile, checks, known, KeptChangelog.NONE);
    }

    /**
     * As {@link #loadGraph(Path, FileChecks, KnownChecksums)}, taking the model from {@code kept}
     * when it holds one read from the same bytes, and keeping the model of a read that found no
     * problem. The graph and the SQL files are checked either way.
     */
    public static LoadedChangelog loadGraph(Path changelogFile, FileChecks checks, KnownChecksums known,
            KeptChangelog kept) {
        Read read = read(changelogFile, known, kept);
        GraphCheck graph = read.changelog() == null ? null : GraphCheck.of(read.changelog().revisions());
        return LoadedChangelog.of(read, graph, checks);
    }

    /**
     * What reading found before the file system is asked about the SQL files.
     *
     * @param changelog the model, or {@code null} (see {@link LoadedChangelog#changelog()})
     * @param problems the schema's, then the model's, in the order found
     * @param files the SQL files' checks that ask the file system, not yet run
     * @param sources the SQL files
     */
    record Read(Changelog changelog, List<Problem> problems, SqlFiles files, SqlSources sources) {
    }

    private static Read read(Path changelogFile, KnownChecksums known, KeptChangelog kept) {
        String file = changelogFile.toString();
        Path baseDir = changelogFile.toAbsolutePath().normalize().getParent();
        SqlSources sources = new SqlSources(baseDir, known);
        SqlFiles files = new SqlFiles(baseDir, changelogFile.getParent(), sources);
        List<Problem> problems = new ArrayList<>();
        byte[] bytes = readBytes(changelogFile, problems);
        Changelog before = bytes == null ? null : kept.find(changelogFile, baseDir, bytes).orElse(null);
        if (before != null) {
            files.checkAtFinish(pathProblems -> RevisionReader.checkFiles(before, files, pathProblems));
            return new Read(before, problems, files, sources);
        }
        SchemaCheck.prepare();
        Changelog changelog = Optional.ofNullable(bytes)
                .flatMap(b -> text(changelogFile, b, problems))
                .flatMap(text -> YamlTree.parse(file, text, problems))
                .flatMap(tree -> readChecked(changelogFile, baseDir, tree, files, problems))
                .orElse(null);
        if (changelog != null && problems.isEmpty()) {
            kept.keep(changelog, bytes);
        }
        return new Read(changelog, problems, files, sources);
    }

    /** Problems by file, line and column; a stable sort keeps the order of those at one place. */
    static void sortByPlace(List<Problem> problems) {
        problems.sort(BY_PLACE);
    }

    /**
     * The model, read while another thread checks the tree against the schema: both only read
     * the tree, and on a large changelog each takes a good part of the load. The schema's
     * problems come first, as if it had run first.
     */
    private static Optional<Changelog> readChecked(Path changelogFile, Path baseDir, YamlTree tree, SqlFiles files,
            List<Problem> problems) {
        CompletableFuture<List<Problem>> schema = Background.start("graft-schema-check", () -> SchemaCheck.check(tree));
        List<Problem> read = new ArrayList<>();
        Optional<Changelog> changelog = RevisionReader.read(changelogFile, baseDir, tree, files, read);
        problems.addAll(Background.join(schema));
        problems.addAll(read);
        return changelog;
    }

    /** The file's bytes, when it is a readable file of sensible size; else {@code null}, and a problem. */
    private static byte[] readBytes(Path path, List<Problem> problems) {
        SourceSpan whole = SourceSpan.file(path.toString());
        if (!Files.exists(path)) {
            problems.add(Problem.at(whole, "changelog file not found",
                    "create one with 'graft init', or name the right file"));
            return null;
        }
        if (!Files.isRegularFile(path)) {
            problems.add(Problem.at(whole, "the changelog is not a regular file", "name the changelog.yaml file itself"));
            return null;
        }
        try {
            if (Files.size(path) > YamlTree.MAX_CODE_POINTS) {
                problems.add(Problem.at(whole, "the changelog is larger than " + YamlTree.MAX_CODE_POINTS / 1024 / 1024
                        + " MB", "is this the right file?"));
                return null;
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(Problem.at(whole, "cannot read the changelog: " + e.getMessage()));
            return null;
        }
    }

    /** The bytes' text, when they are UTF-8 without the control characters YAML refuses. */
    private static Optional<String> text(Path path, byte[] bytes, List<Problem> problems) {
        Utf8.Error error;
        try {
            error = Utf8.firstError(bytes);
        } catch (IOException e) { // read from memory: cannot happen
            problems.add(Problem.at(SourceSpan.file(path.toString()), "cannot read the changelog: " + e.getMessage()));
            return Optional.empty();
        }
        if (error != null) {
            problems.add(Problem.at(new SourceSpan(path.toString(), error.line(), error.column()),
                    "the changelog is not UTF-8 text (" + error.describe() + ")",
                    "save it as UTF-8; is it a binary file?"));
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return controlCharacter(path.toString(), text, problems) ? Optional.empty() : Optional.of(text);
    }

    /** YAML allows no control characters but tab and line breaks; finding one means a binary file. */
    private static boolean controlCharacter(String file, String text, List<Problem> problems) {
        if (!hasControlCharacter(text)) {
            return false;
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7F || c >= 0x80 && c <= 0x9F && c != 0x85
                    || c == 0xFFFE || c == 0xFFFF) {
                problems.add(Problem.at(new SourceSpan(file, line, column),
                        String.format("the changelog contains the control character U+%04X, which YAML does not allow", (int) c),
                        "is it a binary file?"));
                return true;
            }
            if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return false;
    }

    /** Whether {@link #controlCharacter} would find one, without counting lines: the common answer is no. */
    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && isControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c == 0x7F || c >= 0x80 && c <= 0x9F && c != 0x85 || c == 0xFFFE || c == 0xFFFF;
    }
}
