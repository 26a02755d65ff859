package io.graft;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code graft new} or {@code graft merge} wrote.
 *
 * @param id the new revision's id
 * @param parents its parents
 * @param changelog the changelog the entry was appended to
 * @param files the SQL files created
 */
public record CreatedRevision(String id, List<String> parents, Path changelog, List<Path> files) {

    public CreatedRevision {
        parents = List.copyOf(parents);
        files = List.copyOf(files);
    }
}
