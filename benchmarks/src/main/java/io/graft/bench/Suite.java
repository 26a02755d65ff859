package io.graft.bench;

import io.graft.bench.micro.GraphBench;
import io.graft.bench.micro.SplitBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Everything {@code benchmarks/run.sh} runs, printed as one Markdown table: the whole-run harness
 * (Graft against the raw-JDBC floor), whole-process timings of {@code validate}, {@code heads} and
 * load+validate+plan, and the JMH micro-benchmarks. What each start-up measure of the launcher is
 * worth is {@link Startup} ({@code benchmarks/startup.sh}).
 *
 * <pre>
 * java -jar benchmarks/target/graft-benchmarks.jar --graft-jar cli/target/graft.jar [--graft-launcher ./graft] [--quick]
 *     [--revisions 1000] [--runs 5] [--dialects sqlite,postgresql] [--graph 100000] [--heads 20000]
 *     [--split-mb 50] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] [--no-jmh]
 *     [--no-real-shape] [--no-graph] [--work DIR]
 * </pre>
 */
public final class Suite {

    /** The JVM flags of the {@code graft} launcher script; the floor gets the same. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn16m");

    record Row(String target, String measured, String versus, String verdict) {
    }

    private final Options o;
    private final List<Row> rows = new ArrayList<>();

    private Suite(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Suite suite = new Suite(o);
        suite.runAll();
        System.out.println();
        System.out.println(suite.table());
    }

    /** For the test: runs only the whole-run harness and returns its series. */
    public static Map<String, WholeRun.Series> wholeRunOnly(String... args) {
        Options o = Options.parse(args);
        return new Suite(o).wholeRun(o.work.resolve("whole-run"));
    }

    private void runAll() throws IOException, RunnerException {
        Files.createDirectories(o.work);
        Map<String, WholeRun.Series> whole = wholeRun(o.work.resolve("whole-run"));
        shapeRows(whole, "", "uniform shape");
        if (o.realShape) {
            shapeRows(whole, WholeRun.REAL, "real-project shape");
        }
        if (o.graph) {
            wholeProcessGraph();
        }
        if (o.jmh) {
            jmh();
        }
    }

