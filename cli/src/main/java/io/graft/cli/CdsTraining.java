package io.graft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The launcher's class-data-sharing training run (see the {@code graft} script): it runs
 * {@code up} of samples/blog on a throw-away SQLite database with {@code GRAFT_CDS_TRAINING=1}, and
 * the archive the JVM dumps at exit holds the classes the run loaded. Before exiting, such a run
 * also loads (without initializing) the classes of {@value #CLASS_LIST}: what runs on PostgreSQL
 * and MariaDB/MySQL and other commands load and the training run does not (their JDBC drivers,
 * the JDK's socket and management classes, the JSON renderer), so that those runs find them in
 * the archive too. Not a user feature: it changes which classes are loaded, nothing else.
 *
 * <p>With {@value #SQLITE_NATIVE} naming a folder, it also copies the SQLite driver's native
 * library for this OS and CPU there: the launcher then points the driver at it
 * ({@code -Dorg.sqlite.lib.path}), instead of the driver copying its 1 MB library out of the jar
 * into a new temporary file and comparing it byte by byte on every start.
 */
final class CdsTraining {

    static final String VARIABLE = "GRAFT_CDS_TRAINING";
    static final String CLASS_LIST = "cds-classes.txt";
    static final String SQLITE_NATIVE = "GRAFT_SQLITE_NATIVE_DIR";

    private CdsTraining() {
    }

    static boolean requested() {
        return "1".equals(System.getenv(VARIABLE));
    }

    /**
     * Loads every class of the list that exists, without initializing it; a name that no longer
     * exists is skipped. Returns how many were loaded.
     */
    static int loadListedClasses() {
        ClassLoader loader = CdsTraining.class.getClassLoader();
        int loaded = 0;
        try (InputStream in = CdsTraining.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // Renamed or removed since the list was made: only a little less is archived.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    /** Copies the SQLite native library into the folder {@value #SQLITE_NATIVE} names, if it names one. */
    static void extractSqliteLibrary() {
        String folder = System.getenv(SQLITE_NATIVE);
        if (folder == null || folder.isEmpty()) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // no library for this platform in the jar: the driver finds its own way
            }
            Path dir = Files.createDirectories(Path.of(folder));
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
