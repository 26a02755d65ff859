package io.graft.internal.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Liquibase changeset as a changelog (formatted SQL, XML, YAML or JSON) declares it, reduced to
 * what an import carries over: its key in {@code DATABASECHANGELOG}, its SQL and rollback, and the
 * attributes that decide how and where it runs.
 *
 * @param id the changeset id
 * @param author its author
 * @param filename the changelog's path as Liquibase records it in {@code FILENAME}
 * @param file the changelog file it is declared in
 * @param line the line of its declaration
 * @param changes its SQL changes, in order
 * @param rollback its rollback SQL, null for none; an empty list for an empty rollback
 * @param runOnChange {@code runOnChange:true}
 * @param runAlways {@code runAlways:true}
 * @param runInTransaction false for {@code runInTransaction:false}
 * @param dbms the changeset's {@code dbms} filter, or null
 * @param comment its comment, or null
 * @param extra further attributes kept for the manifest (context, labels, validCheckSum)
 */
record LiquibaseChangeSet(String id, String author, String filename, Path file, int line, List<Change> changes,
        List<Change> rollback, boolean runOnChange, boolean runAlways, boolean runInTransaction, String dbms,
        String comment, Map<String, String> extra) {

    LiquibaseChangeSet {
        changes = List.copyOf(changes);
        rollback = rollback == null ? null : List.copyOf(rollback);
        extra = Map.copyOf(extra);
    }

    /** {@code ID::AUTHOR::FILENAME}, how Liquibase names a changeset in its messages. */
    String key() {
        return id + "::" + author + "::" + filename;
    }

    /**
     * One SQL change.
     *
     * @param sql its SQL as Liquibase reads it
     * @param file the file of an {@code sqlFile} change, null for inline SQL
     * @param dbms the change's own {@code dbms} filter, or null
     */
    record Change(String sql, Path file, String dbms) {
    }
}
