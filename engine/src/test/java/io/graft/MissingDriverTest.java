package io.graft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graft-engine declares the JDBC drivers optional. Here the engine runs in a class loader that
 * holds its own classes and its required dependencies only (the drivers taken off the test class
 * path, as an application that adds none would have): changelog work needs no driver, a URL whose
 * driver is missing is an error naming the Maven artifact to add, and with one driver added the
 * engine migrates that database.
 */
class MissingDriverTest {

    private static final Path SAMPLES = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."), "samples");

    private static final String PG = "/org/postgresql/postgresql/";
    private static final String SQLITE = "/org/xerial/sqlite-jdbc/";
    private static final String MARIADB = "/org/mariadb/jdbc/mariadb-java-client/";

    @TempDir
    Path dir;

    /** The test class path less the given drivers' jars, under the platform class loader only. */
    private static URLClassLoader without(String... drivers) throws MalformedURLException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (Arrays.stream(drivers).noneMatch(path::contains)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(urls).hasSizeLessThan(classPath.split(File.pathSeparator).length);
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Runs {@link Probe#run} in {@code loader} (as the thread's class loader too) and returns what it said. */
    private static String probe(ClassLoader loader, String... args) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (String) loader.loadClass(Probe.class.getName()).getMethod("run", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void eachMissingDriverIsAnErrorNamingItsArtifact() throws Exception {
        String changelog = SAMPLES.resolve("blog/changelog.yaml").toString();
        try (URLClassLoader loader = without(PG, SQLITE, MARIADB)) {
            assertThat(probe(loader, "status", changelog, "jdbc:postgresql://127.0.0.1:5432/postgres?user=u&password=s3cr3t"))
                    .startsWith("GraftException: no JDBC driver for PostgreSQL on the class path")
                    .contains("add the dependency org.postgresql:postgresql")
                    .contains("<groupId>org.postgresql</groupId><artifactId>postgresql</artifactId>")
                    .doesNotContain("s3cr3t");
            assertThat(probe(loader, "status", changelog, "jdbc:sqlite:" + dir.resolve("app.db")))
                    .contains("no JDBC driver for SQLite").contains("add the dependency org.xerial:sqlite-jdbc");
            assertThat(dir.resolve("app.db")).doesNotExist();
            assertThat(probe(loader, "status", changelog, "jdbc:mariadb://127.0.0.1:3306/app"))
                    .contains("no JDBC driver for MySQL/MariaDB")
                    .contains("add the dependency org.mariadb.jdbc:mariadb-java-client");
        }
    }

    @Test
    void aDriverThatRefusesTheUrlSaysWhatItAccepts() throws Exception {
        try (URLClassLoader loader = without(PG, SQLITE)) {
            assertThat(probe(loader, "status", SAMPLES.resolve("blog/changelog.yaml").toString(),
                    "jdbc:mysql://127.0.0.1:3306/app?user=u&password=s3cr3t"))
                    .startsWith("GraftException: the MySQL/MariaDB JDBC driver (org.mariadb.jdbc.Driver) does not accept"
                            + " URLs that start with 'jdbc:mysql:'")
                    .contains("hint: write jdbc:mariadb://").contains("permitMysqlScheme")
                    .doesNotContain("s3cr3t");
        }
    }

    @Test
    void changelogWorkNeedsNoDriver() throws Exception {
        try (URLClassLoader loader = without(PG, SQLITE, MARIADB)) {
            assertThat(probe(loader, "lint", SAMPLES.resolve("dialects/changelog.yaml").toString(), "jdbc:sqlite:x.db"))
                    .isEqualTo("ok");
            assertThat(probe(loader, "sql", SAMPLES.resolve("dialects/changelog.yaml").toString(), "jdbc:postgresql://h/db"))
                    .contains("CREATE");
        }
    }

    @Test
    void theOneDriverAddedIsEnough() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("app.db");
        try (URLClassLoader loader = without(PG, MARIADB)) {
            assertThat(probe(loader, "up", SAMPLES.resolve("blog/changelog.yaml").toString(), url)).isEqualTo("5");
            assertThat(probe(loader, "up", SAMPLES.resolve("blog/changelog.yaml").toString(), url)).isEqualTo("0");
        }
    }

    /** Loaded again inside the driverless class loader; says what the engine did, or the error it threw. */
    public static final class Probe {

        public static String run(String... args) {
            String command = args[0];
            Graft.Builder builder = Graft.builder().changelog(Path.of(args[1])).url(args[2]);
            try (Graft graft = builder.build()) {
                Callable<String> call = switch (command) {
                    case "status" -> () -> graft.status().toString();
                    case "lint" -> () -> {
                        graft.validate();
                        graft.lint();
                        return "ok";
                    };
                    case "sql" -> () -> graft.upgradeSql("heads", "base");
                    case "up" -> () -> String.valueOf(graft.upgrade().steps().size());
                    default -> throw new IllegalArgumentException(command);
                };
                return call.call();
            } catch (GraftException e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
