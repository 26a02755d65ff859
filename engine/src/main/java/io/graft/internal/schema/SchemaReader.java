package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads one schema of a live database into the model, with a few catalog queries (not one per
 * table). Tables whose names start with {@code excludedPrefix} (Graft's history tables) are left out.
 */
public interface SchemaReader {

    /** The history tables' default prefix. */
    String GRAFT_PREFIX = "graft_";

    /**
     * Reads {@code schema} (null: the connection's current schema; SQLite {@code main}, MySQL the
     * current database).
     */
    Schema read(Connection connection, String schema) throws SQLException;

    static SchemaReader of(DialectId dialect) {
        return of(dialect, GRAFT_PREFIX);
    }

    static SchemaReader of(DialectId dialect, String excludedPrefix) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresSchemaReader(excludedPrefix);
            case SQLITE -> new SqliteSchemaReader(excludedPrefix);
            case MYSQL -> new MySqlSchemaReader(excludedPrefix);
        };
    }
}
