package io.graft.junit;

import io.graft.changelog.DialectId;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Testcontainers servers, one per dialect, started on first use and left to Testcontainers to
 * stop when the JVM ends. Only loaded after {@link Servers} has seen Testcontainers on the class
 * path, so a project without it never touches these types.
 */
final class Containers {

    private static Server postgres;
    private static Server mariadb;

    private Containers() {
    }

    static boolean dockerRuns() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static synchronized Server postgres() {
        if (postgres == null) {
            PostgreSQLContainer<?> c = new PostgreSQLContainer<>("postgres:16-alpine");
            c.start();
            postgres = new Server(DialectId.POSTGRESQL, c.getJdbcUrl(), c.getUsername(), c.getPassword(),
                    "Testcontainers postgres:16-alpine");
        }
        return postgres;
    }

    static synchronized Server mariadb() {
        if (mariadb == null) {
            MariaDBContainer<?> c = new MariaDBContainer<>("mariadb:11").withUsername("root");
            c.start();
            mariadb = new Server(DialectId.MYSQL, c.getJdbcUrl(), "root", c.getPassword(), "Testcontainers mariadb:11");
        }
        return mariadb;
    }
}
