package io.graft.internal.migrate;

import io.graft.Direction;
import io.graft.changelog.Revision;
import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.SqlStatements;
import java.util.List;

/**
 * The SQL of one revision in one direction, read, checksummed and split.
 *
 * @param revision the revision
 * @param direction up or down
 * @param file the file as shown to the user
 * @param checksum normalised SHA-256 of the file
 * @param statements the statements in file order (for a file read by {@link ScriptReader}, an
 *     {@link SqlStatements}: each statement is decoded from the file's bytes when it is asked for)
 */
public record Script(Revision revision, Direction direction, String file, String checksum, List<SqlStatement> statements) {

    public Script {
        // a file's statements are held as its bytes (immutable), each decoded when asked for
        statements = statements instanceof SqlStatements ? statements : List.copyOf(statements);
    }
}
