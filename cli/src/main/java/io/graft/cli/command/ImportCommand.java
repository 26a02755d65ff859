package io.graft.cli.command;

import io.graft.Graft;
import io.graft.ImportRequest;
import io.graft.changelog.DialectId;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graft import TOOL DIR}: writes a changelog from another tool's migrations; no database. */
@Command(mixinStandardHelpOptions = true,
        footer = {"",
                "Examples:",
                "  graft import flyway .                          the project in this folder -> ./changelog.yaml",
                "  graft import flyway legacy --out db/changelog.yaml --dialect postgresql",
                "  graft import flyway db --in-place              name the original files instead of copying them",
                "  graft import liquibase . --dialect postgresql  the changelog liquibase.properties names"},
        description = "Write a changelog (and its SQL files) from another tool's migrations, keeping each one's"
                + " identity so that 'graft adopt --from TOOL' can map that tool's history."
                + " Whatever cannot be imported faithfully is reported at its file and line (exit 2).")
final class ImportCommand extends GraftCommand {

    @Parameters(index = "0", paramLabel = "TOOL", completionCandidates = ImportTools.class,
            description = "The layout to read: ${COMPLETION-CANDIDATES}.")
    String tool;

    @Parameters(index = "1", paramLabel = "DIR", description = "The other tool's project folder.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The changelog to write (default: the -c changelog, ./changelog.yaml); it must not exist.")
    Path out;

    @Option(names = "--dialect", paramLabel = "D",
            description = "The database the SQL is for (postgresql, sqlite, mysql): declared in the changelog.")
    String dialect;

    @Option(names = "--in-place", description = "Name the original SQL files where they are instead of copying them"
            + " (the changelog must be in DIR or a folder above it).")
    boolean inPlace;

    @Option(names = "--skip-unsupported", description = "Write the changelog anyway, reporting what cannot be"
            + " imported as notes.")
    boolean skipUnsupported;

    @Override
    protected int execute() {
        DialectId d = null;
        if (dialect != null) {
            d = DialectId.fromKey(dialect).orElseThrow(() -> new UsageException("unknown --dialect '" + dialect
                    + "': use postgresql, sqlite or mysql"));
        }
        Path cwd = context.environment().workingDir();
        Path changelog = out != null ? cwd.resolve(out) : settings().changelog();
        io.graft.ImportResult result = Graft.importChangelog(new ImportRequest(tool, cwd.resolve(dir), changelog, d,
                inPlace, skipUnsupported));
        renderer().imported(new io.graft.ImportResult(shown(cwd, result.changelog()), result.manifest(),
                result.revisions(), result.repeatable(), result.copied(), result.notes()));
        return ExitCodes.OK;
    }

    /** The changelog as the user would write it: relative to the working folder when below it. */
    private static Path shown(Path cwd, Path file) {
        Path base = cwd.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute) : file;
    }
}
