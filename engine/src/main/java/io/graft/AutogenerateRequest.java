package io.graft;

import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code graft new --autogenerate} should write: a revision (as {@code graft new} takes it)
 * whose up file takes the changelog's schema at the new revision's parents to {@code to}, and
 * whose down file takes it back.
 *
 * @param revision message, parents (empty: the single head), labels, depends_on, id scheme; a
 *     {@code transactional} of false writes {@code transaction: false} even where the diff does not need it
 * @param to the desired schema, as {@link SchemaDiffRequest} takes a source: a {@code .sql} file or
 *     folder, a changelog (at a target), or a database URL
 * @param devUrl a server on which scratch databases may be created (needed for PostgreSQL and
 *     MySQL/MariaDB), or null: SQLite then uses a temporary database
 * @param dialect the database to generate for, or null: that of {@code devUrl}, else of a database
 *     {@code to}, else the changelog's one declared dialect, else SQLite
 * @param renames {@code old=new} (a table), {@code table.old=new} (a column): the only renames made
 * @param workingDir where a relative {@code to} is resolved
 */
public record AutogenerateRequest(NewRevision revision, String to, String devUrl, DialectId dialect,
        List<String> renames, Path workingDir) {

    public AutogenerateRequest {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(to, "to");
        renames = renames == null ? List.of() : List.copyOf(renames);
        workingDir = workingDir == null ? Path.of("") : workingDir;
    }
}
