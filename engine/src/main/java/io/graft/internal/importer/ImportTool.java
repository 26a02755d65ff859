package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;

/**
 * One foreign tool that Graft can take a project and a database over from: how its project is
 * read ({@code graft import TOOL DIR}) and how its history table is read
 * ({@code graft adopt --from TOOL}). {@link Importer#TOOLS} lists them; each lives in its own
 * classes ({@code FlywayTool}, ...), and the writer, the manifest and the bookkeeping are shared.
 */
interface ImportTool {

    /** The name users type: {@code graft import NAME}. */
    String name();

    /** The tool's name as its users spell it in prose ({@code Flyway}, {@code golang-migrate}). */
    String title();

    /**
     * The revisions of the project in {@code dir}, in the order the changelog lists them. What
     * cannot be imported faithfully goes to {@code problems} ({@code file:line: what, and what to
     * do}); what is left out on purpose, as the tool itself would leave it, goes to {@code notes}.
     */
    Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes);

    /** The reader of this tool's history that maps it onto the revisions {@code manifest} lists. */
    HistoryAdoption adoption(ImportManifest manifest);

    /**
     * Whether the tool runs a script outside a transaction by itself when one of its statements
     * cannot run inside one (Flyway does); the import then marks such revisions
     * {@code transaction: false} when the dialect is known.
     */
    default boolean detectsNonTransactional() {
        return false;
    }

    /**
     * The dialect the project in {@code dir} names itself (Sqitch's {@code core.engine}), used as
     * {@code --dialect} when that is not given; null when the project does not say.
     */
    default DialectId dialect(Path dir) {
        return null;
    }

    /** What to say when the folder holds no migrations of this tool. */
    default String emptyHint() {
        return "name the folder that holds the " + title() + " project";
    }
}
