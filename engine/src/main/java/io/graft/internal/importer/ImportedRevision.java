package io.graft.internal.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One revision as a foreign layout describes it, before it is written out: the same shape as a
 * changelog entry, with the SQL as text and where it came from, and the other tool's identity of
 * it (what its history table calls it), which adoption maps back.
 *
 * @param id the revision id
 * @param parents parent ids
 * @param description free text, or null
 * @param up the up SQL
 * @param down the down SQL, or null
 * @param transactional false for {@code transaction: false}
 * @param repeatable true for {@code repeatable: true}
 * @param identity what the other tool's history calls it
 */
record ImportedRevision(String id, List<String> parents, String description, Sql up, Sql down,
        boolean transactional, boolean repeatable, Identity identity) {

    ImportedRevision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(up, "up");
        parents = List.copyOf(parents);
    }

    /**
     * An SQL file to write or to reference.
     *
     * @param original the file it came from
     * @param name where it goes below the output's {@code sql/} folder (its path in its location)
     * @param text the SQL, placeholders replaced
     * @param changed whether {@code text} differs from the original file's (it must then be a copy)
     */
    record Sql(Path original, String name, String text, boolean changed) {
    }

    /**
     * The other tool's name for the revision.
     *
     * @param type for Flyway: {@code V}, {@code R} or {@code B}
     * @param version the version as the tool records it, or null (repeatable)
     * @param description the description as the tool records it
     * @param script the script name as the tool records it
     * @param checksum the tool's checksum of the original file
     * @param covers for a baseline, the versions it stands for (those up to its own)
     */
    record Identity(String type, String version, String description, String script, Integer checksum,
            List<String> covers) {

        Identity {
            covers = List.copyOf(covers);
        }
    }
}
