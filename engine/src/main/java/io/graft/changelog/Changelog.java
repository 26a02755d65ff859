package io.graft.changelog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded and validated changelog.
 *
 * @param file the changelog file
 * @param baseDir the folder SQL paths are relative to (the changelog's folder)
 * @param format the format version, {@code 1}
 * @param dialects the dialects every revision must cover; empty when not declared
 * @param revisions the revisions in authoring order
 */
public record Changelog(Path file, Path baseDir, int format, Set<DialectId> dialects, List<Revision> revisions) {

    public Changelog {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(baseDir, "baseDir");
        dialects = Set.copyOf(dialects);
        revisions = List.copyOf(revisions);
    }

    /** Resolves a path written in the changelog against its folder. */
    public Path resolve(String relative) {
        return baseDir.resolve(relative).normalize();
    }
}
