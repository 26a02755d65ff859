package io.graft.internal.importer;

import io.graft.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads a foreign tool's history table (never writes it) and says which imported revisions that
 * tool has applied. Implementations refuse, with a {@link io.graft.MigrationException} naming the
 * row, a history that is dirty or failed, names a migration the manifest lacks, or carries a
 * checksum that differs from the file the changelog was imported from.
 */
public interface HistoryAdoption {

    /** Reads the history on {@code c} and maps it onto the manifest's revisions. */
    Adopted adopt(Connection c, Dialect dialect) throws SQLException;

    /**
     * What adoption records.
     *
     * @param ids the revisions the other tool has applied, in changelog order
     * @param pending repeatable revisions whose file changed since the other tool applied them
     * @param rows how many history rows were read
     */
    record Adopted(List<String> ids, List<String> pending, int rows) {

        public Adopted {
            ids = List.copyOf(ids);
            pending = List.copyOf(pending);
        }
    }
}
