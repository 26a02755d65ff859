package io.graft;

import io.graft.changelog.DialectId;
import java.util.List;
import java.util.Map;

/**
 * What {@code graft squash} did (or, for a dry run, would do).
 *
 * @param id the squashed revision's id
 * @param replaced the ids it replaces, in the order they were applied
 * @param up its up file per dialect (relative to the changelog's folder); one entry with a null key
 *     when the changelog declares no dialects
 * @param down its down file, the same way
 * @param notes what the squash does not carry: statements that change data, per file and line
 * @param unusedFiles the replaced revisions' SQL files, which nothing references any more (left in
 *     place: delete them with your version control)
 * @param written false for a dry run
 */
public record SquashResult(String id, List<String> replaced, Map<DialectId, String> up, Map<DialectId, String> down,
        List<String> notes, List<String> unusedFiles, boolean written) {

    public SquashResult {
        replaced = List.copyOf(replaced);
        up = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(up));
        down = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(down));
        notes = List.copyOf(notes);
        unusedFiles = List.copyOf(unusedFiles);
    }
}
