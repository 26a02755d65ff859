package io.graft.cli.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the {@code graft} command keeps what it may compute again (the SQL files' checksums and
 * the changelog's model, found by content: {@code Graft.Builder.cacheFolder}): {@code GRAFT_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/graft}, else {@code ~/.cache/graft}. {@code GRAFT_CACHE_DIR=off} keeps
 * nothing. Losing the folder loses nothing but time.
 */
public final class CacheFolder {

    private CacheFolder() {
    }

    /** The folder, or null when nothing is to be kept (turned off, or no home folder to keep it in). */
    public static Path of(CliEnvironment environment) {
        String own = environment.variable("GRAFT_CACHE_DIR");
        if (own != null) {
            return own.equalsIgnoreCase("off") ? null : absolute(own, environment);
        }
        String xdg = environment.variable("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return absolute(xdg, environment).resolve("graft");
        }
        String home = environment.variable("HOME");
        return home == null ? null : absolute(home, environment).resolve(".cache").resolve("graft");
    }

    private static Path absolute(String folder, CliEnvironment environment) {
        try {
            return environment.workingDir().resolve(folder).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
