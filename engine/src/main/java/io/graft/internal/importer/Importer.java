package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code graft import TOOL DIR}: one reader per foreign layout produces {@link ImportedRevision}s,
 * and {@link ChangelogWriter} writes them as a changelog. Every construct a reader cannot carry
 * over is a problem at its file and line; unless the request skips them, they fail the import
 * before anything is written.
 */
public final class Importer {

    /** The layouts that can be imported. */
    public static final List<String> TOOLS = List.of("flyway");

    private Importer() {
    }

    public static ImportResult run(ImportRequest request) {
        String tool = request.tool().toLowerCase(Locale.ROOT);
        if (!TOOLS.contains(tool)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.dir().toString()), "cannot import from '"
                    + request.tool() + "'", "known layouts: " + String.join(", ", TOOLS)));
        }
        Path dir = request.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.dir().toString()),
                    "not a folder: " + request.dir(), "name the " + tool + " project's folder"));
        }
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        FlywayLayout.Imported imported = FlywayLayout.read(dir, problems, notes);
        if (imported.revisions().isEmpty() && problems.isEmpty()) {
            problems.add(Problem.at(SourceSpan.file(request.dir().toString()), "no Flyway migrations found in "
                    + request.dir(), "name the folder that holds flyway.conf or the V*__*.sql files"));
        }
        if (!problems.isEmpty() && !request.skipUnsupported()) {
            throw new ChangelogException(problems);
        }
        notes.addAll(0, problems);
        ChangelogWriter writer = new ChangelogWriter(request, tool, dir);
        return writer.write(imported, notes);
    }
}
