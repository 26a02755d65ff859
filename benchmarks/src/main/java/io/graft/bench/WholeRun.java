package io.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-run harness: generates a project of N revisions, then per database applies it with
 * the {@code graft} command and with the raw-JDBC {@link Floor}, each in a process of its own on a
 * fresh database, alternating which goes first; then times the no-op run (everything applied)
 * of each, also alternating. Every process is timed from outside and its peak RSS recorded.
 */
public final class WholeRun {

    /** Where to find the two programs and the databases. */
    public record Config(int revisions, int runs, List<String> dialects, List<String> graftCommand,
            List<String> floorCommand, String postgresAdminUrl, Path workDir, boolean realShape) {
    }

    /** The key prefix of the real-project shape's series ({@link RealProject}); the uniform shape's have none. */
    public static final String REAL = "real/";

    /** The measurements of one (database, program, phase). */
    public record Series(String dialect, String program, String phase, List<ProcessTimer.Measurement> runs) {
        public double medianSeconds() {
            return median(runs.stream().mapToDouble(ProcessTimer.Measurement::seconds).toArray());
        }

        public double medianRssMb() {
            return median(runs.stream().mapToDouble(ProcessTimer.Measurement::peakRssMb).toArray());
        }

        public double maxRssMb() {
            return runs.stream().mapToDouble(ProcessTimer.Measurement::peakRssMb).max().orElse(0);
        }
    }

    private final Config config;

    public WholeRun(Config config) {
        this.config = config;
    }

    /**
     * Runs everything; keys are {@code dialect/program/phase}, e.g. {@code sqlite/graft/up}, and
     * for the real-project shape the same after {@link #REAL}. Programs: {@code graft},
     * {@code floor} (raw JDBC), {@code floor-savepoints} (SQLite), {@code client} ({@code sqlite3}
     * or {@code psql -f}, where installed); phases {@code up}, {@code noop}, and for Graft also
     * {@code heads}, {@code validate} and {@code current}.
     */
    public Map<String, Series> run() {
        Map<String, Series> out = new LinkedHashMap<>();
        Path project = config.workDir().resolve("project");
        Path changelog = Shapes.migrations(project, config.revisions());
        for (String dialect : config.dialects()) {
            runShape("", dialect, project, changelog, out);
        }
        if (config.realShape()) {
            for (String dialect : config.dialects()) {
                Path real = config.workDir().resolve("real-" + dialect);
                runShape(REAL, dialect, real, RealProject.write(real, config.revisions(), dialect), out);
            }
        }
        return out;
    }

