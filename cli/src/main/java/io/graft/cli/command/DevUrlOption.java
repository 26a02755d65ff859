package io.graft.cli.command;

import io.graft.cli.settings.CliEnvironment;
import picocli.CommandLine.Option;

/**
 * {@code --dev-url}: the server on which {@code test}, {@code drift} and {@code new --autogenerate}
 * build their scratch databases.
 */
final class DevUrlOption {

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "A server on which Graft may create and drop a scratch database (needed for PostgreSQL"
                    + " and MySQL/MariaDB; SQLite uses a temporary file). Env: GRAFT_DEV_URL.")
    String devUrl;

    /** The option, else {@code GRAFT_DEV_URL}, else null. */
    String value(CliEnvironment environment) {
        return devUrl != null ? devUrl : environment.variable("GRAFT_DEV_URL");
    }
}
