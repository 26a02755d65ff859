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
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fleet benchmark ({@code benchmarks/fleet.sh}): a linear changelog of {@code --revisions}
 * revisions (default 50) applied to {@code --sqlite} SQLite files (default 500) and to
 * {@code --schemas} PostgreSQL schemas of one database (default 200), three ways, each in
 * processes of its own on fresh targets:
 * <ol>
 *   <li>{@code graft up --targets FILE --parallel P}: one process for the whole fleet;</li>
 *   <li>a shell loop of one {@code graft up} per target, as fleets are migrated with one-database
 *       tools today (over {@code --loop-sample} targets when set, then scaled to the fleet, and
 *       said so);</li>
 *   <li>a loop of Flyway runs in one JVM ({@link FlywayLoop}), the Java peers' way.</li>
 * </ol>
 * Printed as one Markdown table with the ratios. Memory: the fleet run's peak RSS at a fifth of
 * the SQLite fleet and at the whole, to show that it does not grow with the number of targets.
 *
 * <pre>
 * java -cp graft-benchmarks.jar io.graft.bench.FleetBench [--graft-jar cli/target/graft.jar] [--quick]
 *     [--revisions 50] [--sqlite 500] [--schemas 200] [--parallel 8] [--loop-sample 0]
 *     [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] [--work DIR]
 * </pre>
 */
public final class FleetBench {

    record Row(String what, int targets, double seconds, double rssMb, String note) {
    }

    private final Path graftJar;
    private final Path work;
    private final int revisions;
    private final int sqlite;
    private final int schemas;
    private final int parallel;
    private final int loopSample;
    private final String pgUrl;
    private final List<Row> rows = new ArrayList<>();

    private FleetBench(String[] args) throws IOException {
        Path jar = null;
        Path dir = null;
        int rev = 50;
        int files = 500;
        int pg = 200;
        int par = 8;
        int sample = 0;
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--graft-jar" -> jar = Path.of(args[++i]);
                case "--work" -> dir = Path.of(args[++i]);
                case "--revisions" -> rev = Integer.parseInt(args[++i]);
                case "--sqlite" -> files = Integer.parseInt(args[++i]);
                case "--schemas" -> pg = Integer.parseInt(args[++i]);
                case "--parallel" -> par = Integer.parseInt(args[++i]);
                case "--loop-sample" -> sample = Integer.parseInt(args[++i]);
                case "--pg-url" -> url = args[++i];
                case "--quick" -> {
                    rev = 10;
                    files = 20;
                    pg = 10;
                    sample = 5;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        this.graftJar = jar == null ? null : jar.toAbsolutePath();
        this.work = dir != null ? dir : Files.createTempDirectory("graft-fleet-bench");
        this.revisions = rev;
        this.sqlite = files;
        this.schemas = pg;
        this.parallel = par;
        this.loopSample = sample;
        this.pgUrl = url;
    }

    public static void main(String[] args) throws Exception {
        FleetBench bench = new FleetBench(args);
        bench.run();
        System.out.println(bench.table());
    }

    /** For the test: the rows of a run with these options. */
    public static List<Row> rowsOf(String... args) throws Exception {
        FleetBench bench = new FleetBench(args);
        bench.run();
        return bench.rows;
    }

    private void run() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        Path changelog = Shapes.migrations(project, revisions);
        Path flyway = flywayProject(project.resolve("flyway"));
        if (sqlite > 0) {
            int fifth = Math.max(1, sqlite / 5);
            rows.add(fleet("SQLite, graft up --targets (a fifth of the fleet)", changelog, sqliteTargets("fifth", fifth), null));
            rows.add(fleet("SQLite, graft up --targets", changelog, sqliteTargets("fleet", sqlite), null));
            rows.add(loop("SQLite, one graft up per target (shell loop)", changelog, sqliteTargets("loop", sqlite), null));
            rows.add(flywayLoop("SQLite, Flyway per target in one JVM", flyway, sqliteTargets("flyway", sqlite), null));
        }
        if (schemas > 0) {
            rows.add(pg("fleet", db -> fleet("PostgreSQL schemas, graft up --targets", changelog, schemaTargets(db), user())));
            rows.add(pg("loop", db -> {
                // One graft up per URL names the schema only in the URL (currentSchema), which
                // PostgreSQL does not create: the schemas are there first, as a tenant's would be.
                createSchemas(db);
                return loop("PostgreSQL schemas, one graft up per target (shell loop)", changelog, schemaTargets(db),
                        user());
            }));
            rows.add(pg("flyway", db -> flywayLoop("PostgreSQL schemas, Flyway per target in one JVM", flyway,
                    schemaTargets(db), user())));
        }
    }

