package io.graft.junit;

import io.graft.changelog.DialectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where a database of a dialect comes from: a Testcontainers container where the class path has
 * the module and Docker runs, else the server of an environment variable; SQLite is a temporary
 * file.
 */
final class Servers {

    static final String POSTGRES_URL = "GRAFT_TEST_POSTGRES_URL";
    static final String MYSQL_URL = "GRAFT_TEST_MYSQL_URL";
    static final String REQUIRE = "GRAFT_TEST_REQUIRE";

    private static Boolean dockerRuns;

    /** The environment the extension reads; the extension's own tests replace it to see each path. */
    static volatile UnaryOperator<String> environment = System::getenv;

    private final UnaryOperator<String> env;

    Servers(UnaryOperator<String> env) {
        this.env = env;
    }

    static Servers fromEnvironment() {
        return new Servers(name -> environment.apply(name));
    }

    /**
     * A server of {@code dialect} (postgresql or mysql), or empty when none is available. A
     * container is only started where the dialect's driver is on the class path; a server of the
     * environment is returned either way (whether its driver is there is the caller's question).
     */
    Optional<Server> server(DialectId dialect) {
        if (Drivers.accepts(Drivers.sampleUrl(dialect)) && containersAvailable(dialect)) {
            return Optional.of(dialect == DialectId.POSTGRESQL ? Containers.postgres() : Containers.mariadb());
        }
        String variable = variable(dialect);
        String url = env.apply(variable);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> params = params(url);
        return Optional.of(new Server(dialect, url.strip(), params.containsKey("user") ? null : defaultUser(dialect),
                null, variable));
    }

    /** A new SQLite file in a temporary folder, deleted with the folder. */
    static ProvisionedDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("graft-junit-");
            Path file = dir.resolve("test.db");
            return new ProvisionedDatabase(DialectId.SQLITE, "jdbc:sqlite:" + file, null, null, file.toString(),
                    () -> deleteTree(dir));
        } catch (IOException e) {
            throw new IllegalStateException("graft-junit: cannot create a temporary folder for SQLite: " + e.getMessage(), e);
        }
    }

    /** Whether {@code GRAFT_TEST_REQUIRE} names the dialect: then its absence fails instead of skipping. */
    boolean required(DialectId dialect) {
        String value = env.apply(REQUIRE);
        if (value == null) {
            return false;
        }
        Set<String> names = new TreeSet<>();
        for (String part : value.split(",")) {
            names.add(part.strip().toLowerCase(Locale.ROOT).replace("mariadb", "mysql"));
        }
        return names.contains(dialect.key());
    }

    static String variable(DialectId dialect) {
        return dialect == DialectId.POSTGRESQL ? POSTGRES_URL : MYSQL_URL;
    }

    /** Without a user in the URL, the servers' usual administrator. */
    private static String defaultUser(DialectId dialect) {
        return dialect == DialectId.MYSQL ? "root" : "postgres";
    }

    private static boolean containersAvailable(DialectId dialect) {
        String type = dialect == DialectId.POSTGRESQL ? "org.testcontainers.containers.PostgreSQLContainer"
                : "org.testcontainers.containers.MariaDBContainer";
        try {
            Class.forName(type, false, Servers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        synchronized (Servers.class) {
            if (dockerRuns == null) {
                dockerRuns = Containers.dockerRuns();
            }
            return dockerRuns;
        }
    }

    private static Map<String, String> params(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
                }
            }
        }
        return params;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind harms nothing.
        }
    }
}
