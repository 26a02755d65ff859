package io.graft.internal.graph;

import io.graft.Problem;
import io.graft.changelog.Revision;
import java.util.List;

/**
 * Revisions validated once and, when nothing is wrong with them, built into their graph: a
 * caller that wants both the problems and the graph runs the validator once, not once to
 * report and again to build.
 *
 * @param graph the graph, or {@code null} when there are problems
 * @param problems every problem {@link RevisionGraph#validate(List)} finds, in its order
 */
public record GraphCheck(RevisionGraph graph, List<Problem> problems) {

    public GraphCheck {
        problems = List.copyOf(problems);
    }

    public static GraphCheck of(List<Revision> revisions) {
        List<Problem> problems = RevisionGraph.validate(revisions);
        return new GraphCheck(problems.isEmpty() ? RevisionGraph.ofValidated(revisions) : null, problems);
    }
}
