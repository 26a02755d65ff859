package io.graft.internal.importer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One revision as a foreign layout describes it, before it is written out: the same shape as a
 * changelog entry, with the SQL as text and where it came from, and the other tool's identity of
 * it (what its history table calls it), which adoption maps back.
 *
 * @param id the revision id
 * @param parents parent ids
 * @param dependsOn ids that must be applied first without being parents ({@code depends_on})
 * @param labels branch labels
 * @param description free text, or null
 * @param up the up SQL: one file for every dialect under {@link #ANY}, or one per dialect key
 * @param down the down SQL in the same shape, empty for an irreversible revision
 * @param transactional false for {@code transaction: false}
 * @param repeatable true for {@code repeatable: true}
 * @param identity what the other tool's history calls it
 */
record ImportedRevision(String id, List<String> parents, List<String> dependsOn, List<String> labels,
        String description, Map<String, Sql> up, Map<String, Sql> down, boolean transactional, boolean repeatable,
        Identity identity) {

    /** The key of {@link #up} and {@link #down} for one file that serves every dialect. */
    static final String ANY = "*";

    ImportedRevision {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        dependsOn = List.copyOf(dependsOn);
        labels = List.copyOf(labels);
        if (up.isEmpty()) {
            throw new IllegalArgumentException("revision " + id + " has no up SQL");
        }
        up = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(up));
        down = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(down));
    }

    /** A revision with one up file (and at most one down file) for every dialect. */
    static ImportedRevision of(String id, List<String> parents, String description, Sql up, Sql down,
            boolean transactional, boolean repeatable, Identity identity) {
        return new ImportedRevision(id, parents, List.of(), List.of(), description, Map.of(ANY, up),
                down == null ? Map.of() : Map.of(ANY, down), transactional, repeatable, identity);
    }

    /** This revision with another transaction mode. */
    ImportedRevision withTransactional(boolean value) {
        return new ImportedRevision(id, parents, dependsOn, labels, description, up, down, value, repeatable, identity);
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
     * The other tool's name for the revision, as its history table records it. Each tool says in
     * its own classes which of these fields it uses and how.
     *
     * @param type the tool's kind of migration (Flyway: {@code SQL}, {@code SQL_BASELINE}), or null
     * @param version the version or key as the tool records it, or null (Flyway's repeatables)
     * @param description the description as the tool records it
     * @param script the script (or file) name as the tool records it
     * @param checksum the tool's checksum of the original file, as text, or null where it keeps none
     * @param covers for a baseline, the versions it stands for (those up to its own)
     * @param extra tool-specific keys (Liquibase's author and file name, Sqitch's change id, ...)
     */
    record Identity(String type, String version, String description, String script, String checksum,
            List<String> covers, Map<String, String> extra) {

        Identity {
            covers = List.copyOf(covers);
            extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        }

        Identity(String type, String version, String description, String script, String checksum,
                List<String> covers) {
            this(type, version, description, script, checksum, covers, Map.of());
        }
    }
}
