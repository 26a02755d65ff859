package io.graft.maven;

import java.nio.file.Path;

/**
 * A relative SQLite file in a URL, resolved against the project's folder: Maven may be started
 * from a parent folder ({@code mvn -pl app}), and the file should not move with it.
 */
final class SqliteUrls {

    private static final String PREFIX = "jdbc:sqlite:";

    private SqliteUrls() {
    }

    static String resolve(String url, Path basedir) {
        if (!url.startsWith(PREFIX)) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q);
        // ":memory:", "file:..." URIs and absolute paths are left as they are.
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
            return url;
        }
        return PREFIX + basedir.toAbsolutePath().normalize().resolve(file) + query;
    }

    /**
     * The folder of a SQLite file, created when missing: a build's {@code target/} does not exist
     * before the first goal that writes there, and SQLite creates the file but not its folder.
     */
    static void createFolder(String url) throws java.io.IOException {
        if (!url.startsWith(PREFIX)) {
            return;
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
    }
}
