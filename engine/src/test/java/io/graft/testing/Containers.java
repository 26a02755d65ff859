package io.graft.testing;

import io.graft.changelog.DialectId;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/** Testcontainers servers, started once per JVM and only where Docker runs. */
final class Containers {

    private Containers() {
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static Servers.Server postgres() {
        if (!dockerAvailable()) {
            return null;
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
        container.start();
        return new Servers.Server(DialectId.POSTGRESQL, container.getJdbcUrl(), container.getUsername(),
                container.getPassword());
    }

    static Servers.Server mariadb() {
        if (!dockerAvailable()) {
            return null;
        }
        MariaDBContainer<?> container = new MariaDBContainer<>("mariadb:11").withUsername("root");
        container.start();
        return new Servers.Server(DialectId.MYSQL, container.getJdbcUrl(), "root", container.getPassword());
    }
}