    /**
     * The whole-run rows of one shape: {@code up} against the raw-JDBC floor and the database's
     * client, the no-op run, peak RSS, and {@code heads}, {@code validate}, {@code current}.
     */
    private void shapeRows(Map<String, WholeRun.Series> whole, String prefix, String shape) {
        String n = o.revisions + " revisions, " + shape;
        for (String d : o.dialects) {
            WholeRun.Series g = whole.get(prefix + d + "/graft/up");
            WholeRun.Series f = whole.get(prefix + d + "/floor/up");
            double limit = d.equals("sqlite") ? 0.70 : 0.90;
            double ratio = g.medianSeconds() / f.medianSeconds();
            rows.add(new Row("up " + n + ", " + d + ": Graft / raw-JDBC floor",
                    secs(g.medianSeconds()) + " / " + secs(f.medianSeconds()),
                    String.format(Locale.ROOT, "%.2fx (limit %.2fx)", ratio, limit), ratio <= limit ? "pass" : "miss"));
            WholeRun.Series sp = whole.get(prefix + d + "/floor-savepoints/up");
            if (sp != null) {
                double r2 = g.medianSeconds() / sp.medianSeconds();
                rows.add(new Row("up " + n + ", " + d
                        + ": Graft / floor in one transaction with a savepoint per revision (Graft's SQLite strategy)",
                        secs(g.medianSeconds()) + " / " + secs(sp.medianSeconds()),
                        String.format(Locale.ROOT, "%.2fx", r2), "info"));
            }
            WholeRun.Series c = whole.get(prefix + d + "/client/up");
            if (c != null) {
                double r3 = g.medianSeconds() / c.medianSeconds();
                rows.add(new Row("up " + n + ", " + d + ": Graft / " + (d.equals("sqlite") ? "sqlite3" : "psql -f")
                        + " of the same statements (a transaction per revision, no history)",
                        secs(g.medianSeconds()) + " / " + secs(c.medianSeconds()),
                        String.format(Locale.ROOT, "%.2fx", r3), "info"));
            }
        }
        for (String d : o.dialects) {
            WholeRun.Series g = whole.get(prefix + d + "/graft/noop");
            WholeRun.Series f = whole.get(prefix + d + "/floor/noop");
            double limit = Math.min(0.45, f.medianSeconds() + 0.10);
            rows.add(new Row("no-op up on " + n + " applied, " + d + " (floor: " + secs(f.medianSeconds()) + ")",
                    secs(g.medianSeconds()) + String.format(Locale.ROOT, " (floor + %.2f s)",
                            g.medianSeconds() - f.medianSeconds()),
                    "limit 0.45 s and floor + 0.10 s", g.medianSeconds() <= limit ? "pass" : "miss"));
        }
        for (String d : o.dialects) {
            WholeRun.Series g = whole.get(prefix + d + "/graft/up");
            WholeRun.Series f = whole.get(prefix + d + "/floor/up");
            rows.add(new Row("peak RSS of up " + n + ", " + d + " (floor: " + mb(f.medianRssMb()) + ")",
                    mb(g.medianRssMb()) + " (max " + mb(g.maxRssMb()) + ")", "limit 128 MB",
                    g.maxRssMb() <= 128 ? "pass" : "miss"));
        }
        String d = o.dialects.get(0);
        for (String[] command : new String[][] {{"heads", "0.30"}, {"validate", "0.40"}, {"current", ""}}) {
            WholeRun.Series g = whole.get(prefix + d + "/graft/" + command[0]);
            double cpu = WholeRun.median(g.runs().stream().mapToDouble(ProcessTimer.Measurement::cpuSeconds).toArray());
            String measured = secs(g.medianSeconds()) + ", CPU " + secs(cpu) + ", RSS " + mb(g.medianRssMb());
            if (command[1].isEmpty()) {
                rows.add(new Row("graft " + command[0] + ", " + n + " (" + d + ")", measured, "info", "info"));
            } else {
                double limit = Double.parseDouble(command[1]);
                rows.add(new Row("graft " + command[0] + ", " + n + (prefix.isEmpty() ? "" : " (" + d + " files)"),
                        measured, "limit " + command[1] + " s", g.medianSeconds() <= limit ? "pass" : "miss"));
            }
        }
    }

    private Map<String, WholeRun.Series> wholeRun(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new WholeRun(new WholeRun.Config(o.revisions, o.runs, o.dialects, graftCommand(),
                javaMain(Floor.class.getName()), o.pgUrl, dir, o.realShape)).run();
    }

