package io.graft.bench;

/**
 * A target of {@link FleetChaos}: its name in the report, its engine, its URL as the targets file
 * gives it, and its place in the interleaved list (0 to 1).
 */
record ChaosTarget(String name, Engine engine, String url, double position) {

    enum Engine {
        SQLITE("SQLite"), POSTGRESQL("PostgreSQL"), MARIADB("MariaDB");

        final String shown;

        Engine(String shown) {
            this.shown = shown;
        }
    }
}
