package io.graft.internal.migrate;

import io.graft.ChangelogException;
import io.graft.Direction;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.internal.changelog.SqlSource;
import io.graft.internal.changelog.SqlSources;
import io.graft.internal.dialect.Dialect;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A revision's SQL file for one dialect: checksum and statements, from the loaded changelog's
 * {@link SqlSources}, so that each file is read from disk once per command.
 */
public final class ScriptReader {

    private final Changelog changelog;
    private final SqlSources sources;
    private final DialectId dialect;
    private final SplitOptions options;

    public ScriptReader(Changelog changelog, SqlSources sources, Dialect dialect) {
        this.changelog = changelog;
        this.sources = sources;
        this.dialect = dialect.id();
        this.options = dialect.splitOptions();
    }

    /** The file of {@code revision} for this dialect, as written in the changelog. */
    public String relativePath(Revision revision, Direction direction) {
        SqlRef ref = direction == Direction.UP ? revision.up() : revision.down();
        if (ref == null) {
            throw new ChangelogException(Problem.at(revision.span(), "revision '" + revision.id()
                    + "' has no down file, so it cannot be reverted",
                    "add 'down:' to the revision, or use 'graft stamp' to move past it"));
        }
        return ref.pathFor(dialect).orElseThrow(() -> new ChangelogException(Problem.at(ref.span(),
                "revision '" + revision.id() + "' has no " + direction.name().toLowerCase(java.util.Locale.ROOT)
                        + " file for " + dialect.key() + " (it has " + ref.dialects() + ")",
                "add a '" + dialect.key() + ":' entry, or declare 'dialects:' so that validate checks coverage")));
    }

    /** The file as the user sees it: relative to the working directory when it lies below it. */
    public String displayPath(String relative) {
        Path file = changelog.resolve(relative);
        Path cwd = Path.of("").toAbsolutePath();
        return file.isAbsolute() && file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** Checksum of the up file only: what the history compares. */
    public String upChecksum(Revision revision) {
        String relative = relativePath(revision, Direction.UP);
        try {
            return sources.of(relative).checksum();
        } catch (IOException e) {
            throw cannotRead(revision, Direction.UP, relative, e);
        }
    }

    public Script read(Revision revision, Direction direction) {
        String relative = relativePath(revision, direction);
        SqlSource source = sources.of(relative);
        String checksum;
        byte[] content;
        try {
            content = source.content(); // first: the checksum is then taken of these bytes
            checksum = source.checksum();
        } catch (IOException e) {
            throw cannotRead(revision, direction, relative, e);
        }
        // From here the script's statements hold the bytes, as their text: a large file is in
        // memory once, not again as text and as statements.
        source.release();
        String file = displayPath(relative);
        return new Script(revision, direction, file, checksum, SqlSplitter.split(content, file, options));
    }

    private ChangelogException cannotRead(Revision revision, Direction direction, String relative, IOException e) {
        return new ChangelogException(Problem.at(SourceSpan.file(displayPath(relative)),
                "cannot read the " + direction.name().toLowerCase(java.util.Locale.ROOT) + " file of revision '"
                        + revision.id() + "': " + e.getMessage()));
    }
}
