package io.graft.internal.migrate;

import io.graft.Direction;
import io.graft.changelog.Revision;
import io.graft.internal.sql.SqlStatement;
import java.util.List;

/**
 * The SQL of one revision in one direction, read, checksummed and split.
 *
 * @param revision the revision
 * @param direction up or down
 * @param file the file as shown to the user
 * @param checksum normalised SHA-256 of the file
 * @param statements the statements in file order
 */
public record Script(Revision revision, Direction direction, String file, String checksum, List<SqlStatement> statements) {

    public Script {
        statements = List.copyOf(statements);
    }
}