    /** {@code graft validate} and {@code graft heads} on the heads-sized graph; load+validate+plan on the big one. */
    private void wholeProcessGraph() {
        Path small = o.work.resolve("graph-" + o.headsRevisions);
        Path big = o.work.resolve("graph-" + o.graphRevisions);
        Path smallChangelog = Shapes.graph(small, o.headsRevisions, 3);
        Path bigChangelog = Shapes.graph(big, o.graphRevisions, 3);
        for (String command : List.of("validate", "heads")) {
            List<String> cmd = new ArrayList<>(graftCommand());
            cmd.addAll(List.of("-c", smallChangelog.toString(), command));
            double s = medianOf(cmd, small).medianSeconds();
            rows.add(new Row("graft " + command + ", " + o.headsRevisions + " revisions, whole process", secs(s),
                    "limit 1.00 s", s <= 1.0 ? "pass" : "miss"));
        }
        List<String> bigHeads = new ArrayList<>(graftCommand());
        bigHeads.addAll(List.of("-c", bigChangelog.toString(), "heads"));
        WholeRun.Series headsSeries = medianOf(bigHeads, big);
        rows.add(new Row("graft heads, " + o.graphRevisions + " revisions, whole process (the launcher's flags)",
                secs(headsSeries.medianSeconds()) + ", RSS " + mb(headsSeries.medianRssMb()),
                "limit 3.00 s", headsSeries.medianSeconds() <= 3.0 ? "pass" : "miss"));
        List<String> plan = new ArrayList<>(List.of(java(), "-Xmx300m"));
        plan.addAll(LAUNCHER_FLAGS);
        plan.addAll(List.of("-cp", classPath(), PlanMain.class.getName(), bigChangelog.toString()));
        WholeRun.Series series;
        try {
            series = medianOf(plan, big);
        } catch (IllegalStateException e) {
            rows.add(new Row("load + validate + plan, " + o.graphRevisions + " revisions, whole process, -Xmx300m",
                    "failed: " + firstLineMentioning(e.getMessage(), "Error"), "limit 3.00 s, 300 MB", "miss"));
            plan.set(1, "-Xmx1g");
            series = medianOf(plan, big);
            rows.add(new Row("the same with -Xmx1g", secs(series.medianSeconds()) + ", RSS " + mb(series.medianRssMb()),
                    "limit 3.00 s", series.medianSeconds() <= 3.0 ? "pass" : "miss"));
            return;
        }
        String heap = series.runs().get(0).output().replaceAll("(?s).*heap in use after GC (\\d+) MB.*", "$1");
        double s = series.medianSeconds();
        rows.add(new Row("load + validate + plan, " + o.graphRevisions + " revisions, whole process, -Xmx300m",
                secs(s) + ", heap " + heap + " MB live, RSS " + mb(series.medianRssMb()),
                "limit 3.00 s, 300 MB", s <= 3.0 ? "pass" : "miss"));
    }

    private void jmh() throws RunnerException {
        double load = score(GraphBench.class.getName() + ".loadValidatePlan", Map.of("revisions", o.graphRevisions));
        rows.add(new Row("JMH load + validate + plan, " + o.graphRevisions + " revisions (warm JVM)",
                String.format(Locale.ROOT, "%.0f ms/op", load), "limit 3000 ms", load <= 3000 ? "pass" : "miss"));
        double heads = score(GraphBench.class.getName() + ".heads", Map.of("revisions", o.headsRevisions));
        double build = score(GraphBench.class.getName() + ".buildGraphAndHeads", Map.of("revisions", o.headsRevisions));
        rows.add(new Row("JMH heads, " + o.headsRevisions + " revisions (graph built / graph built + heads)",
                String.format(Locale.ROOT, "%.3f ms / %.1f ms", heads, build), "info", "info"));
        double split = score(SplitBench.class.getName() + ".splitPostgres", Map.of("megabytes", o.splitMb));
        double mbPerS = o.splitMb / (split / 1000.0);
        rows.add(new Row("JMH split a " + o.splitMb + " MB PostgreSQL file",
                String.format(Locale.ROOT, "%.0f MB/s (%.0f ms/op)", mbPerS, split), "limit >= 100 MB/s",
                mbPerS >= 100 ? "pass" : "miss"));
    }

