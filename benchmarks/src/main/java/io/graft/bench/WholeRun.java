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
            List<String> floorCommand, String postgresAdminUrl, Path workDir) {
    }

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

    /** Runs everything; keys are {@code dialect/program/phase}, e.g. {@code sqlite/graft/up}. */
    public Map<String, Series> run() {
        Path project = config.workDir().resolve("project");
        Path changelog = Shapes.migrations(project, config.revisions());
        Map<String, Series> out = new LinkedHashMap<>();
        for (String dialect : config.dialects()) {
            Database graftDb = database(dialect, "graft");
            Database floorDb = database(dialect, "floor");
            List<ProcessTimer.Measurement> graftUp = new ArrayList<>();
            List<ProcessTimer.Measurement> floorUp = new ArrayList<>();
            for (int r = 0; r < config.runs(); r++) {
                for (int k = 0; k < 2; k++) {
                    boolean graftTurn = (r + k) % 2 == 0;
                    if (graftTurn) {
                        graftDb.reset();
                        graftUp.add(ProcessTimer.run(graft(graftDb, changelog), project));
                    } else {
                        floorDb.reset();
                        floorUp.add(ProcessTimer.run(floor(floorDb, project), project));
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
                put(out, new Series(dialect, "floor-savepoints", "up", floorSavepoints));
                floorDb.reset();
                ProcessTimer.run(floor(floorDb, project), project);
            }
            List<ProcessTimer.Measurement> graftNoop = new ArrayList<>();
            List<ProcessTimer.Measurement> floorNoop = new ArrayList<>();
            for (int r = 0; r < config.runs(); r++) {
                graftNoop.add(ProcessTimer.run(graft(graftDb, changelog), project));
                floorNoop.add(ProcessTimer.run(floor(floorDb, project), project));
            }
            put(out, new Series(dialect, "graft", "up", graftUp));
            put(out, new Series(dialect, "floor", "up", floorUp));
            put(out, new Series(dialect, "graft", "noop", graftNoop));
            put(out, new Series(dialect, "floor", "noop", floorNoop));
            graftDb.drop();
            floorDb.drop();
        }
        return out;
    }

    private static void put(Map<String, Series> out, Series s) {
        out.put(s.dialect() + "/" + s.program() + "/" + s.phase(), s);
    }

    private List<String> graft(Database db, Path changelog) {
        List<String> cmd = new ArrayList<>(config.graftCommand());
        cmd.addAll(List.of("--url", db.url(), "-c", changelog.toString(), "up"));
        return cmd;
    }

    private List<String> floor(Database db, Path project) {
        List<String> cmd = new ArrayList<>(config.floorCommand());
        cmd.addAll(List.of(db.url(), project.toString(), Integer.toString(config.revisions())));
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

    private record SqliteDb(Path file) implements Database {
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
