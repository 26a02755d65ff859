package io.graft.internal.changelog;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL files of one loaded changelog: one {@link SqlSource} per resolved path, however many
 * revisions name it and however it is written. It serves one command at a time (see
 * {@link #forget()}). Safe to use from any thread.
 */
public final class SqlSources {

    private final Path baseDir;
    private final KnownChecksums known;
    private final Map<Path, SqlSource> byPath = new ConcurrentHashMap<>();

    /**
     * @param baseDir the changelog's folder, absolute and normalised, as {@code Changelog.baseDir()}
     * @param known the checksums computed before, by content
     */
    SqlSources(Path baseDir, KnownChecksums known) {
        this.baseDir = baseDir;
        this.known = known;
    }

    /** The file at {@code relative}, a path as the changelog writes it (already checked by the load). */
    public SqlSource of(String relative) {
        return at(baseDir.resolve(relative).normalize());
    }

    /** The checksums, and the files' stamps, known from before. */
    KnownChecksums known() {
        return known;
    }

    SqlSource at(Path resolved) {
        return byPath.computeIfAbsent(resolved, path -> new SqlSource(path, known));
    }

    /**
     * Forgets every file's bytes and checksum: for a new command on the same load, which must see
     * the files as they are now. A source still in use by the command before stays as it was.
     */
    public void forget() {
        byPath.clear();
    }
}
