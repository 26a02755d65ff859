package io.graft.internal.importer;

import java.util.List;

/**
 * What an {@link ImportTool} read from a project: the revisions, and where the tool keeps its
 * history (which the manifest records for adoption).
 *
 * @param revisions in changelog order
 * @param historySchema the schema (PostgreSQL) or database (MySQL) of the history table, or null for
 *        the connection's default
 * @param historyTable the tool's history table as this project configures it
 */
record Imported(List<ImportedRevision> revisions, String historySchema, String historyTable) {

    Imported {
        revisions = List.copyOf(revisions);
    }
}
