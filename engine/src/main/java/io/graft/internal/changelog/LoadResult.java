package io.graft.internal.changelog;

import io.graft.changelog.Changelog;
import io.graft.Problem;
import java.util.List;

/**
 * What loading a changelog found.
 *
 * @param changelog the model; {@code null} only when the file could not be turned into one
 *     (unreadable, not YAML, or a shape so wrong that some revision could not be built). It may
 *     be present together with problems: ids are then corrected and bad entries left out, so that
 *     the graph can still be checked, but it must not be run
 * @param problems every problem found, sorted by file, line and column; empty when valid
 */
public record LoadResult(Changelog changelog, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    /** True when the changelog was built and nothing is wrong with it. */
    public boolean isValid() {
        return changelog != null && problems.isEmpty();
    }
}
