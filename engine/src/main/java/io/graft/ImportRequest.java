package io.graft;

import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code graft import TOOL DIR} is asked to do.
 *
 * @param tool the layout to read: {@code flyway}
 * @param dir the other tool's project folder
 * @param changelog the changelog to write (its folder gets {@code sql/} and the import manifest);
 *     it must not exist yet
 * @param dialect the database the SQL is written for, or null: when given, the changelog declares
 *     it, and a script that cannot run in a transaction there gets {@code transaction: false}
 * @param inPlace name the original SQL files instead of copying them (they must lie inside the
 *     changelog's folder); a file whose text changes on import (placeholders) is copied anyway
 * @param skipUnsupported write the changelog even when some constructs cannot be imported, and
 *     report them as notes; otherwise they fail the import and nothing is written
 */
public record ImportRequest(String tool, Path dir, Path changelog, DialectId dialect, boolean inPlace,
        boolean skipUnsupported) {

    public ImportRequest {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(changelog, "changelog");
    }
}