    private double score(String benchmark, Map<String, Integer> params) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder().include("^" + benchmark.replace(".", "\\.") + "$")
                .forks(1).shouldFailOnError(true)
                .warmupIterations(o.quick ? 1 : 3).warmupTime(TimeValue.seconds(o.quick ? 1 : 2))
                .measurementIterations(o.quick ? 1 : 5).measurementTime(TimeValue.seconds(o.quick ? 1 : 2))
                .jvmArgsAppend("-Xmx2g");
        params.forEach((k, v) -> b.param(k, Integer.toString(v)));
        Collection<RunResult> results = new Runner(b.build()).run();
        return results.iterator().next().getPrimaryResult().getScore();
    }

    private static String firstLineMentioning(String text, String word) {
        return text.lines().filter(l -> l.contains(word)).findFirst().orElse(text.lines().findFirst().orElse("")).trim();
    }

    private WholeRun.Series medianOf(List<String> cmd, Path dir) {
        List<ProcessTimer.Measurement> runs = new ArrayList<>();
        for (int r = 0; r < o.runs; r++) {
            runs.add(ProcessTimer.run(cmd, dir));
        }
        return new WholeRun.Series("", "", "", runs);
    }

    // ---------------------------------------------------------------- commands

    /** This JVM's class path with absolute entries: the processes run in other folders. */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The launcher, or without it (the test) the launcher's JVM flags and Graft's main class. */
    private List<String> graftCommand() {
        if (o.launcher != null) {
            return List.of(o.launcher.toString());
        }
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(LAUNCHER_FLAGS);
        if (o.graftJar != null) {
            cmd.addAll(List.of("-jar", o.graftJar.toString()));
        } else {
            cmd.addAll(List.of("-cp", classPath(), "io.graft.cli.Main"));
        }
        return cmd;
    }

    private static List<String> javaMain(String mainClass) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(LAUNCHER_FLAGS);
        cmd.addAll(List.of("-cp", classPath(), mainClass));
        return cmd;
    }

    private static List<String> with(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- output

    String table() {
        return table(rows);
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| target | measured (median) | ratio / limit | result |\n|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.target()).append(" | ").append(r.measured()).append(" | ").append(r.versus())
                    .append(" | ").append(r.verdict()).append(" |\n");
        }
        return sb.toString();
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String mb(double m) {
        return String.format(Locale.ROOT, "%.0f MB", m);
    }

    static final class Options {
        boolean quick;
        int revisions = 1000;
        int runs = 5;
        List<String> dialects = List.of("sqlite", "postgresql");
        int graphRevisions = 100_000;
        int headsRevisions = 20_000;
        int splitMb = 50;
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        Path graftJar;
        Path launcher;
        Path work;
        boolean jmh = true;
        boolean realShape = true;
        boolean graph = true;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> a = List.of(args);
            if (a.contains("--quick")) {
                o.quick = true;
                o.revisions = 50;
                o.runs = 1;
                o.graphRevisions = 5_000;
                o.headsRevisions = 2_000;
                o.splitMb = 5;
            }
            for (int i = 0; i < a.size(); i++) {
                Function<Integer, String> next = k -> {
                    if (k + 1 >= a.size()) {
                        throw new IllegalArgumentException(a.get(k) + " needs a value");
                    }
                    return a.get(k + 1);
                };
                switch (a.get(i)) {
                    case "--quick" -> { }
                    case "--no-jmh" -> o.jmh = false;
                    case "--no-real-shape" -> o.realShape = false;
                    case "--no-graph" -> o.graph = false;
                    case "--revisions" -> o.revisions = Integer.parseInt(next.apply(i++));
                    case "--runs" -> o.runs = Integer.parseInt(next.apply(i++));
                    case "--dialects" -> o.dialects = List.of(next.apply(i++).split(","));
                    case "--graph" -> o.graphRevisions = Integer.parseInt(next.apply(i++));
                    case "--heads" -> o.headsRevisions = Integer.parseInt(next.apply(i++));
                    case "--split-mb" -> o.splitMb = Integer.parseInt(next.apply(i++));
                    case "--pg-url" -> o.pgUrl = next.apply(i++);
                    case "--graft-jar" -> o.graftJar = Path.of(next.apply(i++)).toAbsolutePath();
                    case "--graft-launcher" -> o.launcher = Path.of(next.apply(i++)).toAbsolutePath();
                    case "--work" -> o.work = Path.of(next.apply(i++)).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + a.get(i));
                }
            }
            if (o.work == null) {
                try {
                    o.work = Files.createTempDirectory("graft-bench");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return o;
        }
    }
}
