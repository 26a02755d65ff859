package io.graft;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code graft import} wrote.
 *
 * @param changelog the changelog written
 * @param manifest the file {@code graft adopt} reads to map the other tool's history
 * @param revisions how many revisions it holds
 * @param repeatable how many of them are repeatable
 * @param copied how many SQL files were written (the others are referenced where they are)
 * @param notes what was left out or changed on the way, each at its file: skipped files the other
 *     tool ignores too, and, with {@code skipUnsupported}, what could not be imported
 */
public record ImportResult(Path changelog, Path manifest, int revisions, int repeatable, int copied, List<Problem> notes) {

    public ImportResult {
        notes = List.copyOf(notes);
    }
}
