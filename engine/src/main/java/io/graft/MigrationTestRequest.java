package io.graft;

import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code graft test} proves: the revisions of {@code changelog}, on a scratch database.
 *
 * @param changelog the changelog file
 * @param devUrl a PostgreSQL or MySQL/MariaDB server on which Graft may create (and drop) a scratch
 *     database, an SQLite URL, or null: then a temporary SQLite file (for SQLite changelogs)
 * @param from test this revision (a target: id, prefix, label) and its descendants only; the others
 *     are applied untested where the tested ones need them. Null: every revision
 * @param dialect the database to test on when {@code devUrl} is null, or null: SQLite unless the
 *     changelog declares dialects without it (then a dev URL is needed)
 */
public record MigrationTestRequest(Path changelog, String devUrl, String from, DialectId dialect) {

    public MigrationTestRequest {
        Objects.requireNonNull(changelog, "changelog");
    }
}
