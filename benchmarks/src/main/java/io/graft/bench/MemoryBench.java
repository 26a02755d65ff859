package io.graft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Peak resident memory of {@code graft up} as a user runs it, through the launcher: a project
 * whose last revision is a data load of 100 MB ({@link RealProject#dataLoad}), and the
 * 1,000-revision real-project shape ({@link RealProject#write}), on SQLite and PostgreSQL, each
 * on a new database. Peak RSS is the kernel's maxrss of the process ({@code /usr/bin/time}'s
 * {@code %M}); medians of {@code --runs}. Prints one Markdown table with the targets of issue 17.
 *
 * <pre>
 * java -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.MemoryBench --graft-launcher ./graft
 *     [--mb 100] [--revisions 1000] [--runs 3] [--dialects sqlite,postgresql]
 *     [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] [--work DIR]
 * </pre>
 */
public final class MemoryBench {

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String launcher = "./graft";
        int mb = 100;
        int revisions = 1000;
        int runs = 3;
        List<String> dialects = List.of("sqlite", "postgresql");
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        Path work = Files.createTempDirectory("graft-memory-");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--graft-launcher" -> launcher = Path.of(args[++i]).toAbsolutePath().toString();
                case "--mb" -> mb = Integer.parseInt(args[++i]);
                case "--revisions" -> revisions = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dialects" -> dialects = Arrays.asList(args[++i].split(","));
                case "--pg-url" -> pgUrl = args[++i];
                case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("| run | peak RSS, median (min-max) | wall, median | target | verdict |");
        rows.add("|---|---|---|---|---|");
        for (String dialect : dialects) {
            Path big = RealProject.dataLoad(work.resolve("data-load-" + dialect), 3, mb, dialect);
            rows.add(row("up, a data load of " + mb + " MB (3 revisions), " + dialect, launcher, big, dialect, pgUrl, runs,
                    work, 200));
            Path real = RealProject.write(work.resolve("real-" + dialect), revisions, dialect);
            rows.add(row("up, " + revisions + " revisions, real-project shape, " + dialect, launcher, real, dialect, pgUrl,
                    runs, work, 128));
        }
        System.out.println(String.join("\n", rows));
    }

    private static String row(String what, String launcher, Path changelog, String dialect, String pgUrl, int runs,
            Path work, double limitMb) {
        WholeRun.Database db = dialect.equals("postgresql")
                ? new WholeRun.PostgresDb(pgUrl, "graft_memory_" + ProcessHandle.current().pid())
                : new WholeRun.SqliteDb(work.resolve("memory.db"));
        double[] rss = new double[runs];
        double[] wall = new double[runs];
        try {
            for (int r = 0; r < runs; r++) {
                db.reset();
                ProcessTimer.Measurement m = ProcessTimer.run(
                        List.of(launcher, "--url", db.url(), "-c", changelog.toString(), "up"), changelog.getParent());
                rss[r] = m.peakRssMb();
                wall[r] = m.seconds();
            }
        } finally {
            db.drop();
        }
        double median = WholeRun.median(rss);
        return String.format(Locale.ROOT, "| %s | %.0f MB (%.0f-%.0f) | %.2f s | <= %.0f MB | %s |", what, median,
                Arrays.stream(rss).min().orElse(0), Arrays.stream(rss).max().orElse(0), WholeRun.median(wall), limitMb,
                Arrays.stream(rss).max().orElse(0) <= limitMb ? "met" : "missed");
    }
}
