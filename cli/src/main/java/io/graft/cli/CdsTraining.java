package io.graft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The launcher's class-data-sharing training run (see the {@code graft} script): it runs
 * {@code up} of samples/blog on a throw-away SQLite database with {@code GRAFT_CDS_TRAINING=1}, and
 * the archive the JVM dumps at exit holds the classes the run loaded. Before exiting, such a run
 * also loads (without initializing) the classes of {@value #CLASS_LIST}: what runs on PostgreSQL
 * and MariaDB/MySQL and other commands load and the training run does not (their JDBC drivers,
 * the JDK's socket and management classes, the JSON renderer), so that those runs find them in
 * the archive too. Not a user feature: it changes which classes are loaded, nothing else.
 */
final class CdsTraining {

    static final String VARIABLE = "GRAFT_CDS_TRAINING";
    static final String CLASS_LIST = "cds-classes.txt";

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
}
