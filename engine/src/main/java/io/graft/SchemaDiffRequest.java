package io.graft;

import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code graft diff --from SOURCE --to SOURCE} compares. A source is a database URL (its
 * current schema is read), a changelog ({@code changelog.yaml}, or {@code changelog.yaml@TARGET} for
 * the schema at a revision), or a {@code .sql} file or folder of them holding the desired state.
 * Changelogs and SQL are materialised in a scratch database: a temporary SQLite file, or a
 * temporary database created through {@code devUrl} on a PostgreSQL or MySQL/MariaDB server and
 * dropped afterwards.
 *
 * @param dialect the database the diff is for, or null: then the dialect of a database source, or
 *     of {@code devUrl}, or SQLite
 * @param devUrl a server on which a scratch database may be created, or null
 * @param renames {@code old=new} (a table) and {@code table.old=new} (a column): the only renames
 *     a diff makes
 * @param workingDir where relative paths and SQLite files are resolved
 */
public record SchemaDiffRequest(String from, String to, DialectId dialect, String devUrl, List<String> renames,
        Path workingDir) {

    public SchemaDiffRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        renames = renames == null ? List.of() : List.copyOf(renames);
        workingDir = workingDir == null ? Path.of("") : workingDir;
    }
}
