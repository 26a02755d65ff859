package io.graft.internal.fleet;

import io.graft.fleet.TargetListException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The SQLite files a glob matches ({@code tenants/*.db}), walked from the glob's fixed leading folders. */
public final class SqliteGlob {

    /** A file found, and the target name it gives. */
    public record Match(Path file, String name) {
    }

    private SqliteGlob() {
    }

    /** True when {@code text} has glob characters. */
    public static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The regular files matching {@code glob} relative to {@code folder} (or absolute), sorted by path. */
    public static List<Match> find(Path folder, String glob) {
        String pattern = glob.replace('\\', '/');
        if (pattern.startsWith("sqlite:///")) {
            pattern = pattern.substring("sqlite:///".length());
        } else if (pattern.startsWith("jdbc:sqlite:")) {
            pattern = pattern.substring("jdbc:sqlite:".length());
        }
        String[] parts = pattern.split("/", -1);
        StringBuilder fixed = new StringBuilder(pattern.startsWith("/") ? "/" : "");
        int first = 0;
        while (first < parts.length - 1 && !isGlob(parts[first])) {
            if (!parts[first].isEmpty()) {
                fixed.append(parts[first]).append('/');
            }
            first++;
        }
        Path base = folder.resolve(fixed.toString()).normalize();
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
        if (!Files.isDirectory(base)) {
            throw new TargetListException("no SQLite files match " + glob + ": the folder " + base + " does not exist");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Match> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(Files::isRegularFile).filter(SqliteGlob::notSidecar).sorted().forEach(file -> {
                Path relative = base.relativize(file);
                if (matcher.matches(relative)) {
                    found.add(new Match(file.toAbsolutePath(), nameOf(relative)));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new TargetListException("cannot list " + base + " for " + glob + ": " + e.getMessage());
        }
        return found;
    }

    /** An SQLite database's journal, WAL or shared-memory file, never a database of its own. */
    private static boolean notSidecar(Path file) {
        String name = file.getFileName().toString();
        return !(name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-journal"));
    }

    private static String nameOf(Path relative) {
        String name = relative.toString().replace('\\', '/');
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }
}
