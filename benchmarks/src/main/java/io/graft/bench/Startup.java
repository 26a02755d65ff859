package io.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each start-up measure of the {@code graft} launcher is worth, whole process: the launcher
 * as it is against a copy of it that differs by one measure, run in turn pair by pair (the order
 * swapped every round), on no-op runs and {@code graft --version}. Each copy lives in a copy of
 * the project with its own copy of {@code graft.jar}, so it trains its own class-data archive the
 * way the launcher does after a build (in the warm-up run).
 * Prints one Markdown table in the style of {@link Suite}: the medians, and the median of the
 * pair-by-pair ratios "without / with" (above 1: the measure saves time) with their quartiles.
 *
 * <pre>
 * java -cp benchmarks/target/graft-benchmarks.jar io.graft.bench.Startup --root . [--runs 11]
 *     [--revisions 1000] [--rows 150] [--pg-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
 *     [--only cds,serial-gc,...] [--work DIR] [--picocli-jar JAR]
 * </pre>
 *
 * PostgreSQL rows are left out, with a note, when the server cannot be reached.
 */
public final class Startup {

    /**
     * One launcher copy. {@code added}: the measure is not in the launcher and the copy adds it
     * (the ratio is still without / with). {@code picocliAsShipped}: the copy's graft.jar gets
     * picocli's class files back as its jar ships them (the build rewrites them).
     */
    record Variant(String name, String measure, boolean added, UnaryOperator<String> launcher,
            Map<String, String> environment, boolean picocliAsShipped) {
        Variant(String name, String measure, UnaryOperator<String> launcher, Map<String, String> environment) {
            this(name, measure, false, launcher, environment, false);
        }
    }

    record Workload(String name, List<String> args) {
    }

    private static final Variant LAUNCHER = new Variant("launcher", "the launcher as it is",
            UnaryOperator.identity(), Map.of());

    /**
     * The measures: each kept one taken out of a copy of the launcher, each one taken out (or
     * never there) put into a copy.
     */
    static final List<Variant> VARIANTS = List.of(
            new Variant("cds", "the AppCDS archive (GRAFT_CDS=0)", UnaryOperator.identity(),
                    Map.of("GRAFT_CDS", "0")),
            new Variant("cds-classes", "the class list of the CDS training run (cds-classes.txt)",
                    text -> replaceOnce(text, "GRAFT_CDS_TRAINING=1 ", ""), Map.of()),
            new Variant("picocli-rewrite", "picocli's class files rewritten for CDS (its jar's Java 5 ones)", false,
                    UnaryOperator.identity(), Map.of(), true),
            new Variant("c1-only", "-XX:TieredStopAtLevel=1 (C1 and C2)",
                    text -> removeFlag(text, "-XX:TieredStopAtLevel=1"), Map.of()),
            new Variant("serial-gc", "-XX:+UseSerialGC (G1)", text -> removeFlag(text, "-XX:+UseSerialGC"), Map.of()),
            new Variant("young-gen", "-Xmn16m", text -> removeFlag(text, "-Xmn16m"), Map.of()),
            new Variant("cheap-staleness-check", "the cheap staleness check (the plain one it replaced)",
                    Startup::plainStalenessCheck, Map.of()),
            new Variant("one-compiler-thread", "-XX:CICompilerCount=1", true,
                    text -> addFlag(text, "-XX:CICompilerCount=1"), Map.of(), false),
            new Variant("no-perf-data", "-XX:-UsePerfData", true, text -> addFlag(text, "-XX:-UsePerfData"),
                    Map.of(), false),
            new Variant("all", "any measure (java -jar graft.jar: no flags, no archive, picocli as shipped)", false,
                    text -> text.replaceFirst("(?m)^flags=\\([^)]*\\)", "flags=()"), Map.of("GRAFT_CDS", "0"), true));

    private final Options o;
    private final List<Suite.Row> rows = new ArrayList<>();

    private Startup(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws IOException {
        Startup startup = new Startup(Options.parse(args));
        startup.run();
        System.out.println();
        System.out.println(Suite.table(startup.rows));
    }

    private void run() throws IOException {
        Files.createDirectories(o.work);
        List<Variant> variants = VARIANTS.stream()
                .filter(v -> o.only == null || o.only.contains(v.name())).toList();
        Map<Variant, Path> launchers = new LinkedHashMap<>();
        launchers.put(LAUNCHER, launcherCopy(LAUNCHER));
        for (Variant v : variants) {
            launchers.put(v, launcherCopy(v));
        }
        Path launcher = launchers.get(LAUNCHER);

        Path project = o.work.resolve("project");
        Path changelog = Shapes.migrations(project, o.revisions, o.rows);
        Path blog = o.root.resolve("samples/blog/changelog.yaml");
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload(String.format(Locale.ROOT, "no-op up, %d revisions of %.1f KB, sqlite", o.revisions,
                averageUpFileKb(project)), List.of("--url", "jdbc:sqlite:" + o.work.resolve("noop.db"), "-c",
                changelog.toString(), "up")));
        workloads.add(new Workload("no-op up, samples/blog, sqlite",
                List.of("--url", "jdbc:sqlite:" + o.work.resolve("blog.db"), "-c", blog.toString(), "up")));
        WholeRun.PostgresDb pg = new WholeRun.PostgresDb(o.pgUrl, "graft_bench_startup_" + ProcessHandle.current().pid());
        boolean postgres = false;
        try {
            pg.reset();
            postgres = true;
            workloads.add(new Workload("no-op up, samples/blog, postgresql",
                    List.of("--url", pg.url(), "-c", blog.toString(), "up")));
        } catch (IllegalStateException e) {
            System.err.println("startup: no PostgreSQL rows (" + e.getMessage() + ")");
        }
        workloads.add(new Workload("graft --version", List.of("--version")));
        try {
            for (Workload w : workloads) {
                if (w.args().contains("up")) {
                    ProcessTimer.run(with(List.of(launcher.toString()), w.args()), o.work); // apply it once
                }
                measure(w, launchers);
            }
        } finally {
            if (postgres) {
                pg.drop();
            }
        }
    }

    /** Warm-up run of each copy (the first trains its archive), then {@code runs} pairs each. */
    private void measure(Workload w, Map<Variant, Path> launchers) {
        System.err.println("startup: " + w.name());
        for (Map.Entry<Variant, Path> e : launchers.entrySet()) {
            run(e.getKey(), e.getValue(), w);
        }
        Path launcher = launchers.get(LAUNCHER);
        Map<Variant, List<ProcessTimer.Measurement[]>> pairs = new LinkedHashMap<>();
        for (int r = 0; r < o.runs; r++) {
            for (Map.Entry<Variant, Path> e : launchers.entrySet()) {
                if (e.getKey() == LAUNCHER) {
                    continue;
                }
                ProcessTimer.Measurement a;
                ProcessTimer.Measurement b;
                if (r % 2 == 0) {
                    a = run(LAUNCHER, launcher, w);
                    b = run(e.getKey(), e.getValue(), w);
                } else {
                    b = run(e.getKey(), e.getValue(), w);
                    a = run(LAUNCHER, launcher, w);
                }
                pairs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new ProcessTimer.Measurement[] {a, b});
            }
        }
        for (Map.Entry<Variant, List<ProcessTimer.Measurement[]>> e : pairs.entrySet()) {
            Variant v = e.getKey();
            List<ProcessTimer.Measurement[]> p = e.getValue();
            // index 0: the launcher, 1: the copy; "without" is the copy unless the copy adds the measure
            int without = v.added() ? 0 : 1;
            int with = 1 - without;
            double[] wall = ratios(p, without, with, ProcessTimer.Measurement::seconds);
            double[] cpu = ratios(p, without, with, ProcessTimer.Measurement::cpuSeconds);
            double[] rss = ratios(p, without, with, ProcessTimer.Measurement::peakRssMb);
            String target = w.name() + ": " + (v.added() ? "the launcher / with " : "without ") + v.measure()
                    + (v.added() ? "" : " / the launcher");
            String measured = String.format(Locale.ROOT, "%.2f s / %.2f s (cpu %.2f s / %.2f s, RSS %.0f / %.0f MB)",
                    median(p, without, ProcessTimer.Measurement::seconds), median(p, with, ProcessTimer.Measurement::seconds),
                    median(p, without, ProcessTimer.Measurement::cpuSeconds),
                    median(p, with, ProcessTimer.Measurement::cpuSeconds),
                    median(p, without, ProcessTimer.Measurement::peakRssMb),
                    median(p, with, ProcessTimer.Measurement::peakRssMb));
            String ratio = String.format(Locale.ROOT, "%.2fx (quartiles %.2f-%.2f; cpu %.2fx, RSS %.2fx)",
                    WholeRun.median(wall), quartile(wall, 1), quartile(wall, 3), WholeRun.median(cpu),
                    WholeRun.median(rss));
            rows.add(new Suite.Row(target, measured, ratio, "info"));
        }
    }

    private ProcessTimer.Measurement run(Variant v, Path launcher, Workload w) {
        return ProcessTimer.run(with(List.of(launcher.toString()), w.args()), o.work, v.environment());
    }

    /**
     * A copy of the project (its files with their times, no {@code target} folders) with the
     * edited launcher and a copy of graft.jar, so the launcher's staleness check sees what it sees
     * in the project and finds the jar up to date.
     */
    private Path launcherCopy(Variant v) throws IOException {
        Path copy = o.work.resolve("launchers").resolve(v.name());
        copyTree(o.root, copy);
        Path jar = o.root.resolve("cli/target/graft.jar");
        Path jarCopy = Files.createDirectories(copy.resolve("cli/target")).resolve("graft.jar");
        Files.copy(jar, jarCopy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        if (v.picocliAsShipped()) {
            picocliAsShipped(jarCopy);
            Files.setLastModifiedTime(jarCopy, Files.getLastModifiedTime(jar));
        }
        Path script = copy.resolve("graft");
        Files.writeString(script, v.launcher().apply(Files.readString(o.root.resolve("graft"))));
        Files.setLastModifiedTime(script, Files.getLastModifiedTime(o.root.resolve("graft")));
        return script;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(".git")) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes picocli's class files, as its own jar has them, over those in {@code jar}. */
    private void picocliAsShipped(Path jar) throws IOException {
        try (FileSystem shipped = FileSystems.newFileSystem(o.picocliJar);
                FileSystem graft = FileSystems.newFileSystem(jar);
                Stream<Path> files = Files.walk(shipped.getPath("/picocli"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Files.copy(file, graft.getPath(file.toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // ---------------------------------------------------------------- launcher edits

    static String replaceOnce(String text, String old, String replacement) {
        int at = text.indexOf(old);
        if (at < 0) {
            throw new IllegalStateException("the launcher no longer contains '" + old
                    + "': update io.graft.bench.Startup.VARIANTS");
        }
        return text.substring(0, at) + replacement + text.substring(at + old.length());
    }

    /** Takes one JVM flag out of the launcher's {@code flags=(...)} line. */
    static String removeFlag(String text, String flag) {
        String line = text.lines().filter(l -> l.startsWith("flags=(")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the launcher has no flags=(...) line"));
        String edited = line.replace("(" + flag + " ", "(").replace(" " + flag + " ", " ")
                .replace(" " + flag + ")", ")").replace("(" + flag + ")", "()");
        if (edited.equals(line)) {
            throw new IllegalStateException("the launcher's flags no longer contain " + flag
                    + ": update io.graft.bench.Startup.VARIANTS");
        }
        return replaceOnce(text, line, edited);
    }

    /**
     * The launcher's staleness check as it was before it was made cheap: every file of the three
     * modules' {@code src} (tests and fixtures included), a second {@code find} for the pom files,
     * and {@code readlink} and {@code dirname} forked to find its folder.
     */
    static String plainStalenessCheck(String text) {
        String check = Pattern.compile("(?ms)^needs_build\\(\\) \\{.*?^\\}\n").matcher(text).results()
                .findFirst().orElseThrow(() -> new IllegalStateException("the launcher has no needs_build()")).group();
        String plain = """
                needs_build() {
                  [[ -f "$jar" ]] || return 0
                  local newer
                  local sources=()
                  for d in engine/src cli/src changelog-schema/src; do
                    [[ -d "$root/$d" ]] && sources+=("$root/$d")
                  done
                  newer="$(find "${sources[@]}" -newer "$jar" -type f -print -quit 2>/dev/null || true)"
                  if [[ -z "$newer" ]]; then
                    newer="$(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit 2>/dev/null || true)"
                  fi
                  [[ -n "$newer" ]]
                }
                """;
        String rootWithoutForks = """
                self="${BASH_SOURCE[0]}"
                [[ -L "$self" ]] && self="$(readlink -f "$self")"
                [[ "$self" == */* ]] || self="./$self"
                root="$(cd "${self%/*}" && pwd)"
                """;
        String rootWithForks = "root=\"$(cd \"$(dirname \"$(readlink -f \"${BASH_SOURCE[0]}\")\")\" && pwd)\"\n";
        return replaceOnce(replaceOnce(text, check, plain), rootWithoutForks, rootWithForks);
    }

    /** Puts one JVM flag into the launcher's {@code flags=(...)} line. */
    static String addFlag(String text, String flag) {
        return replaceOnce(text, "\nflags=(", "\nflags=(" + flag + " ");
    }

    // ---------------------------------------------------------------- figures

    private static double averageUpFileKb(Path project) {
        try (Stream<Path> files = Files.list(project.resolve("sql"))) {
            return files.filter(p -> p.toString().endsWith(".up.sql"))
                    .mapToLong(p -> p.toFile().length()).average().orElse(0) / 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] ratios(List<ProcessTimer.Measurement[]> pairs, int without, int with,
            ToDoubleFunction<ProcessTimer.Measurement> figure) {
        return pairs.stream().mapToDouble(m -> figure.applyAsDouble(m[without]) / figure.applyAsDouble(m[with]))
                .toArray();
    }

    private static double median(List<ProcessTimer.Measurement[]> pairs, int side,
            ToDoubleFunction<ProcessTimer.Measurement> figure) {
        return WholeRun.median(pairs.stream().mapToDouble(m -> figure.applyAsDouble(m[side])).toArray());
    }

    private static double quartile(double[] values, int q) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, v.length * q / 4)];
    }

    private static List<String> with(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static final class Options {
        Path root;
        int runs = 11;
        int revisions = 1000;
        int rows = 150;
        String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        List<String> only;
        Path work;
        Path picocliJar = Path.of(System.getProperty("user.home"), ".m2", "repository", "info", "picocli", "picocli",
                picocli.CommandLine.VERSION, "picocli-" + picocli.CommandLine.VERSION + ".jar");

        static Options parse(String[] args) throws IOException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[++i];
                switch (args[i - 1]) {
                    case "--root" -> o.root = Path.of(value).toAbsolutePath().normalize();
                    case "--runs" -> o.runs = Integer.parseInt(value);
                    case "--revisions" -> o.revisions = Integer.parseInt(value);
                    case "--rows" -> o.rows = Integer.parseInt(value);
                    case "--pg-url" -> o.pgUrl = value;
                    case "--only" -> o.only = List.of(value.split(","));
                    case "--work" -> o.work = Path.of(value).toAbsolutePath();
                    case "--picocli-jar" -> o.picocliJar = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            }
            if (o.root == null || !Files.isRegularFile(o.root.resolve("cli/target/graft.jar"))) {
                throw new IllegalArgumentException("--root: the project folder, with a built cli/target/graft.jar");
            }
            if (o.work == null) {
                o.work = Files.createTempDirectory("graft-startup");
            }
            return o;
        }
    }
}
