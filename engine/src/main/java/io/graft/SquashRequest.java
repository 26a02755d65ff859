package io.graft;

import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code graft squash} replaces: {@code through} and every revision it needs (its ancestors
 * and their {@code depends_on}), by one revision whose up file is the schema at {@code through}.
 *
 * @param changelog the changelog file, rewritten in place
 * @param through the last revision squashed (a target: id, prefix or label); every later revision
 *     must follow it, not one of its ancestors
 * @param id the new revision's id, or null: {@code <through>_squashed}
 * @param devUrls servers on which Graft may create (and drop) a scratch database, one per dialect
 *     the SQL is generated for (SQLite needs none)
 * @param dialect the dialect to generate for when the changelog declares none, or null: the dev
 *     URL's, else SQLite
 * @param dryRun plan and prove, but write nothing
 */
public record SquashRequest(Path changelog, String through, String id, List<String> devUrls, DialectId dialect,
        boolean dryRun) {

    public SquashRequest {
        Objects.requireNonNull(changelog, "changelog");
        Objects.requireNonNull(through, "through");
        devUrls = devUrls == null ? List.of() : List.copyOf(devUrls);
    }
}
