package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.ImportRequest;
import io.graft.ImportResult;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code graft import TOOL DIR}: one reader per foreign layout produces {@link ImportedRevision}s,
 * and {@link ChangelogWriter} writes them as a changelog. Every construct a reader cannot carry
 * over is a problem at its file and line; unless the request skips them, they fail the import
 * before anything is written.
 */
public final class Importer {

    /** The tools whose projects can be imported and whose databases adopted, by name. */
    private static final Map<String, ImportTool> BY_NAME = index(List.of(
            new FlywayTool(),
            new LiquibaseTool(),
            new SqitchTool(),
            new DbmateTool(),
            new GolangMigrateTool(),
            new GooseTool(),
            new PopxTool(),
            new AlembicTool()));

    /** The names of the layouts that can be imported. */
    public static final List<String> TOOLS = List.copyOf(BY_NAME.keySet());

    private Importer() {
    }

    /**
     * The reader of {@code tool}'s history for adoption, mapping onto the revisions of
     * {@code manifest}; null for a tool Graft cannot adopt from.
     */
    public static HistoryAdoption adoption(String tool, ImportManifest manifest) {
        ImportTool t = BY_NAME.get(tool.toLowerCase(Locale.ROOT));
        return t == null ? null : t.adoption(manifest);
    }

    private static Map<String, ImportTool> index(List<ImportTool> tools) {
        Map<String, ImportTool> out = new LinkedHashMap<>();
        tools.forEach(t -> out.put(t.name(), t));
        return Collections.unmodifiableMap(out);
    }

    public static ImportResult run(ImportRequest request) {
        ImportTool tool = BY_NAME.get(request.tool().toLowerCase(Locale.ROOT));
        if (tool == null) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.dir().toString()), "cannot import from '"
                    + request.tool() + "'", "known layouts: " + String.join(", ", TOOLS)));
        }
        Path dir = request.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(request.dir().toString()),
                    "not a folder: " + request.dir(), "name the " + tool.name() + " project's folder"));
        }
        if (request.dialect() == null && tool.dialect(dir) != null) {
            request = new ImportRequest(request.tool(), request.dir(), request.changelog(), tool.dialect(dir),
                    request.inPlace(), request.skipUnsupported());
        }
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        Imported imported = tool.read(dir, request, problems, notes);
        if (imported.revisions().isEmpty() && problems.isEmpty()) {
            problems.add(Problem.at(SourceSpan.file(request.dir().toString()), "no " + tool.title()
                    + " migrations found in " + request.dir(), tool.emptyHint()));
        }
        if (!problems.isEmpty() && !request.skipUnsupported()) {
            throw new ChangelogException(problems);
        }
        notes.addAll(0, problems);
        ChangelogWriter writer = new ChangelogWriter(request, tool, dir);
        return writer.write(imported, notes);
    }
}