    private Row fleet(String what, Path changelog, Path targets, String user) {
        List<String> command = graft("-q", "-c", changelog.toString());
        if (user != null) {
            command.addAll(List.of("--user", user));
        }
        command.addAll(List.of("up", "--targets", targets.toString(), "--parallel", Integer.toString(parallel)));
        ProcessTimer.Measurement m = ProcessTimer.run(command, work);
        return new Row(what, lines(targets).size(), m.seconds(), m.peakRssMb(), "one process, " + parallel + " at a time");
    }

    private Row loop(String what, Path changelog, Path targets, String user) throws IOException {
        List<String> all = lines(targets);
        List<String> sample = loopSample > 0 && loopSample < all.size() ? all.subList(0, loopSample) : all;
        Path sampleFile = Files.write(work.resolve("loop-" + UUID.randomUUID() + ".txt"), sample);
        String graft = String.join(" ", graft("-q", "-c", changelog.toString()))
                + (user == null ? "" : " --user " + user);
        String script = "while IFS= read -r url; do " + graft + " --url \"$url\" up || exit 1; done < " + sampleFile;
        ProcessTimer.Measurement m = ProcessTimer.run(List.of("bash", "-c", script), work);
        double seconds = m.seconds() * all.size() / sample.size();
        return new Row(what, all.size(), seconds, m.peakRssMb(), sample.size() == all.size() ? "one JVM per target"
                : "one JVM per target; timed over " + sample.size() + " targets and scaled");
    }

    private Row flywayLoop(String what, Path flyway, Path targets, String user) {
        List<String> command = java("-cp", FleetFixtures.classPath(), FlywayLoop.class.getName(),
                flyway.toString(), targets.toString(), user == null ? "" : user);
        ProcessTimer.Measurement m = ProcessTimer.run(command, work);
        return new Row(what, lines(targets).size(), m.seconds(), m.peakRssMb(), "Flyway.migrate() per target, in turn");
    }

    private List<String> graft(String... rest) {
        return FleetFixtures.graft(graftJar, rest);
    }

    private static List<String> java(String... rest) {
        return FleetFixtures.java(rest);
    }

    private Path sqliteTargets(String name, int n) throws IOException {
        Path folder = work.resolve("sqlite-" + name + "-" + UUID.randomUUID());
        return Files.write(folder.resolve("targets.txt"), FleetFixtures.sqliteUrls(folder, "t", n));
    }

    private Path schemaTargets(String database) throws IOException {
        String base = FleetFixtures.pgBase(pgUrl, database);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < schemas; i++) {
            urls.add(base + "?currentSchema=" + String.format("t%05d", i));
        }
        return Files.write(work.resolve(database + "-targets.txt"), urls);
    }

    private String user() {
        return FleetFixtures.user(pgUrl, "postgres");
    }

    interface PgRun {
        Row run(String database) throws Exception;
    }

    /** Runs {@code run} on a fresh database, dropped afterwards. */
    private Row pg(String name, PgRun run) throws Exception {
        String database = "graft_fleet_bench_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + database);
        try {
            return run.run(database);
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void createSchemas(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(FleetFixtures.pgDatabase(pgUrl, database)); Statement s = c.createStatement()) {
            for (int i = 0; i < schemas; i++) {
                s.execute("CREATE SCHEMA " + String.format("t%05d", i));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The same revisions as Flyway's {@code V<n>__<id>.sql} files. */
    private Path flywayProject(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= revisions; i++) {
            Files.writeString(dir.resolve("V" + i + "__" + Shapes.revisionId(i) + ".sql"),
                    String.join("\n", Shapes.statements(i)) + "\n");
        }
        return dir;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%d revisions; %d SQLite files, %d PostgreSQL schemas; %d cores%n%n",
                revisions, sqlite, schemas, Runtime.getRuntime().availableProcessors()));
        out.append("| run | targets | seconds | ms per target | peak RSS MB | graft --targets is | note |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            Row fleet = rows.stream().filter(x -> x.what().startsWith(r.what().substring(0, r.what().indexOf(',')))
                    && x.what().endsWith("graft up --targets") && x.targets() == r.targets()).findFirst().orElse(null);
            String ratio = fleet == null || fleet == r ? "" : String.format(Locale.ROOT, "%.1fx faster",
                    r.seconds() / fleet.seconds());
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %s | %s |%n", r.what(), r.targets(),
                    r.seconds(), r.seconds() * 1000 / r.targets(), r.rssMb(), ratio, r.note()));
        }
        return out.toString();
    }
}
