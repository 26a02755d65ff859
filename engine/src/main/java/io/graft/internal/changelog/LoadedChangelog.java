package io.graft.internal.changelog;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.changelog.Changelog;
import io.graft.internal.graph.GraphCheck;
import io.graft.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * A changelog through the whole load pipeline ({@link ChangelogLoader#loadGraph}): the model, its
 * validated graph, every problem sorted by place, and its SQL files. Loaded with
 * {@link FileChecks#NONE}, the checks that ask the file system are still to do:
 * {@link #withFileChecks()} runs them once, when a command turns out to need them, without
 * reading the changelog again.
 */
public final class LoadedChangelog {

    private final ChangelogLoader.Read read;
    private final GraphCheck graph;
    private final List<Problem> problems;
    private final boolean filesChecked;
    /** This load with the file checks done, once {@link #withFileChecks()} has run them. */
    private LoadedChangelog checked;

    private LoadedChangelog(ChangelogLoader.Read read, GraphCheck graph, List<Problem> fileProblems,
            boolean filesChecked) {
        this.read = read;
        this.graph = graph;
        this.filesChecked = filesChecked;
        // The order a user has always seen: the changelog's problems, then its files', then the
        // graph's, sorted by place; a stable sort keeps that order among problems at one place.
        List<Problem> all = new ArrayList<>(read.problems());
        all.addAll(fileProblems);
        if (graph != null) {
            all.addAll(graph.problems());
        }
        ChangelogLoader.sortByPlace(all);
        this.problems = List.copyOf(all);
    }

    static LoadedChangelog of(ChangelogLoader.Read read, GraphCheck graph, FileChecks checks) {
        return checks == FileChecks.FULL
                ? new LoadedChangelog(read, graph, read.files().finish(), true)
                : new LoadedChangelog(read, graph, List.of(), false);
    }

    /**
     * The model; {@code null} only when the file could not be turned into one (unreadable, not
     * YAML, or a shape so wrong that some revision could not be built). It may be present
     * together with problems: ids are then corrected and bad entries left out, so that the graph
     * can still be checked, but it must not be run.
     */
    public Changelog changelog() {
        return read.changelog();
    }

    /**
     * The graph, validated once; {@code null} when there is no model or the graph has problems.
     * Problems of single revisions or files do not keep it from being built (lint checks it anyway).
     */
    public RevisionGraph graph() {
        return graph == null ? null : graph.graph();
    }

    /** Every problem found, sorted by file, line and column; empty when nothing is wrong. */
    public List<Problem> problems() {
        return problems;
    }

    /** The SQL files, each read at most once however many commands of this load use it. */
    public SqlSources sources() {
        return read.sources();
    }

    /** This load with every SQL file checked too: itself when that is done already. */
    public synchronized LoadedChangelog withFileChecks() {
        if (filesChecked) {
            return this;
        }
        if (checked == null) {
            checked = new LoadedChangelog(read, graph, read.files().finish(), true);
        }
        return checked;
    }

    /** True when the changelog was built and nothing is wrong with it or its graph. */
    public boolean isValid() {
        return read.changelog() != null && problems.isEmpty();
    }

    /**
     * Itself when {@link #isValid() valid}.
     *
     * @throws ChangelogException carrying every problem, when it is not
     */
    public LoadedChangelog orThrow() {
        if (!isValid()) {
            throw new ChangelogException(problems);
        }
        return this;
    }
}
