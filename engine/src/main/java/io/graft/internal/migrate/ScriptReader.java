package io.graft.internal.migrate;

import io.graft.ChangelogException;
import io.graft.Direction;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a revision's SQL file for one dialect: checksum and statements. */
public final class ScriptReader {

    private final Changelog changelog;
    private final DialectId dialect;
    private final SplitOptions options;

    public ScriptReader(Changelog changelog, DialectId dialect) {
        this.changelog = changelog;
        this.dialect = dialect;
        this.options = SplitOptions.forDialect(dialect);
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

    public byte[] bytes(Revision revision, Direction direction) {
        String relative = relativePath(revision, direction);
        try {
            return Files.readAllBytes(changelog.resolve(relative));
        } catch (IOException e) {
            throw new ChangelogException(Problem.at(SourceSpan.file(displayPath(relative)),
                    "cannot read the " + direction.name().toLowerCase(java.util.Locale.ROOT) + " file of revision '"
                            + revision.id() + "': " + e.getMessage()));
        }
    }

    /** Checksum of the up file only: what the history compares. */
    public String upChecksum(Revision revision) {
        return Checksums.sha256(bytes(revision, Direction.UP));
    }

    public Script read(Revision revision, Direction direction) {
        String relative = relativePath(revision, direction);
        String checksum;
        String text;
        {
            byte[] content = bytes(revision, direction);
            checksum = Checksums.sha256(content);
            int skip = Checksums.hasBom(content) ? 3 : 0;
            text = new String(content, skip, content.length - skip, StandardCharsets.UTF_8);
        }
        // The bytes are garbage from here on: a large file is held as text, then as statements.
        String file = displayPath(relative);
        return new Script(revision, direction, file, checksum, SqlSplitter.split(text, file, options));
    }

}
