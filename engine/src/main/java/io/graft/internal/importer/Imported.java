package io.graft.internal.importer;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link ImportTool} read from a project: the revisions, and where the tool keeps its
 * history (which the manifest records for adoption).
 *
 * @param revisions in changelog order
 * @param historySchema the schema (PostgreSQL) or database (MySQL) of the history table, or null for
 *        the connection's default
 * @param historyTable the tool's history table as this project configures it
 * @param companions other files of the project that the changelog has no key for (Sqitch's verify
 *        scripts), copied beside the SQL files: their name below {@code sql/} and the original
 */
record Imported(List<ImportedRevision> revisions, String historySchema, String historyTable,
        Map<String, Path> companions) {

    Imported {
        revisions = List.copyOf(revisions);
        companions = Collections.unmodifiableMap(new LinkedHashMap<>(companions));
    }

    Imported(List<ImportedRevision> revisions, String historySchema, String historyTable) {
        this(revisions, historySchema, historyTable, Map.of());
    }
}