    private void runShape(String shape, String dialect, Path project, Path changelog, Map<String, Series> out) {
        Database graftDb = database(dialect, "graft");
        Database floorDb = database(dialect, "floor");
        List<String> client = client(dialect, floorDb, project);
        List<ProcessTimer.Measurement> graftUp = new ArrayList<>();
        List<ProcessTimer.Measurement> floorUp = new ArrayList<>();
        List<ProcessTimer.Measurement> clientUp = new ArrayList<>();
        for (int r = 0; r < config.runs(); r++) {
            for (int k = 0; k < 3; k++) {
                switch ((r + k) % 3) {
                    case 0 -> {
                        graftDb.reset();
                        graftUp.add(ProcessTimer.run(graft(graftDb, changelog, "up"), project));
                    }
                    case 1 -> {
                        floorDb.reset();
                        floorUp.add(ProcessTimer.run(floor(floorDb, project), project));
                    }
                    default -> {
                        if (client != null) {
                            floorDb.reset();
                            clientUp.add(ProcessTimer.run(client, project));
                        }
                    }
                }
            }
        }
        if (dialect.equals("sqlite")) {
            // Graft runs SQLite in one write transaction with a savepoint per revision: the
            // same strategy as a raw loop, for an apples-to-apples ratio.
            List<ProcessTimer.Measurement> floorSavepoints = new ArrayList<>();
            for (int r = 0; r < config.runs(); r++) {
                floorDb.reset();
                List<String> cmd = new ArrayList<>(floor(floorDb, project));
                cmd.add("--savepoints");
                floorSavepoints.add(ProcessTimer.run(cmd, project));
            }
            put(out, shape, new Series(dialect, "floor-savepoints", "up", floorSavepoints));
        }
        floorDb.reset();
        ProcessTimer.run(floor(floorDb, project), project);
        List<ProcessTimer.Measurement> graftNoop = new ArrayList<>();
        List<ProcessTimer.Measurement> floorNoop = new ArrayList<>();
        List<ProcessTimer.Measurement> heads = new ArrayList<>();
        List<ProcessTimer.Measurement> validate = new ArrayList<>();
        List<ProcessTimer.Measurement> current = new ArrayList<>();
        for (int r = 0; r < config.runs(); r++) {
            graftNoop.add(ProcessTimer.run(graft(graftDb, changelog, "up"), project));
            floorNoop.add(ProcessTimer.run(floor(floorDb, project), project));
            heads.add(ProcessTimer.run(graft(null, changelog, "heads"), project));
            validate.add(ProcessTimer.run(graft(null, changelog, "validate"), project));
            current.add(ProcessTimer.run(graft(graftDb, changelog, "current"), project));
        }
        put(out, shape, new Series(dialect, "graft", "up", graftUp));
        put(out, shape, new Series(dialect, "floor", "up", floorUp));
        if (client != null) {
            put(out, shape, new Series(dialect, "client", "up", clientUp));
        }
        put(out, shape, new Series(dialect, "graft", "noop", graftNoop));
        put(out, shape, new Series(dialect, "floor", "noop", floorNoop));
        put(out, shape, new Series(dialect, "graft", "heads", heads));
        put(out, shape, new Series(dialect, "graft", "validate", validate));
        put(out, shape, new Series(dialect, "graft", "current", current));
        graftDb.drop();
        floorDb.drop();
    }

    /**
     * The database's own client applying every up file in a transaction of its own (no history,
     * no checksum): {@code sqlite3} or {@code psql -f}; null when it is not installed.
     */
    private static List<String> client(String dialect, Database db, Path project) {
        String script = project.resolve("client.sql").toString();
        return switch (dialect) {
            case "sqlite" -> onPath("sqlite3") ? List.of("sqlite3", "-bail", ((SqliteDb) db).file().toString(),
                    ".read " + script) : null;
            case "postgresql" -> onPath("psql") ? List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                    db.url().substring("jdbc:".length()), "-f", script) : null;
            default -> null;
        };
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void put(Map<String, Series> out, String shape, Series s) {
        out.put(shape + s.dialect() + "/" + s.program() + "/" + s.phase(), s);
    }

    /** {@code graft [--url URL] -c CHANGELOG COMMAND}; without a database for commands that need none. */
    private List<String> graft(Database db, Path changelog, String command) {
        List<String> cmd = new ArrayList<>(config.graftCommand());
        if (db != null) {
            cmd.addAll(List.of("--url", db.url()));
        }
        cmd.addAll(List.of("-c", changelog.toString(), command));
        return cmd;
    }

    private List<String> floor(Database db, Path project) {
        List<String> cmd = new ArrayList<>(config.floorCommand());
        cmd.addAll(List.of(db.url(), project.toString()));
        return cmd;
    }

    private Database database(String dialect, String owner) {
        return switch (dialect) {
            case "sqlite" -> new SqliteDb(config.workDir().resolve(owner + ".db"));
            case "postgresql" -> new PostgresDb(config.postgresAdminUrl(), "graft_bench_" + owner + "_" + ProcessHandle.current().pid());
            default -> throw new IllegalArgumentException("unknown database " + dialect + " (sqlite, postgresql)");
        };
    }

    interface Database {
        String url();

        void reset();

        void drop();
    }

    record SqliteDb(Path file) implements Database {
        public String url() {
            return "jdbc:sqlite:" + file;
        }

        public void reset() {
            drop();
        }

        public void drop() {
            try {
                for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(file + suffix));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A database of its own on the server, dropped and created again before each run. */
    record PostgresDb(String adminUrl, String name) implements Database {
        public String url() {
            return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        }

        public void reset() {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
        }

        public void drop() {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private void admin(String... sql) {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + adminUrl + ": " + e.getMessage(), e);
            }
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
