package io.graft.cli.render;

import io.graft.Branch;
import io.graft.MigrationListener;
import io.graft.RepairAction;
import io.graft.RunResult;
import io.graft.Status;
import io.graft.changelog.Changelog;
import io.graft.changelog.Revision;
import io.graft.cli.settings.Settings;
import java.nio.file.Path;
import java.util.List;

/** Shows the result of each command; one implementation per {@code --format}. */
public interface Renderer {

    /** Progress of {@code up} and {@code down} while they run. */
    MigrationListener progress();

    /** After {@code up}, {@code down} or {@code stamp}; {@code operation} is the command's name. */
    void run(String operation, RunResult result);

    void status(Settings settings, Status status, GraphFacts facts);

    void current(Status status, GraphFacts facts);

    /** {@code applied} is null when the database was not read. */
    void history(List<Revision> revisions, GraphFacts facts, Status applied, boolean verbose);

    void heads(List<Revision> heads, GraphFacts facts, boolean verbose);

    void branches(List<Branch> branches, GraphFacts facts);

    void show(Revision revision, GraphFacts facts);

    void validated(Changelog changelog, GraphFacts facts);

    void checked(Status status);

    void checksumsRepaired(List<String> revisionIds);

    void repaired(String revisionId, RepairAction action);

    void initialized(Path changelog, Path sqlFolder);

    /** After {@code graft import TOOL DIR}. */
    void imported(io.graft.ImportResult result);

    /** After {@code graft adopt --from TOOL} (and {@code stamp --from TOOL}). */
    void adopted(io.graft.AdoptResult result);

    /** Reports an error; the exit code is decided by {@link io.graft.cli.error.ExitCodes}. */
    /** The changes of {@code graft diff} (its SQL format is printed as a script, not here). */
    void diffed(io.graft.SchemaDiffResult result);

    void error(Throwable error, boolean verbose);
}
