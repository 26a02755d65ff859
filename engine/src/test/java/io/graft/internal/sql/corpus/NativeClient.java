package io.graft.internal.sql.corpus;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * One dialect's own client, pointed at one test database: applies SQL files the way a user at a
 * shell would, and dumps the schema where the client is the reference ({@code pg_dump}).
 */
final class NativeClient {

    private final DialectId dialect;
    private final TestDatabase db;
    private final Path client;
    private final Path dump;

    private NativeClient(DialectId dialect, TestDatabase db, Path client, Path dump) {
        this.dialect = dialect;
        this.db = db;
        this.client = client;
        this.dump = dump;
    }

    /** Finds the clients the dialect needs, before any database is made (a missing one skips or fails). */
    static ClientPaths find(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new ClientPaths(Clients.require(dialect, "psql"), Clients.require(dialect, "pg_dump"));
            case SQLITE -> new ClientPaths(Clients.require(dialect, "sqlite3"), null);
            case MYSQL -> new ClientPaths(Clients.require(dialect, "mariadb", "mysql"), null);
        };
    }

    record ClientPaths(Path client, Path dump) {
    }

    static NativeClient on(TestDatabase db, ClientPaths paths) {
        return new NativeClient(db.dialect(), db, paths.client(), paths.dump());
    }

    /** Applies one file, failing with the client's standard error when the client reports an error. */
    void apply(Path file) {
        switch (dialect) {
            case POSTGRESQL -> {
                Endpoint e = Endpoint.of(db.url(), 5432);
                Clients.run(Clients.command(client, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", e.host(), "-p", e.port(),
                        "-U", db.user(), "-d", e.database(), "-f", file.toAbsolutePath()), pgEnv(), null);
            }
            case SQLITE -> Clients.run(Clients.command(client, "-bail", sqliteFile()), Map.of(), file);
            case MYSQL -> {
                Endpoint e = Endpoint.of(db.url(), 3306);
                // --comments: by default the client strips comments, changing the stored text of
                // routine bodies; Graft sends each statement exactly as written.
                Clients.run(Clients.command(client, "--comments", "--default-character-set=utf8mb4",
                        "-h", e.host(), "-P", e.port(), "-u", db.user(), e.database()),
                        db.password() == null || db.password().isEmpty() ? Map.of() : Map.of("MYSQL_PWD", db.password()),
                        file);
            }
        }
    }

    /**
     * {@code pg_dump --schema-only} without owners, privileges and Graft's tables; the
     * database's name and pg_dump's random {@code \restrict} key are replaced so two dumps compare.
     */
    String pgDump() {
        Endpoint e = Endpoint.of(db.url(), 5432);
        String out = Clients.run(Clients.command(dump, "--schema-only", "--no-owner", "--no-privileges",
                "--exclude-table=graft_*", "-h", e.host(), "-p", e.port(), "-U", db.user(), e.database()),
                pgEnv(), null);
        StringBuilder normalised = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("\\restrict ") || line.startsWith("\\unrestrict ")) {
                continue;
            }
            normalised.append(line.replace(e.database(), "DB")).append('\n');
        }
        return normalised.toString();
    }

    private Map<String, String> pgEnv() {
        return db.password() == null || db.password().isEmpty() ? Map.of() : Map.of("PGPASSWORD", db.password());
    }

    private String sqliteFile() {
        return db.url().substring("jdbc:sqlite:".length());
    }

    /** Host, port and database of a {@code jdbc:postgresql://} or {@code jdbc:mariadb://} URL. */
    record Endpoint(String host, int port, String database) {

        static Endpoint of(String jdbcUrl, int defaultPort) {
            String plain = jdbcUrl.substring("jdbc:".length());
            int q = plain.indexOf('?');
            URI uri = URI.create(q < 0 ? plain : plain.substring(0, q));
            String path = uri.getPath() == null ? "" : uri.getPath();
            return new Endpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort,
                    path.startsWith("/") ? path.substring(1) : path);
        }
    }
}
